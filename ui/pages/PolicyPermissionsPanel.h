#pragma once

// A managed policy's Permissions tab: "Permissions defined in this policy" with the
// console's Summary / JSON switch (the policy summary table by section and service,
// or the document read-only, indented by four spaces) and, for a policy the
// account owns, "Edit".
//
// Object names: summaryButton, jsonButton, permissionsStack, summaryView, jsonView,
// editButton.

#include <QWidget>

namespace iam { class ServiceCatalog; }
class PolicySummaryModel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QToolButton;
class QTreeView;

class PolicyPermissionsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit PolicyPermissionsPanel(const iam::ServiceCatalog *catalog, QWidget *parent = nullptr);

    // The document as shown in the JSON view; the summary is made from it.
    void setDocument(const QString &json);
    QString document() const;
    void setEditable(bool editable);
    // Summary (true) or JSON.
    void showSummary(bool summary);

    PolicySummaryModel *summaryModel() const { return m_summary; }

signals:
    void editRequested();

private:
    void createWidgets();
    void expandSections();

    PolicySummaryModel *m_summary = nullptr;
    QToolButton *m_summaryButton = nullptr;
    QToolButton *m_jsonButton = nullptr;
    QPushButton *m_editButton = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTreeView *m_summaryView = nullptr;
    QPlainTextEdit *m_jsonView = nullptr;
};
