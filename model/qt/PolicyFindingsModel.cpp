#include "PolicyFindingsModel.h"

#include "PolicyParser.h"
#include "PolicyValidator.h"

#include <algorithm>
#include <vector>

using Severity = iam::Diagnostic::Severity;

namespace {

// A finding is "the same one" across edits when only its position moved: typing
// above it shifts its line, and the row (and any selection on it) should stay.
bool sameFinding(const iam::Diagnostic &a, const iam::Diagnostic &b)
{
    return a.severity == b.severity && a.code == b.code && a.message == b.message;
}

// Beyond this many cell comparisons the rows are matched by position only: a
// policy with hundreds of findings is rare, and the table stays correct either way.
constexpr std::size_t kMaxMatchCells = 250'000;

// The pairs (old row, new row) of a longest common subsequence of sameFinding().
std::vector<std::pair<std::size_t, std::size_t>> matchFindings(const iam::Diagnostics &before,
                                                               const iam::Diagnostics &after)
{
    const std::size_t m = before.size();
    const std::size_t n = after.size();
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    if (m == 0 || n == 0 || m * n > kMaxMatchCells)
        return pairs;
    // lengths[i][j]: the LCS length of before[i..] and after[j..].
    std::vector<std::vector<int>> lengths(m + 1, std::vector<int>(n + 1, 0));
    for (std::size_t i = m; i-- > 0;)
        for (std::size_t j = n; j-- > 0;)
            lengths[i][j] = sameFinding(before[i], after[j]) ? lengths[i + 1][j + 1] + 1
                                                             : std::max(lengths[i + 1][j], lengths[i][j + 1]);
    std::size_t i = 0, j = 0;
    while (i < m && j < n) {
        if (sameFinding(before[i], after[j])) {
            pairs.emplace_back(i++, j++);
        } else if (lengths[i + 1][j] >= lengths[i][j + 1]) {
            ++i;
        } else {
            ++j;
        }
    }
    return pairs;
}

QString plural(int count, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(count).arg(QLatin1String(count == 1 ? one : many));
}

} // namespace

PolicyFindingsModel::PolicyFindingsModel(const iam::ActionCatalog *catalog, QObject *parent)
    : QAbstractTableModel(parent)
    , m_catalog(catalog)
{
}

void PolicyFindingsModel::validate(const QString &text)
{
    setFindings(findingsFor(text, m_policyType, m_catalog));
}

iam::Diagnostics PolicyFindingsModel::findingsFor(const QString &text, iam::PolicyType type,
                                                  const iam::ActionCatalog *catalog)
{
    const QByteArray utf8 = text.toUtf8();
    const iam::ParseResult parsed = iam::parsePolicy(std::string_view(utf8.constData(), std::size_t(utf8.size())),
                                                     "Policy");
    return iam::validatePolicy(parsed, type, catalog);
}

void PolicyFindingsModel::setFindings(iam::Diagnostics findings)
{
    iam::sortByLocation(findings);
    auto pairs = matchFindings(m_findings, findings);
    pairs.emplace_back(m_findings.size(), findings.size());   // sentinel: the tails

    // Walk the matches in order; between two matches, unmatched old rows are
    // overwritten by unmatched new ones, and the surplus is removed or inserted.
    int row = 0;
    std::size_t oldNext = 0, newNext = 0;
    for (const auto &[oldMatch, newMatch] : pairs) {
        const int removed = int(oldMatch - oldNext);
        const int added = int(newMatch - newNext);
        const int overwritten = std::min(removed, added);
        replaceRows(row, findings, newNext, overwritten);
        row += overwritten;
        newNext += std::size_t(overwritten);
        if (removed > overwritten) {
            beginRemoveRows({}, row, row + removed - overwritten - 1);
            m_findings.erase(m_findings.begin() + row, m_findings.begin() + row + removed - overwritten);
            endRemoveRows();
        }
        if (added > overwritten) {
            const int count = added - overwritten;
            beginInsertRows({}, row, row + count - 1);
            m_findings.insert(m_findings.begin() + row, findings.begin() + std::ptrdiff_t(newNext),
                              findings.begin() + std::ptrdiff_t(newMatch));
            endInsertRows();
            row += count;
        }
        newNext = newMatch;
        oldNext = oldMatch;
        if (newMatch == findings.size())
            break;   // the sentinel
        // A kept finding: only its position can differ.
        iam::Diagnostic &kept = m_findings[std::size_t(row)];
        if (!(kept.where == findings[newMatch].where)) {
            kept = findings[newMatch];
            emit dataChanged(index(row, LocationColumn), index(row, LocationColumn));
        }
        ++row;
        ++oldNext;
        ++newNext;
    }
    Q_ASSERT(m_findings.size() == findings.size());
    emit findingsUpdated();
}

void PolicyFindingsModel::replaceRows(int row, const iam::Diagnostics &incoming, std::size_t from, int count)
{
    if (count <= 0)
        return;
    std::copy_n(incoming.begin() + std::ptrdiff_t(from), count, m_findings.begin() + row);
    emit dataChanged(index(row, 0), index(row + count - 1, ColumnCount - 1));
}

int PolicyFindingsModel::count(Severity severity) const
{
    return int(std::count_if(m_findings.begin(), m_findings.end(),
                             [severity](const iam::Diagnostic &d) { return d.severity == severity; }));
}

QString PolicyFindingsModel::summary() const
{
    QStringList parts;
    if (const int n = count(Severity::Error))
        parts << plural(n, "error", "errors");
    if (const int n = count(Severity::SecurityWarning))
        parts << plural(n, "security warning", "security warnings");
    if (const int n = count(Severity::Warning))
        parts << plural(n, "warning", "warnings");
    if (const int n = count(Severity::Suggestion))
        parts << plural(n, "suggestion", "suggestions");
    return parts.isEmpty() ? tr("No findings") : parts.join(QStringLiteral(", "));
}

QString PolicyFindingsModel::typeText(Severity severity)
{
    switch (severity) {
    case Severity::Error: return tr("Error");
    case Severity::SecurityWarning: return tr("Security");
    case Severity::Warning: return tr("Warning");
    case Severity::Suggestion: return tr("Suggestion");
    }
    return {};
}

int PolicyFindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int PolicyFindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PolicyFindingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const iam::Diagnostic &d = m_findings[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TypeColumn: return typeText(d.severity);
        case IssueCodeColumn: return QString::fromStdString(d.code);
        case MessageColumn: return QString::fromStdString(d.message);
        case LocationColumn: return QStringLiteral("%1:%2").arg(d.where.line).arg(d.where.column);
        }
        return {};
    case Qt::ToolTipRole:
        return QString::fromStdString(d.message);
    case LineRole: return d.where.line;
    case ColumnRole: return d.where.column;
    case SeverityRole: return int(d.severity);
    case FindingTypeRole: return QString::fromLatin1(iam::findingTypeName(d.severity));
    }
    return {};
}

QVariant PolicyFindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TypeColumn: return tr("Type");
    case IssueCodeColumn: return tr("Issue code");
    case MessageColumn: return tr("Message");
    case LocationColumn: return tr("Line:Column");
    }
    return {};
}
