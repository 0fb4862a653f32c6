#include "DecisionsPanel.h"

#include "DecisionBadgeDelegate.h"
#include "DecisionExplanationHtml.h"
#include "DecisionsModel.h"
#include "LiveDecisions.h"
#include "WorkspaceDocument.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace {

const QString kSignedIn = QStringLiteral("signed-in");

QString principalKey(const iam::CallerIdentity &principal)
{
    switch (principal.kind) {
    case iam::CallerIdentity::Kind::User: return QStringLiteral("user:") + QString::fromStdString(principal.name);
    case iam::CallerIdentity::Kind::RoleSession: return QStringLiteral("role:") + QString::fromStdString(principal.name);
    case iam::CallerIdentity::Kind::Root: return QStringLiteral("root");
    }
    return {};
}

} // namespace

DecisionsPanel::DecisionsPanel(WorkspaceDocument &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_live(new LiveDecisions(document, this))
{
    setObjectName(QStringLiteral("decisionsPanel"));
    createWidgets();
    connectSignals();
    rebuildPrincipals();
    updateStatus();
}

void DecisionsPanel::createWidgets()
{
    m_principalLabel = new QLabel(tr("Principal"), this);
    m_principalCombo = new QComboBox(this);
    m_principalCombo->setObjectName(QStringLiteral("principalCombo"));
    m_principalCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_principalLabel->setBuddy(m_principalCombo);

    auto *showLabel = new QLabel(tr("Show"), this);
    m_filterCombo = new QComboBox(this);
    m_filterCombo->setObjectName(QStringLiteral("decisionFilterCombo"));
    m_filterCombo->addItems({tr("All"), tr("Allowed"), tr("Denied")});
    showLabel->setBuddy(m_filterCombo);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("decisionsStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->hide();
    // Shown and cleared on every edit: it keeps its place so nothing jumps.
    m_busyLabel = new QLabel(this);
    m_busyLabel->setObjectName(QStringLiteral("decisionsBusyLabel"));
    m_busyLabel->setMinimumWidth(m_busyLabel->fontMetrics().horizontalAdvance(tr("Evaluating…")) + 4);
    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("decisionsSummaryLabel"));
    m_notesLabel = new QLabel(this);
    m_notesLabel->setObjectName(QStringLiteral("decisionsNotesLabel"));
    m_notesLabel->setWordWrap(true);
    m_notesLabel->setTextFormat(Qt::RichText);
    m_notesLabel->hide();

    m_filterModel = new QSortFilterProxyModel(this);
    m_filterModel->setSourceModel(m_live->model());
    m_filterModel->setFilterRole(DecisionsModel::OutcomeRole);
    m_filterModel->setFilterKeyColumn(DecisionsModel::DecisionColumn);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("decisionsView"));
    m_view->setModel(m_filterModel);
    m_view->setItemDelegate(new DecisionBadgeDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(DecisionsModel::ActionColumn, QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionResizeMode(DecisionsModel::ResourceColumn, QHeaderView::Stretch);
    // Badge columns have a known width: sizing them to contents would measure
    // rows on every update.
    QFont bold = m_view->font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    m_view->horizontalHeader()->setSectionResizeMode(DecisionsModel::DecisionColumn, QHeaderView::Fixed);
    m_view->horizontalHeader()->setSectionResizeMode(DecisionsModel::ChangedColumn, QHeaderView::Fixed);
    m_view->setColumnWidth(DecisionsModel::DecisionColumn,
                           metrics.horizontalAdvance(DecisionsModel::badgeText(iam::Outcome::ExplicitDeny)) + 32);
    m_view->setColumnWidth(DecisionsModel::ChangedColumn, metrics.horizontalAdvance(tr("Changed")) + 40);
    m_view->setColumnWidth(DecisionsModel::ActionColumn, 260);
    // Thousands of rows: fixed row heights keep scrolling and updates cheap.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->setSortingEnabled(false);

    m_explanation = new QTextBrowser(this);
    m_explanation->setObjectName(QStringLiteral("explanationView"));
    m_explanation->setOpenLinks(false);
    m_explanation->setHtml(decisionExplanationHtml({}, {}));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("decisionsSplitter"));
    splitter->addWidget(m_view);
    splitter->addWidget(m_explanation);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_principalLabel);
    controls->addWidget(m_principalCombo);
    controls->addSpacing(12);
    controls->addWidget(showLabel);
    controls->addWidget(m_filterCombo);
    controls->addSpacing(12);
    controls->addWidget(m_summaryLabel, 1);
    controls->addWidget(m_busyLabel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_statusLabel);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_notesLabel);
}

void DecisionsPanel::connectSignals()
{
    connect(m_principalCombo, &QComboBox::activated, this, &DecisionsPanel::principalChosen);
    connect(m_filterCombo, &QComboBox::currentIndexChanged, this,
            [this](int index) { setFilter(static_cast<Filter>(index)); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { currentRowChanged(current); });
    connect(m_explanation, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (const auto link = parseStatementUrl(url))
            emit statementActivated(link->policyId, link->line, link->column);
    });
    connect(m_live, &LiveDecisions::decisionsUpdated, this, [this] {
        updateSummary();
        updateStatus();
        // The selected decision may have changed with the edit; keep the cursor where
        // the user is typing (no statementActivated).
        showExplanation(false);
    });
    connect(m_live, &LiveDecisions::busyChanged, this, &DecisionsPanel::updateStatus);
    connect(m_live, &LiveDecisions::policyErrorChanged, this, &DecisionsPanel::updateStatus);
    connect(&m_document, &WorkspaceDocument::entityChanged, this, [this](const iam::AccountChange &change) {
        using Entity = iam::AccountChange::Entity;
        if ((change.entity == Entity::User || change.entity == Entity::Role)
            && change.kind != iam::AccountChange::Kind::Modified)
            rebuildPrincipals();
    });
    connect(&m_document, &WorkspaceDocument::accountReplaced, this, &DecisionsPanel::rebuildPrincipals);
    connect(&m_document, &WorkspaceDocument::signedInChanged, this, &DecisionsPanel::rebuildPrincipals);
}

void DecisionsPanel::rebuildPrincipals()
{
    const QSignalBlocker blocker(m_principalCombo);
    m_principalCombo->clear();
    const iam::CallerIdentity signedIn = m_document.signedIn();
    m_principalCombo->addItem(tr("Signed-in identity (%1)").arg(QString::fromStdString(signedIn.label())), kSignedIn);
    for (const iam::User &user : m_document.account().users()) {
        const QString name = QString::fromStdString(user.name);
        m_principalCombo->addItem(tr("User: %1").arg(name), QStringLiteral("user:") + name);
    }
    for (const iam::Role &role : m_document.account().roles()) {
        const QString name = QString::fromStdString(role.name);
        m_principalCombo->addItem(tr("Role: %1").arg(name), QStringLiteral("role:") + name);
    }
    selectPrincipalItem();
}

void DecisionsPanel::selectPrincipalItem()
{
    const QSignalBlocker blocker(m_principalCombo);
    const QString key = m_live->followsSignedIn() ? kSignedIn : principalKey(m_live->principal());
    int index = m_principalCombo->findData(key);
    if (index < 0) {
        // A principal the account does not list (a role still in the wizard, root).
        const iam::CallerIdentity &principal = m_live->principal();
        const QString name = QString::fromStdString(principal.name);
        const QString text = principal.kind == iam::CallerIdentity::Kind::Root ? tr("Root user")
            : principal.kind == iam::CallerIdentity::Kind::User                ? tr("User: %1 (new)").arg(name)
                                                                               : tr("Role: %1 (new)").arg(name);
        m_principalCombo->addItem(text, key);
        index = m_principalCombo->count() - 1;
    }
    m_principalCombo->setCurrentIndex(index);
}

void DecisionsPanel::principalChosen(int index)
{
    const QString key = m_principalCombo->itemData(index).toString();
    if (key == kSignedIn)
        followSignedIn();
    else if (key.startsWith(QStringLiteral("user:")))
        setPrincipal(PrincipalKind::User, key.mid(5));
    else if (key.startsWith(QStringLiteral("role:")))
        setPrincipal(PrincipalKind::Role, key.mid(5));
    else if (key == QStringLiteral("root"))
        setPrincipal(iam::CallerIdentity::root());
}

void DecisionsPanel::setPrincipal(PrincipalKind kind, const QString &name)
{
    if (kind == PrincipalKind::User)
        setPrincipal(iam::CallerIdentity::user(name.toStdString()));
    else if (kind == PrincipalKind::Role)
        setPrincipal(iam::DecisionScenario::roleSession(name.toStdString()));
}

void DecisionsPanel::setPrincipal(const iam::CallerIdentity &principal)
{
    m_live->setPrincipal(principal);
    selectPrincipalItem();
    showExplanation(false);
}

void DecisionsPanel::followSignedIn()
{
    m_live->followSignedIn();
    selectPrincipalItem();
    showExplanation(false);
}

void DecisionsPanel::setPrincipalChooserVisible(bool visible)
{
    m_principalLabel->setVisible(visible);
    m_principalCombo->setVisible(visible);
}

void DecisionsPanel::setEditedPolicy(const QString &text, iam::EditedPolicyPlacement placement, const QString &policyId)
{
    m_live->setEditedPolicy(text, placement, policyId);
}

void DecisionsPanel::setPolicyText(const QString &text)
{
    m_live->setPolicyText(text);
}

void DecisionsPanel::setAdditionalPolicies(const QStringList &policyArns)
{
    m_live->setAdditionalPolicies(policyArns);
}

void DecisionsPanel::setFilter(Filter filter)
{
    if (m_filterCombo->currentIndex() != static_cast<int>(filter)) {
        const QSignalBlocker blocker(m_filterCombo);
        m_filterCombo->setCurrentIndex(static_cast<int>(filter));
    }
    // OutcomeRole holds int(iam::Outcome): 0 allowed, 1 explicit deny, 2 implicit deny.
    switch (filter) {
    case Filter::All: m_filterModel->setFilterRegularExpression(QString()); break;
    case Filter::Allowed:
        m_filterModel->setFilterRegularExpression(QStringLiteral("^%1$").arg(int(iam::Outcome::Allowed)));
        break;
    case Filter::Denied:
        m_filterModel->setFilterRegularExpression(
            QStringLiteral("^(%1|%2)$").arg(int(iam::Outcome::ExplicitDeny)).arg(int(iam::Outcome::ImplicitDeny)));
        break;
    }
}

int DecisionsPanel::modelRow(int viewRow) const
{
    const QModelIndex index = m_filterModel->index(viewRow, 0);
    return index.isValid() ? m_filterModel->mapToSource(index).row() : -1;
}

void DecisionsPanel::currentRowChanged(const QModelIndex &current)
{
    (void)current;
    showExplanation(true);
}

void DecisionsPanel::showExplanation(bool announce)
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const int row = current.isValid() ? m_filterModel->mapToSource(current).row() : -1;
    const iam::DecisionExplanation why = m_live->explain(row);
    m_explanation->setHtml(decisionExplanationHtml(why, m_live->editedPolicySource()));
    if (!announce || why.deciding.empty())
        return;
    // The editor can show only its own policy's statements: prefer one of those.
    const std::string edited = m_live->editedPolicySource().toStdString();
    const auto own = std::find_if(why.deciding.begin(), why.deciding.end(),
                                  [&](const iam::DecidingStatement &statement) { return statement.policy == edited; });
    const iam::DecidingStatement &statement = own != why.deciding.end() ? *own : why.deciding.front();
    emit statementActivated(QString::fromStdString(statement.policy), statement.line, statement.column);
}

void DecisionsPanel::updateSummary()
{
    const DecisionsModel &model = *m_live->model();
    int allowed = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        allowed += model.rowAt(row).outcome == iam::Outcome::Allowed;
    const int denied = model.rowCount() - allowed;
    QString summary = (model.rowCount() == 1 ? tr("1 decision") : tr("%1 decisions").arg(model.rowCount()))
        + tr(": %1 allowed, %2 denied").arg(allowed).arg(denied);
    if (const int changed = model.changedCount())
        summary += tr("; %1 changed since the last edit").arg(changed);
    m_summaryLabel->setText(summary);

    const QStringList notes = m_live->notes();
    QStringList items;
    for (const QString &note : notes) {
        QString escaped = note.toHtmlEscaped();
        escaped.replace(QRegularExpression(QStringLiteral("`([^`]*)`")), QStringLiteral("<code>\\1</code>"));
        items << escaped;
    }
    m_notesLabel->setText(items.join(QStringLiteral("<br/>")));
    m_notesLabel->setVisible(!items.isEmpty());
}

void DecisionsPanel::updateStatus()
{
    m_busyLabel->setText(m_live->isBusy() ? tr("Evaluating…") : QString());
    const QString error = m_live->policyError();
    if (!error.isEmpty())
        m_statusLabel->setText(tr("The policy has errors; the decisions shown are for its last valid text. %1").arg(error));
    m_statusLabel->setVisible(!error.isEmpty());
}
