#include "PolicyPermissionsPanel.h"

#include "PolicySummaryModel.h"

#include <QButtonGroup>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

PolicyPermissionsPanel::PolicyPermissionsPanel(const iam::ServiceCatalog *catalog, QWidget *parent)
    : QWidget(parent)
    , m_summary(new PolicySummaryModel(catalog, this))
{
    createWidgets();
    connect(m_summaryButton, &QToolButton::toggled, this, [this](bool on) { showSummary(on); });
    connect(m_jsonButton, &QToolButton::toggled, this, [this](bool on) { showSummary(!on); });
    connect(m_editButton, &QPushButton::clicked, this, &PolicyPermissionsPanel::editRequested);
    connect(m_summary, &QAbstractItemModel::modelReset, this, &PolicyPermissionsPanel::expandSections);
}

void PolicyPermissionsPanel::setDocument(const QString &json)
{
    if (json != m_jsonView->toPlainText())
        m_jsonView->setPlainText(json);
    m_summary->setDocument(json);
}

QString PolicyPermissionsPanel::document() const
{
    return m_jsonView->toPlainText();
}

void PolicyPermissionsPanel::setEditable(bool editable)
{
    m_editButton->setVisible(editable);
}

void PolicyPermissionsPanel::showSummary(bool summary)
{
    m_summaryButton->setChecked(summary);
    m_jsonButton->setChecked(!summary);
    m_stack->setCurrentWidget(summary ? static_cast<QWidget *>(m_summaryView) : m_jsonView);
}

void PolicyPermissionsPanel::createWidgets()
{
    auto *title = new QLabel(tr("Permissions defined in this policy"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);

    m_summaryButton = new QToolButton(this);
    m_summaryButton->setObjectName(QStringLiteral("summaryButton"));
    m_summaryButton->setText(tr("Summary"));
    m_jsonButton = new QToolButton(this);
    m_jsonButton->setObjectName(QStringLiteral("jsonButton"));
    m_jsonButton->setText(tr("JSON"));
    auto *group = new QButtonGroup(this);
    for (QToolButton *button : {m_summaryButton, m_jsonButton}) {
        button->setCheckable(true);
        group->addButton(button);
    }
    m_summaryButton->setChecked(true);

    m_editButton = new QPushButton(tr("Edit"), this);
    m_editButton->setObjectName(QStringLiteral("editButton"));
    m_editButton->hide();

    m_summaryView = new QTreeView(this);
    m_summaryView->setObjectName(QStringLiteral("summaryView"));
    m_summaryView->setModel(m_summary);
    m_summaryView->setUniformRowHeights(true);   // AdministratorAccess: 22,000 action rows
    m_summaryView->setAlternatingRowColors(true);
    m_summaryView->header()->resizeSection(PolicySummaryModel::ServiceColumn, 260);
    m_summaryView->header()->resizeSection(PolicySummaryModel::AccessLevelColumn, 240);
    m_summaryView->header()->resizeSection(PolicySummaryModel::ResourceColumn, 300);

    m_jsonView = new QPlainTextEdit(this);
    m_jsonView->setObjectName(QStringLiteral("jsonView"));
    m_jsonView->setReadOnly(true);
    m_jsonView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_jsonView->setLineWrapMode(QPlainTextEdit::NoWrap);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("permissionsStack"));
    m_stack->addWidget(m_summaryView);
    m_stack->addWidget(m_jsonView);

    auto *bar = new QHBoxLayout;
    bar->addWidget(title);
    bar->addStretch();
    bar->addWidget(m_summaryButton);
    bar->addWidget(m_jsonButton);
    bar->addSpacing(12);
    bar->addWidget(m_editButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);
}

// The sections open, the services closed: the console's first view.
void PolicyPermissionsPanel::expandSections()
{
    for (int row = 0; row < m_summary->rowCount(); ++row)
        m_summaryView->expand(m_summary->index(row, 0));
}
