#pragma once

// Create policy, step 2: "Review and create". Policy details (name, with IAM's
// rules and the console's message; description), the permissions the policy
// defines as the console's summary table, and tags. A refused Create policy is
// shown here, in the page's flash, with AWS's text.

#include <QWizardPage>

class MessageBar;
class PolicySummaryModel;
class PolicyTagsEditor;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTreeView;
class WorkspaceDocument;
struct PolicyDraft;

class PolicyReviewPage : public QWizardPage
{
    Q_OBJECT

public:
    PolicyReviewPage(WorkspaceDocument &document, PolicyDraft &draft, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    // The console's red flash: `title` in bold, AWS's message under it.
    void showRefusal(const QString &title, const QString &message);
    MessageBar *messageBar() const { return m_messageBar; }

private:
    void createWidgets();
    void connectSignals();
    void checkName();
    void checkDescription();
    void checkTags();

    WorkspaceDocument &m_document;
    PolicyDraft &m_draft;
    MessageBar *m_messageBar = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameMessage = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QLabel *m_descriptionMessage = nullptr;
    PolicySummaryModel *m_summary = nullptr;
    QTreeView *m_summaryView = nullptr;
    PolicyTagsEditor *m_tags = nullptr;
    QString m_nameError;
    QString m_descriptionError;
    QString m_tagsError;
};
