#include "VisualStatementEditor.h"

#include "VisualActionsPicker.h"
#include "VisualConditionsEditor.h"
#include "VisualResourcesEditor.h"
#include "VisualServicePicker.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace {

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setStyleSheet(QStringLiteral("font-weight: bold; margin-top: 6px;"));
    return label;
}

} // namespace

VisualStatementEditor::VisualStatementEditor(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("statementEditor"));
    setFrameShape(QFrame::StyledPanel);
    createWidgets();
    connectSignals();
    refreshSections();
}

void VisualStatementEditor::createWidgets()
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("statementTitle"));
    m_title->setStyleSheet(QStringLiteral("font-size: 15px; font-weight: bold;"));
    m_allow = new QRadioButton(tr("Allow"), this);
    m_allow->setObjectName(QStringLiteral("allowRadio"));
    m_deny = new QRadioButton(tr("Deny"), this);
    m_deny->setObjectName(QStringLiteral("denyRadio"));
    auto *effect = new QButtonGroup(this);
    effect->addButton(m_allow);
    effect->addButton(m_deny);
    m_allow->setChecked(true);
    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeStatementButton"));

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(new QLabel(tr("Effect"), this));
    header->addWidget(m_allow);
    header->addWidget(m_deny);
    header->addSpacing(12);
    header->addWidget(m_remove);

    m_service = new VisualServicePicker(this);
    m_afterService = new QWidget(this);
    m_actionsLabel = sectionLabel(QString(), m_afterService);
    m_actions = new VisualActionsPicker(m_afterService);
    m_resources = new VisualResourcesEditor(m_afterService);
    m_conditions = new VisualConditionsEditor(m_afterService);
    auto *after = new QVBoxLayout(m_afterService);
    after->setContentsMargins(0, 0, 0, 0);
    after->addWidget(m_actionsLabel);
    after->addWidget(m_actions);
    after->addWidget(sectionLabel(tr("Resources"), m_afterService));
    after->addWidget(m_resources);
    after->addWidget(sectionLabel(tr("Request conditions - optional"), m_afterService));
    after->addWidget(m_conditions);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(sectionLabel(tr("Service"), this));
    layout->addWidget(m_service);
    layout->addWidget(m_afterService);
}

void VisualStatementEditor::connectSignals()
{
    connect(m_allow, &QRadioButton::toggled, this, [this](bool allow) {
        m_statement.allow = allow;
        refreshSections();
        emit changed();
    });
    connect(m_remove, &QPushButton::clicked, this, &VisualStatementEditor::removeRequested);
    connect(m_service, &VisualServicePicker::serviceChosen, this, &VisualStatementEditor::serviceChosen);
    connect(m_actions, &VisualActionsPicker::changed, this, &VisualStatementEditor::actionsChanged);
    connect(m_resources, &VisualResourcesEditor::changed, this, [this] {
        m_statement.allResources = m_resources->allResources();
        m_statement.resources = m_statement.allResources ? QStringList() : m_resources->resources();
        emit changed();
    });
    connect(m_conditions, &VisualConditionsEditor::changed, this, [this] {
        m_statement.conditions = m_conditions->conditions();
        emit changed();
    });
}

void VisualStatementEditor::setAccountId(const QString &accountId)
{
    m_resources->setAccountId(accountId);
}

void VisualStatementEditor::setStatement(const VisualStatement &statement)
{
    m_statement = statement;
    {
        const QSignalBlocker block(m_allow);
        (statement.allow ? m_allow : m_deny)->setChecked(true);
    }
    m_service->setService(statement.service);
    m_actions->setSelection(statement.service, statement.allActions, statement.actions);
    m_resources->setContext(statement.service, statement.allActions, statement.actions);
    m_resources->setResources(statement.allResources, statement.resources);
    m_conditions->setContext(statement.service, statement.allActions, statement.actions);
    m_conditions->setConditions(statement.conditions);
    refreshSections();
}

void VisualStatementEditor::setRemovable(bool removable)
{
    m_remove->setEnabled(removable);
}

void VisualStatementEditor::serviceChosen(const QString &prefix)
{
    // Another service: its actions and resources start empty, as in the console.
    m_statement.service = prefix;
    m_statement.allActions = false;
    m_statement.actions.clear();
    m_statement.allResources = false;
    m_statement.resources.clear();
    m_actions->setSelection(prefix, false, {});
    m_resources->setContext(prefix, false, {});
    m_resources->setResources(false, {});
    m_conditions->setContext(prefix, false, {});
    refreshSections();
    emit changed();
}

void VisualStatementEditor::actionsChanged()
{
    m_statement.allActions = m_actions->allActions();
    m_statement.actions = m_statement.allActions ? QStringList() : m_actions->actions();
    m_resources->setContext(m_statement.service, m_statement.allActions, m_statement.actions);
    m_conditions->setContext(m_statement.service, m_statement.allActions, m_statement.actions);
    emit changed();
}

void VisualStatementEditor::refreshSections()
{
    const bool chosen = !m_statement.service.isEmpty();
    m_title->setText(chosen ? VisualServicePicker::displayName(m_statement.service) : tr("Select a service"));
    m_afterService->setVisible(chosen);
    m_actionsLabel->setText(m_statement.allow ? tr("Actions allowed") : tr("Actions denied"));
}
