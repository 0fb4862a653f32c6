#include "VisualResourcesEditor.h"

#include "ArnTemplate.h"
#include "Catalogs.h"
#include "ServiceCatalog.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <memory>

namespace {

// "BucketName" -> "Bucket name", as the console labels the ARN fields.
QString fieldLabel(const QString &variable)
{
    QString label;
    for (qsizetype i = 0; i < variable.size(); ++i) {
        const QChar c = variable[i];
        if (i > 0 && c.isUpper() && !variable[i - 1].isUpper())
            label += QLatin1Char(' ') + c.toLower();
        else
            label += c;
    }
    return label;
}

} // namespace

VisualResourcesEditor::VisualResourcesEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("resourcesEditor"));
    createWidgets();
    connectSignals();
    showMode();
}

void VisualResourcesEditor::createWidgets()
{
    m_specificRadio = new QRadioButton(tr("Specific"), this);
    m_specificRadio->setObjectName(QStringLiteral("specificResourcesRadio"));
    m_allRadio = new QRadioButton(tr("All"), this);
    m_allRadio->setObjectName(QStringLiteral("allResourcesRadio"));
    auto *group = new QButtonGroup(this);
    group->addButton(m_specificRadio);
    group->addButton(m_allRadio);
    m_specificRadio->setChecked(true);

    m_specific = new QWidget(this);
    m_note = new QLabel(m_specific);
    m_note->setObjectName(QStringLiteral("resourceNote"));
    m_note->setWordWrap(true);
    m_note->setProperty("class", QStringLiteral("muted"));
    auto *buildersHost = new QWidget(m_specific);
    m_builders = new QVBoxLayout(buildersHost);
    m_builders->setContentsMargins(0, 0, 0, 0);
    m_list = new QListWidget(m_specific);
    m_list->setObjectName(QStringLiteral("resourceList"));
    m_list->setMaximumHeight(120);
    m_remove = new QPushButton(tr("Remove"), m_specific);
    m_remove->setObjectName(QStringLiteral("removeArnButton"));
    m_remove->setEnabled(false);

    auto *specificLayout = new QVBoxLayout(m_specific);
    specificLayout->setContentsMargins(16, 0, 0, 0);
    specificLayout->addWidget(m_note);
    specificLayout->addWidget(buildersHost);
    specificLayout->addWidget(new QLabel(tr("Resource ARNs"), m_specific));
    specificLayout->addWidget(m_list);
    specificLayout->addWidget(m_remove, 0, Qt::AlignLeft);

    auto *radios = new QHBoxLayout;
    radios->addWidget(m_specificRadio);
    radios->addWidget(m_allRadio);
    radios->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(radios);
    layout->addWidget(m_specific);
}

void VisualResourcesEditor::connectSignals()
{
    connect(m_allRadio, &QRadioButton::toggled, this, [this] {
        showMode();
        emit changed();
    });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) { m_remove->setEnabled(row >= 0); });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        delete m_list->takeItem(m_list->currentRow());
        emit changed();
    });
    // ARNs can be corrected in place (double-click).
    connect(m_list, &QListWidget::itemChanged, this, [this] { emit changed(); });
}

void VisualResourcesEditor::setContext(const QString &prefix, bool allActions, const QStringList &actions)
{
    if (prefix == m_prefix && allActions == m_allActions && actions == m_actions)
        return;
    m_prefix = prefix;
    m_allActions = allActions;
    m_actions = actions;
    rebuildBuilders();
}

void VisualResourcesEditor::setResources(bool allResources, const QStringList &arns)
{
    const QSignalBlocker blockAll(m_allRadio);
    const QSignalBlocker blockList(m_list);
    (allResources ? m_allRadio : m_specificRadio)->setChecked(true);
    m_list->clear();
    for (const QString &arn : arns)
        addArn(arn);
    showMode();
}

bool VisualResourcesEditor::allResources() const
{
    return m_allRadio->isChecked();
}

QStringList VisualResourcesEditor::resources() const
{
    QStringList arns;
    for (int row = 0; row < m_list->count(); ++row)
        arns << m_list->item(row)->text();
    return arns;
}

void VisualResourcesEditor::showMode()
{
    m_specific->setVisible(!m_allRadio->isChecked());
}

void VisualResourcesEditor::addArn(const QString &arn)
{
    auto *item = new QListWidgetItem(arn, m_list);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
}

void VisualResourcesEditor::rebuildBuilders()
{
    while (QLayoutItem *item = m_builders->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const iam::ServiceCatalog *catalog = Catalogs::bundled().services;
    const iam::CatalogService *service = catalog ? catalog->service(m_prefix.toStdString()) : nullptr;
    if (!service) {
        m_note->setText(m_prefix.isEmpty() ? tr("Choose a service and actions first.") : QString());
        m_note->setVisible(m_prefix.isEmpty());
        return;
    }
    // The resource types the chosen actions accept, in the catalog's order.
    QStringList types;
    bool someTakeOnlyStar = false;
    for (const iam::CatalogAction &action : service->actions) {
        if (!m_allActions && !m_actions.contains(QString::fromStdString(action.name), Qt::CaseInsensitive))
            continue;
        if (action.resourceTypes.empty())
            someTakeOnlyStar = true;
        for (const iam::CatalogActionResource &resource : action.resourceTypes)
            if (!types.contains(QString::fromStdString(resource.name)))
                types << QString::fromStdString(resource.name);
    }
    QStringList notes;
    if (someTakeOnlyStar)
        notes << tr("One or more actions you chose do not support resource-level permissions; "
                    "they need All resources.");
    if (types.isEmpty() && !someTakeOnlyStar)
        notes << tr("Choose actions to see the resource types they accept.");
    m_note->setText(notes.join(QLatin1Char(' ')));
    m_note->setVisible(!notes.isEmpty());
    for (const iam::CatalogResourceType &type : service->resourceTypes) {
        const QString name = QString::fromStdString(type.name);
        if (types.contains(name))
            m_builders->addWidget(createBuilder(name, QString::fromStdString(type.arnFormat)));
    }
}

QWidget *VisualResourcesEditor::createBuilder(const QString &type, const QString &arnFormat)
{
    auto *box = new QGroupBox(type, this);
    box->setObjectName(QStringLiteral("arnBuilder_%1").arg(type));
    auto *form = new QFormLayout(box);
    auto *format = new QLabel(arnFormat, box);
    format->setProperty("class", QStringLiteral("muted"));
    format->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(format);

    const ArnTemplate arnTemplate(arnFormat);
    struct Field
    {
        QString variable;
        QLineEdit *edit;
        QCheckBox *any;
    };
    auto fields = std::make_shared<QList<Field>>();
    for (const QString &variable : arnTemplate.editableVariables()) {
        auto *edit = new QLineEdit(box);
        edit->setObjectName(QStringLiteral("arnField_%1").arg(variable));
        auto *any = new QCheckBox(tr("Any %1").arg(fieldLabel(variable).toLower()), box);
        any->setObjectName(QStringLiteral("arnAny_%1").arg(variable));
        if (variable == QLatin1String("Account") && !m_accountId.isEmpty())
            edit->setText(m_accountId);
        auto *row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(any);
        form->addRow(fieldLabel(variable), row);
        connect(any, &QCheckBox::toggled, edit, &QLineEdit::setDisabled);
        fields->append({variable, edit, any});
    }
    auto *preview = new QLabel(box);
    preview->setObjectName(QStringLiteral("arnPreview"));
    preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *add = new QPushButton(tr("Add ARN"), box);
    add->setObjectName(QStringLiteral("addArnButton"));
    form->addRow(tr("Resource ARN"), preview);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(add);
    addRow->addStretch();
    form->addRow(addRow);

    const auto build = [fields, arnTemplate] {
        QHash<QString, QString> values;
        for (const Field &field : *fields)
            if (!field.any->isChecked())
                values.insert(field.variable, field.edit->text());
        return arnTemplate.build(values);
    };
    // Add is enabled when every field is filled or marked Any.
    const auto refresh = [fields, preview, add, build] {
        preview->setText(build());
        bool complete = true;
        for (const Field &field : *fields)
            complete = complete && (field.any->isChecked() || !field.edit->text().trimmed().isEmpty());
        add->setEnabled(complete);
    };
    for (const Field &field : *fields) {
        connect(field.edit, &QLineEdit::textChanged, box, refresh);
        connect(field.any, &QCheckBox::toggled, box, refresh);
    }
    refresh();
    connect(add, &QPushButton::clicked, this, [this, build] {
        const QString arn = build();
        if (resources().contains(arn))
            return;
        addArn(arn);
        emit changed();
    });
    return box;
}
