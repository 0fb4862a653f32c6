#pragma once

// The visual editor's "Actions allowed" section: "All <service> actions
// (<service>:*)", or the service's actions grouped by access level (List, Read,
// Write, Permissions management, Tagging) with checkboxes and a filter. Names a
// policy holds that the catalog does not know stay checked under "Other", so
// nothing read from JSON is lost by editing here.

#include <QStringList>
#include <QWidget>

namespace iam {
struct CatalogService;
}

class QCheckBox;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

class VisualActionsPicker : public QWidget
{
    Q_OBJECT

public:
    explicit VisualActionsPicker(QWidget *parent = nullptr);

    // Lists the actions of `prefix` and checks `actions` (matched case-insensitively)
    // or all of them. No signal.
    void setSelection(const QString &prefix, bool allActions, const QStringList &actions);
    bool allActions() const;
    // The checked names: the catalog's in catalog order (its spelling), then the others.
    QStringList actions() const;

signals:
    void changed();

private:
    void createWidgets();
    void connectSignals();
    void fillTree(const iam::CatalogService *service, const QStringList &unknown);
    void itemChanged(QTreeWidgetItem *item);
    void filter(const QString &text);
    void updateGroupStates();

    QCheckBox *m_all = nullptr;
    QLineEdit *m_search = nullptr;
    QTreeWidget *m_tree = nullptr;
    QString m_prefix;
};
