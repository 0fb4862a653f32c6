#include "PolicyPicker.h"

#include "PolicyPickerFilterModel.h"
#include "PolicyPickerModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

PolicyPicker::PolicyPicker(WorkspaceDocument &document, QWidget *parent)
    : QWidget(parent)
    , m_model(new PolicyPickerModel(document, this))
    , m_filter(new PolicyPickerFilterModel(this))
{
    m_filter->setSourceModel(m_model);
    createWidgets();
    connectSignals();
    updateCount();
}

QStringList PolicyPicker::checkedPolicyArns() const
{
    return m_model->checkedPolicyArns();
}

void PolicyPicker::setCheckedPolicyArns(const QStringList &arns)
{
    m_model->setCheckedPolicyArns(arns);
}

void PolicyPicker::setDisabledPolicyArns(const QStringList &arns)
{
    m_model->setDisabledPolicyArns(arns);
}

QString PolicyPicker::currentPolicyArn() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(PolicyPickerModel::KeyRole).toString() : QString();
}

void PolicyPicker::setDescription(const QString &text)
{
    m_description->setText(text);
    m_description->setVisible(!text.isEmpty());
}

void PolicyPicker::createWidgets()
{
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("policyCountLabel"));
    QFont headingFont = m_countLabel->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    m_countLabel->setFont(headingFont);

    m_description = new QLabel(tr("Choose one or more policies to attach to your new role."), this);
    m_description->setObjectName(QStringLiteral("policyPickerDescription"));
    m_description->setProperty("class", QStringLiteral("muted"));
    m_description->setWordWrap(true);

    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("policySearchEdit"));
    m_searchEdit->setPlaceholderText(tr("Filter policies by property or policy name"));
    m_searchEdit->setClearButtonEnabled(true);

    m_typeFilter = new QComboBox(this);
    m_typeFilter->setObjectName(QStringLiteral("policyTypeFilter"));
    m_typeFilter->setAccessibleName(tr("Filter by Type"));
    m_typeFilter->addItem(tr("All types"));
    using Kind = PolicyPickerModel::PolicyKind;
    for (Kind kind : {Kind::AwsManaged, Kind::CustomerManaged, Kind::JobFunction})
        m_typeFilter->addItem(PolicyPickerModel::kindText(kind), int(kind));

    m_matchesLabel = new QLabel(this);
    m_matchesLabel->setObjectName(QStringLiteral("policyMatchesLabel"));
    m_matchesLabel->setProperty("class", QStringLiteral("muted"));

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("policyTable"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(PolicyPickerModel::NameColumn, Qt::AscendingOrder);
    m_view->verticalHeader()->hide();
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    // 1300 rows: a fixed row height spares the view measuring each of them.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(PolicyPickerModel::NameColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(PolicyPickerModel::TypeColumn, QHeaderView::Interactive);
    header->setStretchLastSection(true);
    header->resizeSection(PolicyPickerModel::NameColumn, 320);
    header->resizeSection(PolicyPickerModel::TypeColumn, 190);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_searchEdit, 1);
    filterRow->addWidget(m_typeFilter);
    filterRow->addWidget(m_matchesLabel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_countLabel);
    layout->addWidget(m_description);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);
}

void PolicyPicker::connectSignals()
{
    connect(m_searchEdit, &QLineEdit::textChanged, m_filter, &PolicyPickerFilterModel::setSearchText);
    connect(m_typeFilter, &QComboBox::currentIndexChanged, this, [this](int index) {
        const QVariant kind = m_typeFilter->itemData(index);
        m_filter->setKindFilter(kind.isValid() ? std::optional(PolicyPickerModel::PolicyKind(kind.toInt()))
                                               : std::nullopt);
    });
    connect(m_model, &PolicyPickerModel::checkedChanged, this, &PolicyPicker::updateCount);
    connect(m_model, &PolicyPickerModel::checkedChanged, this, &PolicyPicker::checkedChanged);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &PolicyPicker::updateCount);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &PolicyPicker::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &PolicyPicker::updateCount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &PolicyPicker::updateCount);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                emit selectionChanged(current.isValid() ? current.data(PolicyPickerModel::KeyRole).toString()
                                                        : QString());
            });
}

void PolicyPicker::updateCount()
{
    // The console's heading counts the checked policies against all of them.
    m_countLabel->setText(tr("Permissions policies (Selected %1/%2)")
                              .arg(m_model->checkedPolicyArns().size())
                              .arg(m_model->rowCount()));
    const int matches = m_filter->rowCount();
    m_matchesLabel->setText(matches == m_model->rowCount() ? QString()
                            : matches == 1                  ? tr("1 match")
                                                            : tr("%1 matches").arg(matches));
}
