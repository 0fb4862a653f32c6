#include "SpecifyPermissionsPage.h"

#include "DecisionsPanel.h"
#include "LiveDecisions.h"

#include "MessageBar.h"
#include "PolicyDraft.h"
#include "PolicyEditor.h"
#include "PolicyFindingsModel.h"
#include "PolicyParser.h"
#include "VisualPolicy.h"
#include "VisualPolicyEditor.h"
#include "WorkspaceDocument.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// A managed policy's size quota counts characters other than white space
// (reference_iam-quotas.md: 6,144).
constexpr int kManagedPolicyQuota = 6144;

} // namespace

SpecifyPermissionsPage::SpecifyPermissionsPage(WorkspaceDocument &document, PolicyDraft &draft, QWidget *parent)
    : QWizardPage(parent)
    , m_document(document)
    , m_draft(draft)
{
    setObjectName(QStringLiteral("specifyPermissionsPage"));
    setTitle(tr("Specify permissions"));
    setSubTitle(tr("Add permissions by selecting services, actions, resources, and conditions. "
                   "Build permission statements using the JSON editor."));
    createWidgets();
    connectSignals();
}

QString SpecifyPermissionsPage::defaultPolicy()
{
    VisualPolicy policy;
    VisualStatement statement;
    statement.sid = QStringLiteral("Statement1");
    policy.statements << statement;
    return policy.toJson();
}

void SpecifyPermissionsPage::createWidgets()
{
    auto *heading = new QLabel(tr("Policy editor"), this);
    heading->setStyleSheet(QStringLiteral("font-weight: bold; font-size: 15px;"));
    m_visualButton = new QPushButton(tr("Visual"), this);
    m_visualButton->setObjectName(QStringLiteral("visualButton"));
    m_jsonButton = new QPushButton(tr("JSON"), this);
    m_jsonButton->setObjectName(QStringLiteral("jsonButton"));
    for (QPushButton *button : {m_visualButton, m_jsonButton}) {
        button->setCheckable(true);
        button->setAutoDefault(false);
    }
    auto *modes = new QButtonGroup(this);
    modes->addButton(m_visualButton);
    modes->addButton(m_jsonButton);
    m_visualButton->setChecked(true);

    m_message = new MessageBar(this);
    m_message->setObjectName(QStringLiteral("editorMessage"));

    m_visual = new VisualPolicyEditor(this);
    m_visual->setAccountId(QString::fromStdString(m_document.account().accountId()));
    m_json = new PolicyEditor(this);
    m_json->setPolicyType(iam::PolicyType::Identity);
    const QString initial = m_draft.document.isEmpty() ? defaultPolicy() : m_draft.document;
    m_json->setText(initial);
    m_characters = new QLabel(this);
    m_characters->setObjectName(QStringLiteral("characterCount"));
    m_characters->setProperty("class", QStringLiteral("muted"));
    auto *jsonPane = new QWidget(this);
    auto *jsonLayout = new QVBoxLayout(jsonPane);
    jsonLayout->setContentsMargins(0, 0, 0, 0);
    jsonLayout->addWidget(m_json, 1);
    jsonLayout->addWidget(m_characters, 0, Qt::AlignRight);
    updateCharacterCount();

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("editorStack"));
    m_stack->addWidget(m_visual);
    m_stack->addWidget(jsonPane);

    // The visual editor starts on what the JSON holds; a draft it can't show opens in JSON.
    const VisualPolicy::ReadResult read = VisualPolicy::fromJson(initial);
    if (read.policy) {
        m_visual->setPolicy(*read.policy);
        m_syncedText = initial;
    } else {
        m_jsonButton->setChecked(true);
        m_stack->setCurrentIndex(1);
    }

    auto *switchRow = new QHBoxLayout;
    switchRow->addWidget(heading);
    switchRow->addStretch();
    switchRow->setSpacing(0);
    switchRow->addWidget(m_visualButton);
    switchRow->addWidget(m_jsonButton);

    // What the policy would allow, decided live for a principal it could be attached
    // to (lab-user in the walkthrough's account), under the editors.
    m_decisions = new DecisionsPanel(m_document, this);
    const auto &users = m_document.account().users();
    if (users.empty())
        m_decisions->followSignedIn();
    else
        m_decisions->setPrincipal(PrincipalKind::User, QString::fromStdString(users.front().name));
    m_decisions->setEditedPolicy(m_json->text(), iam::EditedPolicyPlacement::ManagedPolicy);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    split->addWidget(m_stack);
    split->addWidget(m_decisions);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(switchRow);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);
}

void SpecifyPermissionsPage::connectSignals()
{
    connect(m_visualButton, &QPushButton::clicked, this, &SpecifyPermissionsPage::showVisual);
    connect(m_jsonButton, &QPushButton::clicked, this, &SpecifyPermissionsPage::showJson);
    connect(m_visual, &VisualPolicyEditor::policyChanged, this, &SpecifyPermissionsPage::visualEdited);
    connect(m_json, &PolicyEditor::findingsUpdated, this, [this] {
        updateCharacterCount();
        m_decisions->setPolicyText(m_json->text());
        emit completeChanged();
    });
    // A selected decision shows its deciding statement in the JSON.
    connect(m_decisions, &DecisionsPanel::statementActivated, this,
            [this](const QString &policyId, int line, int column) {
                if (policyId != m_decisions->liveDecisions()->editedPolicySource())
                    return;
                showJson();
                m_json->goToPosition(line, column);
                highlightStatementAt(line, column);
            });
}

bool SpecifyPermissionsPage::isVisualShown() const
{
    return m_stack->currentWidget() == m_visual;
}

void SpecifyPermissionsPage::showJson()
{
    m_jsonButton->setChecked(true);
    m_message->dismiss();
    m_stack->setCurrentIndex(1);
}

void SpecifyPermissionsPage::showVisual()
{
    const QString text = m_json->text();
    if (text != m_syncedText) {
        const VisualPolicy::ReadResult read = VisualPolicy::fromJson(text);
        if (!read.policy) {
            // Stay on JSON: nothing the user wrote is dropped.
            m_jsonButton->setChecked(true);
            m_message->showMessage(MessageBar::Kind::Info, tr("The visual editor can't show this policy"),
                                   read.problem);
            return;
        }
        m_visual->setPolicy(*read.policy);
        m_syncedText = text;
    }
    m_visualButton->setChecked(true);
    m_message->dismiss();
    m_stack->setCurrentIndex(0);
}

void SpecifyPermissionsPage::visualEdited()
{
    m_syncedText = m_visual->policy().toJson();
    m_json->setText(m_syncedText);   // validated at once: Next follows
}

void SpecifyPermissionsPage::updateCharacterCount()
{
    const QString text = m_json->text();
    const auto count = std::count_if(text.begin(), text.end(), [](QChar c) { return !c.isSpace(); });
    m_characters->setText(tr("%1 of %2 characters")
                              .arg(QLocale().toString(qlonglong(count)), QLocale().toString(kManagedPolicyQuota)));
}

bool SpecifyPermissionsPage::isComplete() const
{
    // Findings lag typing by the editor's pause; validatePage() checks the latest text.
    return !m_json->findingsModel()->hasErrors();
}

bool SpecifyPermissionsPage::validatePage()
{
    m_json->validateNow();
    if (m_json->findingsModel()->hasErrors())
        return false;
    m_draft.document = m_json->text();
    return true;
}

// Marks the whole statement that starts at line:column, as the engine parsed it.
void SpecifyPermissionsPage::highlightStatementAt(int line, int column)
{
    m_json->clearHighlights();
    const iam::ParseResult parsed = iam::parsePolicy(m_json->text().toStdString(), "editor");
    if (!parsed.document)
        return;
    for (const iam::Statement &statement : parsed.document->statements) {
        if (statement.range.start.line == line && statement.range.start.column == column) {
            m_json->highlightRange(statement.range);
            return;
        }
    }
}
