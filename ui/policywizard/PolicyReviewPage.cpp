#include "PolicyReviewPage.h"

#include "MessageBar.h"
#include "PolicyDraft.h"
#include "PolicyDraftValidator.h"
#include "PolicySummaryModel.h"
#include "PolicyTagsEditor.h"
#include "ServiceCatalog.h"
#include "WorkspaceDocument.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

QLabel *errorLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #d13212;"));
    label->hide();
    return label;
}

} // namespace

PolicyReviewPage::PolicyReviewPage(WorkspaceDocument &document, PolicyDraft &draft, QWidget *parent)
    : QWizardPage(parent)
    , m_document(document)
    , m_draft(draft)
{
    setObjectName(QStringLiteral("policyReviewPage"));
    setTitle(tr("Review and create"));
    setSubTitle(tr("Review the permissions, specify details, and tags."));
    createWidgets();
    connectSignals();
    // Required: Create policy waits for a name.
    registerField(QStringLiteral("policyName*"), m_name);
}

void PolicyReviewPage::createWidgets()
{
    m_messageBar = new MessageBar(this);

    auto *details = new QGroupBox(tr("Policy details"), this);
    m_name = new QLineEdit(details);
    m_name->setObjectName(QStringLiteral("policyNameEdit"));
    m_name->setPlaceholderText(tr("Enter a policy name"));
    auto *nameHint = new QLabel(tr("Enter a meaningful name to identify this policy."), details);
    nameHint->setProperty("class", QStringLiteral("muted"));
    m_nameMessage = errorLabel(QStringLiteral("policyNameMessage"), details);
    m_description = new QPlainTextEdit(details);
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_description->setPlaceholderText(tr("Add a short explanation for this policy."));
    m_description->setTabChangesFocus(true);
    m_description->setMaximumHeight(80);
    auto *descriptionHint = new QLabel(tr("Maximum 1,000 characters."), details);
    descriptionHint->setProperty("class", QStringLiteral("muted"));
    m_descriptionMessage = errorLabel(QStringLiteral("descriptionMessage"), details);

    auto *form = new QVBoxLayout(details);
    form->addWidget(new QLabel(tr("Policy name"), details));
    form->addWidget(nameHint);
    form->addWidget(m_name);
    form->addWidget(m_nameMessage);
    form->addWidget(new QLabel(tr("Description - optional"), details));
    form->addWidget(m_description);
    form->addWidget(descriptionHint);
    form->addWidget(m_descriptionMessage);

    auto *permissions = new QGroupBox(tr("Permissions defined in this policy"), this);
    m_summary = new PolicySummaryModel(m_document.catalogs().services, this);
    m_summaryView = new QTreeView(permissions);
    m_summaryView->setObjectName(QStringLiteral("permissionsSummary"));
    m_summaryView->setModel(m_summary);
    m_summaryView->setMinimumHeight(140);
    // Fixed widths: ResizeToContents measures every row on each relayout, and a
    // service's actions (EC2 has hundreds) are rows too.
    m_summaryView->header()->setStretchLastSection(true);
    m_summaryView->setColumnWidth(PolicySummaryModel::ServiceColumn, 220);
    m_summaryView->setColumnWidth(PolicySummaryModel::AccessLevelColumn, 260);
    m_summaryView->setColumnWidth(PolicySummaryModel::ResourceColumn, 260);
    m_summaryView->setUniformRowHeights(true);
    auto *permissionsLayout = new QVBoxLayout(permissions);
    permissionsLayout->addWidget(m_summaryView);

    auto *tagsBox = new QGroupBox(tr("Add tags - optional"), this);
    m_tags = new PolicyTagsEditor(PolicyDraftValidator::kMaxTags, tagsBox);
    auto *tagsLayout = new QVBoxLayout(tagsBox);
    tagsLayout->addWidget(m_tags);

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(details);
    contentLayout->addWidget(permissions);
    contentLayout->addWidget(tagsBox);
    contentLayout->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addWidget(scroll, 1);
}

void PolicyReviewPage::connectSignals()
{
    connect(m_name, &QLineEdit::textChanged, this, &PolicyReviewPage::checkName);
    connect(m_description, &QPlainTextEdit::textChanged, this, &PolicyReviewPage::checkDescription);
    connect(m_tags, &PolicyTagsEditor::changed, this, &PolicyReviewPage::checkTags);
}

void PolicyReviewPage::initializePage()
{
    m_summary->setDocument(m_draft.document);
    // The sections open on their services, as the console shows them; a service's
    // actions stay folded under it.
    m_summaryView->expandToDepth(0);
    m_messageBar->dismiss();
}

void PolicyReviewPage::checkName()
{
    // An empty field is only "required", not an error, until something was typed.
    const QString name = m_name->text();
    m_nameError = name.isEmpty() ? QString() : PolicyDraftValidator::nameError(m_document.account(), name);
    m_nameMessage->setText(m_nameError);
    m_nameMessage->setVisible(!m_nameError.isEmpty());
    emit completeChanged();
}

void PolicyReviewPage::checkDescription()
{
    m_descriptionError = PolicyDraftValidator::descriptionError(m_description->toPlainText());
    m_descriptionMessage->setText(m_descriptionError);
    m_descriptionMessage->setVisible(!m_descriptionError.isEmpty());
    emit completeChanged();
}

void PolicyReviewPage::checkTags()
{
    m_tagsError = PolicyDraftValidator::tagsError(m_tags->tags());
    m_tags->setError(m_tagsError);
    emit completeChanged();
}

bool PolicyReviewPage::isComplete() const
{
    return QWizardPage::isComplete() && m_nameError.isEmpty() && m_descriptionError.isEmpty()
        && m_tagsError.isEmpty();
}

bool PolicyReviewPage::validatePage()
{
    m_draft.name = m_name->text();
    m_draft.description = m_description->toPlainText();
    m_draft.tags = m_tags->tags();
    return isComplete();
}

void PolicyReviewPage::showRefusal(const QString &title, const QString &message)
{
    m_messageBar->showError(title, message);
}
