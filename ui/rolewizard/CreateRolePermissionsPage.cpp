#include "CreateRolePermissionsPage.h"

#include "PolicyPicker.h"
#include "PrettyJson.h"
#include "RoleDraft.h"
#include "RoleWizardText.h"
#include "WorkspaceDocument.h"

#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

CreateRolePermissionsPage::CreateRolePermissionsPage(WorkspaceDocument &document, RoleDraft &draft,
                                                     QWidget *parent)
    : QWizardPage(parent)
    , m_document(document)
    , m_draft(draft)
{
    setObjectName(QStringLiteral("permissionsPage"));
    setTitle(tr("Add permissions"));
    createWidgets();
    connectSignals();
}

void CreateRolePermissionsPage::createWidgets()
{
    m_picker = new PolicyPicker(m_document, this);
    m_picker->setObjectName(QStringLiteral("policyPicker"));

    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("policyPreview"));
    m_preview->setReadOnly(true);
    m_preview->setFont(RoleWizardText::documentFont());
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setPlaceholderText(tr("Select a policy to see its permissions."));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_picker);
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    // "Set permissions boundary - optional", collapsed as on the console.
    m_boundaryToggle = new QToolButton(this);
    m_boundaryToggle->setObjectName(QStringLiteral("permissionsBoundaryToggle"));
    m_boundaryToggle->setText(tr("Set permissions boundary - optional"));
    m_boundaryToggle->setCheckable(true);
    m_boundaryToggle->setArrowType(Qt::RightArrow);
    m_boundaryToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_boundaryToggle->setAutoRaise(true);
    QFont bold = m_boundaryToggle->font();
    bold.setBold(true);
    m_boundaryToggle->setFont(bold);

    m_boundaryBox = new QWidget(this);
    auto *boundaryLayout = new QVBoxLayout(m_boundaryBox);
    boundaryLayout->setContentsMargins(22, 0, 0, 0);
    boundaryLayout->addWidget(RoleWizardText::hint(
        tr("Set a permissions boundary to control the maximum permissions for this role. This is an advanced "
           "feature used to delegate permission management to others."),
        m_boundaryBox));
    m_noBoundary = new QRadioButton(tr("Create role without a permissions boundary"), m_boundaryBox);
    m_noBoundary->setObjectName(QStringLiteral("noBoundaryRadio"));
    m_noBoundary->setChecked(true);
    m_useBoundary = new QRadioButton(tr("Use a permissions boundary to control the maximum role permissions"),
                                     m_boundaryBox);
    m_useBoundary->setObjectName(QStringLiteral("useBoundaryRadio"));
    m_boundaryCombo = new QComboBox(m_boundaryBox);
    m_boundaryCombo->setObjectName(QStringLiteral("boundaryCombo"));
    m_boundaryCombo->setEditable(true);
    m_boundaryCombo->setInsertPolicy(QComboBox::NoInsert);
    m_boundaryCombo->completer()->setFilterMode(Qt::MatchContains);
    m_boundaryCombo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_boundaryCombo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_boundaryCombo->lineEdit()->setPlaceholderText(tr("Choose a policy"));
    m_boundaryCombo->setMinimumWidth(360);
    m_boundaryCombo->setEnabled(false);
    boundaryLayout->addWidget(m_noBoundary);
    boundaryLayout->addWidget(m_useBoundary);
    boundaryLayout->addWidget(m_boundaryCombo, 0, Qt::AlignLeft);
    m_boundaryBox->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_boundaryToggle, 0, Qt::AlignLeft);
    layout->addWidget(m_boundaryBox);
}

void CreateRolePermissionsPage::connectSignals()
{
    connect(m_picker, &PolicyPicker::selectionChanged, this, &CreateRolePermissionsPage::showPreview);
    connect(m_boundaryToggle, &QToolButton::toggled, this, [this](bool open) {
        m_boundaryToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        m_boundaryBox->setVisible(open);
    });
    connect(m_useBoundary, &QRadioButton::toggled, this, [this](bool use) {
        m_boundaryCombo->setEnabled(use);
        emit completeChanged();
    });
    connect(m_boundaryCombo, &QComboBox::currentIndexChanged, this, &CreateRolePermissionsPage::completeChanged);
    connect(m_boundaryCombo, &QComboBox::editTextChanged, this, &CreateRolePermissionsPage::completeChanged);
}

void CreateRolePermissionsPage::initializePage()
{
    // Swap the previous use case's suggestions for this one's, keeping the user's own picks.
    QStringList checked = m_picker->checkedPolicyArns();
    for (const QString &arn : std::as_const(m_appliedSuggestions))
        checked.removeAll(arn);
    for (const QString &arn : m_draft.suggestedPolicyArns) {
        if (!checked.contains(arn))
            checked.append(arn);
    }
    m_picker->setCheckedPolicyArns(checked);
    m_appliedSuggestions = m_draft.suggestedPolicyArns;
    fillBoundaryCombo();
}

void CreateRolePermissionsPage::cleanupPage()
{
}

bool CreateRolePermissionsPage::isComplete() const
{
    // A boundary, once asked for, must be a policy.
    return !m_useBoundary->isChecked() || !boundaryArn().isEmpty();
}

bool CreateRolePermissionsPage::validatePage()
{
    m_draft.policyArns = m_picker->checkedPolicyArns();
    m_draft.permissionsBoundary = m_useBoundary->isChecked() ? boundaryArn() : QString();
    return true;
}

void CreateRolePermissionsPage::showPreview(const QString &arn)
{
    const std::optional<std::string> document =
        arn.isEmpty() ? std::nullopt : m_document.account().managedPolicyDocument(arn.toStdString());
    m_preview->setPlainText(document ? prettyJson(QString::fromStdString(*document)) : QString());
}

void CreateRolePermissionsPage::fillBoundaryCombo()
{
    // Refilled on each visit: customer policies may have come or gone meanwhile.
    const QString current = boundaryArn();
    const QSignalBlocker blocker(m_boundaryCombo);
    m_boundaryCombo->clear();
    const iam::Account &account = m_document.account();
    for (const iam::ManagedPolicy &policy : account.policies())
        m_boundaryCombo->addItem(QString::fromStdString(policy.name), QString::fromStdString(account.policyArn(policy)));
    if (const iam::AwsManagedPolicies *aws = account.awsManaged()) {
        std::vector<const iam::AwsManagedPolicy *> all = aws->all();
        std::sort(all.begin(), all.end(), [](const auto *a, const auto *b) { return a->name < b->name; });
        for (const iam::AwsManagedPolicy *policy : all)
            m_boundaryCombo->addItem(QString::fromStdString(policy->name), QString::fromStdString(policy->arn));
    }
    m_boundaryCombo->setCurrentIndex(m_boundaryCombo->findData(current));
    emit completeChanged();
}

QString CreateRolePermissionsPage::boundaryArn() const
{
    // The chosen item, provided the text still names it (typing elsewhere unchooses it).
    const int index = m_boundaryCombo->currentIndex();
    if (index < 0 || m_boundaryCombo->itemText(index) != m_boundaryCombo->currentText())
        return {};
    return m_boundaryCombo->itemData(index).toString();
}
