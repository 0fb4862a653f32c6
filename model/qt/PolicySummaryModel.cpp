#include "PolicySummaryModel.h"

#include "PolicyParser.h"

namespace {

using Section = PolicySummaryService::Section;

// internalId of an index: 0 for a section row; 1 + section for a service row;
// kActionBase + the service's place in the summary for an action row.
constexpr quintptr kActionBase = quintptr(1) << 24;

} // namespace

PolicySummaryModel::PolicySummaryModel(const iam::ServiceCatalog *catalog, QObject *parent)
    : QAbstractItemModel(parent)
    , m_catalog(catalog)
{
}

void PolicySummaryModel::setDocument(const QString &json)
{
    if (json == m_document && (!m_sections.isEmpty() || !m_error.isEmpty()))
        return;
    beginResetModel();
    m_document = json;
    m_error.clear();
    m_summary = {};
    m_sections.clear();
    const iam::ParseResult parsed = iam::parsePolicy(json.toStdString(), "policy");
    if (!parsed.document) {
        m_error = parsed.diagnostics.empty() ? tr("the text is not a policy document")
                                             : QString::fromStdString(iam::formatDiagnostic(parsed.diagnostics.front()));
    } else {
        m_summary = summarizePolicy(*parsed.document, m_catalog);
        for (int i = 0; i < m_summary.services.size(); ++i) {
            const Section section = m_summary.services[i].section;
            if (m_sections.isEmpty() || m_sections.back().section != section)
                m_sections.append({section, i, 0});
            ++m_sections.back().count;
        }
    }
    endResetModel();
}

QModelIndex PolicySummaryModel::findService(const QString &service, PolicySummaryService::Section section) const
{
    for (int s = 0; s < m_sections.size(); ++s) {
        if (m_sections[s].section != section)
            continue;
        for (int row = 0; row < m_sections[s].count; ++row)
            if (m_summary.services[m_sections[s].first + row].service == service)
                return createIndex(row, 0, quintptr(s) + 1);
    }
    return {};
}

QModelIndex PolicySummaryModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || row >= rowCount(parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    const quintptr id = parent.internalId();
    if (id == 0)
        return createIndex(row, column, quintptr(parent.row()) + 1);
    if (id < kActionBase)
        return createIndex(row, column, kActionBase + quintptr(m_sections[int(id) - 1].first + parent.row()));
    return {};
}

QModelIndex PolicySummaryModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    const quintptr id = child.internalId();
    if (id < kActionBase)
        return createIndex(int(id) - 1, 0, quintptr(0));
    const int service = int(id - kActionBase);
    const int section = sectionOfService(service);
    return createIndex(service - m_sections[section].first, 0, quintptr(section) + 1);
}

int PolicySummaryModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_sections.size());
    if (parent.column() != 0)
        return 0;
    const quintptr id = parent.internalId();
    if (id == 0)
        return m_sections[parent.row()].count;
    if (id < kActionBase)
        return int(m_summary.services[m_sections[int(id) - 1].first + parent.row()].actions.size());
    return 0;
}

int PolicySummaryModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant PolicySummaryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const quintptr id = index.internalId();
    if (id == 0)
        return sectionData(m_sections[index.row()], index.column(), role);
    if (id < kActionBase) {
        const int service = m_sections[int(id) - 1].first + index.row();
        return serviceData(m_summary.services[service], index.column(), role);
    }
    return actionData(m_summary.services[int(id - kActionBase)], index.row(), index.column(), role);
}

QVariant PolicySummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ServiceColumn: return tr("Service");
    case AccessLevelColumn: return tr("Access level");
    case ResourceColumn: return tr("Resource");
    case ConditionColumn: return tr("Request condition");
    default: return {};
    }
}

QVariant PolicySummaryModel::sectionData(const SectionRange &range, int column, int role) const
{
    if (role == SectionRole)
        return int(range.section);
    if (role != Qt::DisplayRole || column != ServiceColumn)
        return {};
    const QString name = policySummarySectionName(range.section);
    if (range.section == Section::Uncategorized || m_summary.catalogServiceCount == 0)
        return QStringLiteral("%1 (%2)").arg(name).arg(range.count);
    return tr("%1 (%2 of %3 services)").arg(name).arg(range.count).arg(m_summary.catalogServiceCount);
}

QVariant PolicySummaryModel::serviceData(const PolicySummaryService &service, int column, int role) const
{
    switch (role) {
    case SectionRole: return int(service.section);
    case PrefixRole: return service.prefix;
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (column) {
        case ServiceColumn: return service.service;
        case AccessLevelColumn: return service.accessLevel;
        case ResourceColumn: return service.resource;
        case ConditionColumn: return service.condition;
        default: return {};
        }
    default: return {};
    }
}

QVariant PolicySummaryModel::actionData(const PolicySummaryService &service, int action, int column, int role) const
{
    if (role == SectionRole)
        return int(service.section);
    if (role != Qt::DisplayRole)
        return {};
    if (column == ServiceColumn)
        return service.actions.value(action);
    if (column == AccessLevelColumn)
        return service.actionLevels.value(action);
    return {};
}

int PolicySummaryModel::sectionOfService(int service) const
{
    for (int s = 0; s < m_sections.size(); ++s)
        if (service >= m_sections[s].first && service < m_sections[s].first + m_sections[s].count)
            return s;
    return 0;
}
