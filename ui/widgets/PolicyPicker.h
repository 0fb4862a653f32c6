#pragma once

// The console's "Permissions policies" chooser: a filter box, "Filter by Type", and
// the table of managed policies with checkboxes, under a heading that counts them
// ("Permissions policies (Selected 1/1301)"). Used by Create role's Add permissions
// step and by the Add permissions dialogs of the role and user pages.
//
//   auto *picker = new PolicyPicker(doc, this);
//   picker->setDisabledPolicyArns(alreadyAttached);        // optional
//   connect(picker, &PolicyPicker::checkedChanged, this, [=] { ... picker->checkedPolicyArns() ... });
//   connect(picker, &PolicyPicker::selectionChanged, this, [=](const QString &arn) { preview(arn); });
//
// Object names: policySearchEdit, policyTypeFilter, policyTable, policyCountLabel.

#include <QStringList>
#include <QWidget>

class PolicyPickerFilterModel;
class PolicyPickerModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class WorkspaceDocument;

class PolicyPicker : public QWidget
{
    Q_OBJECT

public:
    explicit PolicyPicker(WorkspaceDocument &document, QWidget *parent = nullptr);

    // The checked policies' ARNs, in the order they were checked.
    QStringList checkedPolicyArns() const;
    void setCheckedPolicyArns(const QStringList &arns);
    // Listed greyed and not checkable (already attached).
    void setDisabledPolicyArns(const QStringList &arns);
    // The policy of the current (highlighted) row, or empty.
    QString currentPolicyArn() const;
    // The line under the heading; by default Create role's.
    void setDescription(const QString &text);

    PolicyPickerModel *model() const { return m_model; }
    PolicyPickerFilterModel *filterModel() const { return m_filter; }
    QTableView *view() const { return m_view; }

signals:
    void checkedChanged();
    // The highlighted row changed: `arn` is its policy, or empty when none.
    void selectionChanged(const QString &arn);

private:
    void createWidgets();
    void connectSignals();
    void updateCount();

    PolicyPickerModel *m_model = nullptr;
    PolicyPickerFilterModel *m_filter = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_description = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QComboBox *m_typeFilter = nullptr;
    QLabel *m_matchesLabel = nullptr;
    QTableView *m_view = nullptr;
};
