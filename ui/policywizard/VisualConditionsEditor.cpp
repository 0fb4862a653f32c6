#include "VisualConditionsEditor.h"

#include "Catalogs.h"
#include "PolicyCompletions.h"
#include "ServiceCatalog.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace {

QStringList splitValues(const QString &text)
{
    QStringList values;
    for (const QString &part : text.split(QLatin1Char(',')))
        if (!part.trimmed().isEmpty())
            values << part.trimmed();
    return values;
}

} // namespace

VisualConditionsEditor::VisualConditionsEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("conditionsEditor"));
    createWidgets();
}

void VisualConditionsEditor::createWidgets()
{
    auto *gridHost = new QWidget(this);
    m_grid = new QGridLayout(gridHost);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setColumnStretch(0, 3);
    m_grid->setColumnStretch(1, 2);
    m_grid->setColumnStretch(2, 3);
    m_add = new QPushButton(tr("Add another condition"), this);
    m_add->setObjectName(QStringLiteral("addConditionButton"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(gridHost);
    layout->addWidget(m_add, 0, Qt::AlignLeft);

    connect(m_add, &QPushButton::clicked, this, [this] {
        m_conditions.append({QStringLiteral("StringEquals"), QString(), {}});
        rebuildRows();
        m_rows.last().key->setFocus();
    });
    rebuildRows();
}

void VisualConditionsEditor::setContext(const QString &prefix, bool allActions, const QStringList &actions)
{
    const iam::ServiceCatalog *catalog = Catalogs::bundled().services;
    QStringList keys;
    if (catalog) {
        if (const iam::CatalogService *service = catalog->service(prefix.toStdString())) {
            for (const iam::CatalogAction &action : service->actions) {
                if (!allActions && !actions.contains(QString::fromStdString(action.name), Qt::CaseInsensitive))
                    continue;
                for (const std::string &key : action.conditionKeys)
                    keys << QString::fromStdString(key);
                for (const iam::CatalogActionResource &resource : action.resourceTypes)
                    for (const std::string &key : resource.conditionKeys)
                        keys << QString::fromStdString(key);
            }
        }
        keys.removeDuplicates();
        keys.sort(Qt::CaseInsensitive);
        QStringList global;
        for (const iam::CatalogConditionKey &key : catalog->globalConditionKeys())
            if (!keys.contains(QString::fromStdString(key.name)))
                global << QString::fromStdString(key.name);
        keys += global;
    }
    if (keys == m_keys)
        return;
    m_keys = keys;
    for (const Row &row : m_rows) {
        const QSignalBlocker block(row.key);
        const QString current = row.key->currentText();
        row.key->clear();
        row.key->addItems(m_keys);
        row.key->setCurrentText(current);
    }
}

void VisualConditionsEditor::setConditions(const QList<VisualCondition> &conditions)
{
    m_conditions = conditions;
    rebuildRows();
}

void VisualConditionsEditor::rebuildRows()
{
    for (const Row &row : m_rows) {
        delete row.key;
        delete row.op;
        delete row.value;
        delete row.remove;
    }
    m_rows.clear();
    if (!m_conditions.isEmpty()) {
        int column = 0;
        for (const QString &title : {tr("Condition key"), tr("Qualifier and operator"), tr("Value")}) {
            if (!m_grid->itemAtPosition(0, column))
                m_grid->addWidget(new QLabel(title, this), 0, column);
            ++column;
        }
    }
    for (int i = 0; i < m_conditions.size(); ++i)
        addRow(i);
}

void VisualConditionsEditor::addRow(int index)
{
    const VisualCondition &condition = m_conditions.at(index);
    Row row;
    row.key = new QComboBox(this);
    row.key->setObjectName(QStringLiteral("conditionKey"));
    row.key->setEditable(true);
    row.key->setInsertPolicy(QComboBox::NoInsert);
    row.key->addItems(m_keys);
    row.key->setCurrentText(condition.key);
    row.op = new QComboBox(this);
    row.op->setObjectName(QStringLiteral("conditionOperator"));
    fillOperators(row.op, condition.key, condition.operatorName);
    row.value = new QLineEdit(condition.values.join(QStringLiteral(", ")), this);
    row.value->setObjectName(QStringLiteral("conditionValue"));
    row.value->setPlaceholderText(tr("Value (several: separate with commas)"));
    row.remove = new QPushButton(tr("Remove"), this);
    row.remove->setObjectName(QStringLiteral("removeConditionButton"));
    const int gridRow = index + 1;
    m_grid->addWidget(row.key, gridRow, 0);
    m_grid->addWidget(row.op, gridRow, 1);
    m_grid->addWidget(row.value, gridRow, 2);
    m_grid->addWidget(row.remove, gridRow, 3);
    m_rows.append(row);

    connect(row.key, &QComboBox::currentTextChanged, this, [this, index](const QString &key) {
        const Row &r = m_rows.at(index);
        const QSignalBlocker block(r.op);
        fillOperators(r.op, key, r.op->currentText());
        rowEdited(index, false);
    });
    connect(row.op, &QComboBox::currentTextChanged, this, [this, index] { rowEdited(index, false); });
    connect(row.value, &QLineEdit::textEdited, this, [this, index] { rowEdited(index, true); });
    connect(row.remove, &QPushButton::clicked, this, [this, index] {
        m_conditions.removeAt(index);
        // Rebuilt after this slot returns: the button is one of the row's widgets.
        QMetaObject::invokeMethod(this, &VisualConditionsEditor::rebuildRows, Qt::QueuedConnection);
        emit changed();
    });
}

QList<VisualCondition> VisualConditionsEditor::conditions() const
{
    QList<VisualCondition> named;
    for (const VisualCondition &condition : m_conditions)
        if (!condition.key.isEmpty())
            named << condition;
    return named;
}

void VisualConditionsEditor::rowEdited(int index, bool valueEdited)
{
    const Row &row = m_rows.at(index);
    VisualCondition &condition = m_conditions[index];
    condition.key = row.key->currentText().trimmed();
    condition.operatorName = row.op->currentText();
    // Values read from JSON are split only when their field is edited, so a value
    // with a comma in it survives edits elsewhere in the row.
    if (valueEdited)
        condition.values = splitValues(row.value->text());
    emit changed();
}

void VisualConditionsEditor::fillOperators(QComboBox *op, const QString &key, const QString &current)
{
    const iam::ServiceCatalog *catalog = Catalogs::bundled().services;
    const iam::CatalogConditionKey *known = catalog ? catalog->conditionKey(key.toStdString()) : nullptr;
    QStringList operators = PolicyCompletions::operatorsForKeyType(known ? QString::fromStdString(known->type) : QString());
    // An operator read from JSON (with IfExists or a set qualifier) stays choosable.
    if (!current.isEmpty() && !operators.contains(current))
        operators.prepend(current);
    op->clear();
    op->addItems(operators);
    op->setCurrentText(current.isEmpty() ? operators.value(0) : current);
}
