#include "VisualActionsPicker.h"

#include "Catalogs.h"
#include "ServiceCatalog.h"
#include "VisualServicePicker.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

constexpr iam::AccessLevel kLevels[] = {iam::AccessLevel::List, iam::AccessLevel::Read, iam::AccessLevel::Write,
                                        iam::AccessLevel::PermissionsManagement, iam::AccessLevel::Tagging};

bool isGroup(const QTreeWidgetItem *item)
{
    return item && item->childCount() > 0;
}

} // namespace

VisualActionsPicker::VisualActionsPicker(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("actionsPicker"));
    createWidgets();
    connectSignals();
}

void VisualActionsPicker::createWidgets()
{
    m_all = new QCheckBox(this);
    m_all->setObjectName(QStringLiteral("allActionsCheck"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("actionSearch"));
    m_search->setPlaceholderText(tr("Filter actions"));
    m_search->setClearButtonEnabled(true);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("actionTree"));
    m_tree->setHeaderHidden(true);
    m_tree->setMinimumHeight(180);
    m_tree->setUniformRowHeights(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_all);
    layout->addWidget(m_search);
    layout->addWidget(m_tree);
}

void VisualActionsPicker::connectSignals()
{
    connect(m_all, &QCheckBox::toggled, this, [this](bool all) {
        m_tree->setEnabled(!all);
        m_search->setEnabled(!all);
        emit changed();
    });
    connect(m_search, &QLineEdit::textChanged, this, &VisualActionsPicker::filter);
    connect(m_tree, &QTreeWidget::itemChanged, this, &VisualActionsPicker::itemChanged);
}

void VisualActionsPicker::setSelection(const QString &prefix, bool allActions, const QStringList &actions)
{
    const QSignalBlocker blockAll(m_all);
    const QSignalBlocker blockTree(m_tree);
    m_prefix = prefix;
    const iam::ServiceCatalog *catalog = Catalogs::bundled().services;
    const iam::CatalogService *service = catalog ? catalog->service(prefix.toStdString()) : nullptr;
    const QString name = VisualServicePicker::displayName(prefix);
    m_all->setText(tr("All %1 actions (%2:*)").arg(name, prefix));
    m_all->setChecked(allActions);
    m_tree->setEnabled(!allActions);
    m_search->setEnabled(!allActions);

    QStringList unknown;
    for (const QString &action : actions) {
        if (!service || !catalog->action(prefix.toStdString(), action.toStdString()))
            unknown << action;
    }
    fillTree(service, unknown);
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_tree->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            const bool checked = actions.contains(item->text(0), Qt::CaseInsensitive);
            item->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
        }
    }
    updateGroupStates();
    filter(m_search->text());
}

void VisualActionsPicker::fillTree(const iam::CatalogService *service, const QStringList &unknown)
{
    m_tree->clear();
    const auto addGroup = [this](const QString &title) {
        auto *group = new QTreeWidgetItem(m_tree, QStringList{title});
        group->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        group->setCheckState(0, Qt::Unchecked);
        return group;
    };
    const auto addAction = [](QTreeWidgetItem *group, const QString &name, const QString &description) {
        auto *item = new QTreeWidgetItem(group, QStringList{name});
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(0, Qt::Unchecked);
        item->setToolTip(0, description);
    };
    if (service) {
        for (const iam::AccessLevel level : kLevels) {
            QTreeWidgetItem *group = nullptr;
            int count = 0;
            for (const iam::CatalogAction &action : service->actions) {
                if (action.accessLevel != level)
                    continue;
                if (!group)
                    group = addGroup({});
                addAction(group, QString::fromStdString(action.name), QString::fromStdString(action.description));
                ++count;
            }
            if (group) {
                group->setText(0, QStringLiteral("%1 (%2)").arg(QString::fromLatin1(iam::accessLevelName(level))).arg(count));
                group->setData(0, Qt::UserRole, QString::fromLatin1(iam::accessLevelName(level)));
            }
        }
    }
    if (!unknown.isEmpty()) {
        QTreeWidgetItem *group = addGroup(tr("Other (%1)").arg(unknown.size()));
        group->setData(0, Qt::UserRole, QStringLiteral("Other"));
        for (const QString &name : unknown)
            addAction(group, name, tr("Not in the service authorization reference"));
    }
}

bool VisualActionsPicker::allActions() const
{
    return m_all->isChecked();
}

QStringList VisualActionsPicker::actions() const
{
    QStringList names;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        const QTreeWidgetItem *group = m_tree->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i)
            if (group->child(i)->checkState(0) == Qt::Checked)
                names << group->child(i)->text(0);
    }
    // The catalog's order, as the console writes them: groups are by access level.
    const iam::ServiceCatalog *catalog = Catalogs::bundled().services;
    const iam::CatalogService *service = catalog ? catalog->service(m_prefix.toStdString()) : nullptr;
    if (!service)
        return names;
    QStringList ordered;
    for (const iam::CatalogAction &action : service->actions) {
        const QString name = QString::fromStdString(action.name);
        if (names.contains(name))
            ordered << name;
    }
    for (const QString &name : names)
        if (!ordered.contains(name))
            ordered << name;
    return ordered;
}

void VisualActionsPicker::itemChanged(QTreeWidgetItem *item)
{
    {
        // One user click, one changed(): the group's children (or the child's group)
        // follow without signals of their own.
        const QSignalBlocker block(m_tree);
        if (isGroup(item)) {
            const Qt::CheckState state = item->checkState(0) == Qt::Unchecked ? Qt::Unchecked : Qt::Checked;
            item->setCheckState(0, state);
            for (int i = 0; i < item->childCount(); ++i)
                if (!item->child(i)->isHidden())
                    item->child(i)->setCheckState(0, state);
        }
        updateGroupStates();
    }
    m_tree->viewport()->update();
    emit changed();
}

void VisualActionsPicker::updateGroupStates()
{
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_tree->topLevelItem(g);
        int checked = 0;
        for (int i = 0; i < group->childCount(); ++i)
            checked += group->child(i)->checkState(0) == Qt::Checked;
        group->setCheckState(0, checked == 0 ? Qt::Unchecked
                                : checked == group->childCount() ? Qt::Checked : Qt::PartiallyChecked);
    }
}

void VisualActionsPicker::filter(const QString &text)
{
    const QString needle = text.trimmed();
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_tree->topLevelItem(g);
        int shown = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            const bool match = needle.isEmpty() || group->child(i)->text(0).contains(needle, Qt::CaseInsensitive);
            group->child(i)->setHidden(!match);
            shown += match;
        }
        group->setHidden(shown == 0);
        // Folded like the console's groups; a filter opens the groups it matches in.
        group->setExpanded(!needle.isEmpty());
    }
}
