#include "CreateRoleReviewPage.h"

#include "AccountCommands.h"
#include "CreateRoleTagsEditor.h"
#include "MessageBar.h"
#include "PolicyPickerModel.h"
#include "RoleDraft.h"
#include "RoleDraftValidator.h"
#include "RoleWizardText.h"
#include "WorkspaceDocument.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

const QString kErrorStyle = QStringLiteral("color: #d13212;");

void setHint(QLabel *label, const QString &text, bool error)
{
    label->setText(text);
    label->setStyleSheet(error ? kErrorStyle : QString());
}

} // namespace

CreateRoleReviewPage::CreateRoleReviewPage(WorkspaceDocument &document, RoleDraft &draft, QWidget *parent)
    : QWizardPage(parent)
    , m_document(document)
    , m_draft(draft)
{
    setObjectName(QStringLiteral("reviewPage"));
    setTitle(tr("Name, review, and create"));
    createWidgets();
    connectSignals();
    // Next (here: Create role) waits for a name.
    registerField(QStringLiteral("roleName*"), m_name);
}

QWidget *CreateRoleReviewPage::stepHeading(const QString &title, QPushButton **editButton,
                                           const QString &editObjectName)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 12, 0, 0);
    layout->addWidget(RoleWizardText::heading(title, row));
    layout->addStretch();
    if (editButton) {
        *editButton = new QPushButton(tr("Edit"), row);
        (*editButton)->setObjectName(editObjectName);
        layout->addWidget(*editButton);
    }
    return row;
}

void CreateRoleReviewPage::createWidgets()
{
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);

    m_messageBar = new MessageBar(content);
    layout->addWidget(m_messageBar);

    layout->addWidget(RoleWizardText::heading(tr("Role details"), content));
    layout->addWidget(new QLabel(tr("Role name"), content));
    layout->addWidget(RoleWizardText::hint(tr("Enter a meaningful name to identify this role."), content));
    m_name = new QLineEdit(content);
    m_name->setObjectName(QStringLiteral("roleNameEdit"));
    m_name->setMaximumWidth(480);
    layout->addWidget(m_name);
    m_nameHint = RoleWizardText::hint(RoleDraftValidator::nameConstraint(), content);
    m_nameHint->setObjectName(QStringLiteral("roleNameHint"));
    layout->addWidget(m_nameHint);

    layout->addWidget(new QLabel(tr("Description"), content));
    layout->addWidget(RoleWizardText::hint(tr("Add a short explanation for this role."), content));
    m_description = new QPlainTextEdit(content);
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(64);
    layout->addWidget(m_description);
    m_descriptionHint = RoleWizardText::hint(RoleDraftValidator::descriptionConstraint(), content);
    m_descriptionHint->setObjectName(QStringLiteral("descriptionHint"));
    layout->addWidget(m_descriptionHint);

    layout->addWidget(stepHeading(tr("Step 1: Select trusted entities"), &m_editTrust,
                                  QStringLiteral("editTrustedEntityButton")));
    layout->addWidget(new QLabel(tr("Trust policy"), content));
    m_trustPolicy = new QPlainTextEdit(content);
    m_trustPolicy->setObjectName(QStringLiteral("trustPolicyView"));
    m_trustPolicy->setReadOnly(true);
    m_trustPolicy->setFont(RoleWizardText::documentFont());
    m_trustPolicy->setLineWrapMode(QPlainTextEdit::NoWrap);
    // Tall enough for the EC2 trust policy without scrolling (17 lines).
    m_trustPolicy->setMinimumHeight(m_trustPolicy->fontMetrics().lineSpacing() * 18 + 12);
    layout->addWidget(m_trustPolicy);

    layout->addWidget(stepHeading(tr("Step 2: Add permissions"), &m_editPermissions,
                                  QStringLiteral("editPermissionsButton")));
    layout->addWidget(new QLabel(tr("Permissions policy summary"), content));
    m_summary = new QTableWidget(0, 3, content);
    m_summary->setObjectName(QStringLiteral("permissionsSummaryTable"));
    m_summary->setHorizontalHeaderLabels({tr("Policy name"), tr("Type"), tr("Attached as")});
    m_summary->verticalHeader()->hide();
    m_summary->horizontalHeader()->setStretchLastSection(true);
    m_summary->horizontalHeader()->resizeSection(0, 300);
    m_summary->horizontalHeader()->resizeSection(1, 200);
    m_summary->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_summary->setSelectionMode(QAbstractItemView::NoSelection);
    m_summary->setMinimumHeight(120);
    layout->addWidget(m_summary);

    layout->addWidget(stepHeading(tr("Step 3: Add tags - optional"), nullptr, {}));
    m_tags = new CreateRoleTagsEditor(content);
    m_tags->setObjectName(QStringLiteral("tagsEditor"));
    layout->addWidget(m_tags);
    m_tagsHint = RoleWizardText::hint(QString(), content);
    m_tagsHint->setObjectName(QStringLiteral("tagsHint"));
    m_tagsHint->setStyleSheet(kErrorStyle);
    m_tagsHint->hide();
    layout->addWidget(m_tagsHint);
    layout->addStretch();

    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    // The page scrolls down, never sideways: long texts wrap instead.
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setWidget(content);
    auto *pageLayout = new QVBoxLayout(this);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addWidget(m_scroll);
}

void CreateRoleReviewPage::connectSignals()
{
    connect(m_name, &QLineEdit::textChanged, this, &CreateRoleReviewPage::updateHints);
    connect(m_description, &QPlainTextEdit::textChanged, this, &CreateRoleReviewPage::updateHints);
    connect(m_tags, &CreateRoleTagsEditor::changed, this, &CreateRoleReviewPage::updateHints);
    // Another role may take the name meanwhile (the terminal, an undo).
    connect(&m_document, &WorkspaceDocument::entityChanged, this, &CreateRoleReviewPage::updateHints);
    connect(&m_document, &WorkspaceDocument::accountReplaced, this, &CreateRoleReviewPage::updateHints);
    connect(m_editTrust, &QPushButton::clicked, this, &CreateRoleReviewPage::editTrustedEntityRequested);
    connect(m_editPermissions, &QPushButton::clicked, this, &CreateRoleReviewPage::editPermissionsRequested);
}

void CreateRoleReviewPage::initializePage()
{
    m_messageBar->dismiss();
    const QString current = m_description->toPlainText();
    if (current.isEmpty() || current == m_prefilledDescription) {
        m_description->setPlainText(m_draft.suggestedDescription);
        m_prefilledDescription = m_draft.suggestedDescription;
    }
    m_trustPolicy->setPlainText(m_draft.trustPolicy);
    fillSummary();
    updateHints();
}

void CreateRoleReviewPage::cleanupPage()
{
}

void CreateRoleReviewPage::updateHints()
{
    const QString name = m_name->text();
    const QString nameError = RoleDraftValidator::nameError(m_document.account(), name);
    // An empty name is not yet an error: the constraint stays grey until something is typed.
    const bool nameWrong = !name.isEmpty() && !nameError.isEmpty();
    setHint(m_nameHint, nameWrong ? nameError : RoleDraftValidator::nameConstraint(), nameWrong);

    const QString descriptionError = RoleDraftValidator::descriptionError(m_description->toPlainText());
    setHint(m_descriptionHint, RoleDraftValidator::descriptionConstraint(), !descriptionError.isEmpty());

    const QString tagsError = RoleDraftValidator::tagsError(m_tags->tags());
    m_tagsHint->setText(tagsError);
    m_tagsHint->setVisible(!tagsError.isEmpty());
    emit completeChanged();
}

bool CreateRoleReviewPage::isComplete() const
{
    return QWizardPage::isComplete()
        && RoleDraftValidator::nameError(m_document.account(), m_name->text()).isEmpty()
        && RoleDraftValidator::descriptionError(m_description->toPlainText()).isEmpty()
        && RoleDraftValidator::tagsError(m_tags->tags()).isEmpty();
}

bool CreateRoleReviewPage::validatePage()
{
    if (!isComplete())
        return false;
    m_draft.name = m_name->text();
    m_draft.description = m_description->toPlainText();
    m_draft.tags = m_tags->tags();
    const CommandOutcome outcome = m_document.execute(createRoleCommand(m_document, m_draft));
    if (!outcome.ok) {
        m_messageBar->showError(tr("Failed to create role %1").arg(m_draft.name), outcome.message);
        m_scroll->verticalScrollBar()->setValue(0);
        return false;
    }
    emit roleCreated(m_draft.name);
    return true;
}

void CreateRoleReviewPage::fillSummary()
{
    const iam::Account &account = m_document.account();
    struct Line { QString arn; QString attachedAs; };
    QList<Line> lines;
    for (const QString &arn : m_draft.policyArns)
        lines.append({arn, tr("Permissions policy")});
    if (!m_draft.permissionsBoundary.isEmpty())
        lines.append({m_draft.permissionsBoundary, tr("Permissions boundary")});

    m_summary->setRowCount(int(lines.size()));
    for (int row = 0; row < lines.size(); ++row) {
        const std::string arn = lines[row].arn.toStdString();
        const PolicyPickerModel::PolicyKind kind = PolicyPickerModel::kindOf(account, lines[row].arn);
        auto *name = new QTableWidgetItem(QString::fromStdString(account.managedPolicyName(arn)));
        name->setToolTip(lines[row].arn);
        m_summary->setItem(row, 0, name);
        m_summary->setItem(row, 1, new QTableWidgetItem(PolicyPickerModel::kindText(kind)));
        m_summary->setItem(row, 2, new QTableWidgetItem(lines[row].attachedAs));
    }
}
