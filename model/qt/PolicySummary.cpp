#include "PolicySummary.h"

#include "PolicyDocument.h"
#include "ServiceCatalog.h"
#include "Wildcard.h"

#include <QObject>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <map>
#include <utility>
#include <vector>

namespace {

using Section = PolicySummaryService::Section;

constexpr std::array<iam::AccessLevel, 5> kLevels{iam::AccessLevel::List, iam::AccessLevel::Read,
                                                  iam::AccessLevel::Write, iam::AccessLevel::PermissionsManagement,
                                                  iam::AccessLevel::Tagging};

std::string lowercase(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

// What the statements of one section say about one service, gathered before it is
// worded.
struct Accumulator
{
    const iam::CatalogService *service = nullptr;   // nullptr: IAM does not know the service
    QString prefix;
    std::vector<bool> covered;                       // per catalog action
    QStringList unknownActions;                      // uncategorized: as written
    bool allResources = false;
    QStringList resources;
    QStringList conditions;
};

void addDistinct(QStringList &list, const QString &text)
{
    if (!list.contains(text))
        list.append(text);
}

// "StringLike" -> "string like", "ForAnyValue:StringEquals" -> "for any value: string equals":
// the console words operators in lower case.
QString operatorWords(const std::string &name)
{
    QString out;
    const QString text = QString::fromStdString(name);
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char(':')) {
            out += QStringLiteral(": ");
            continue;
        }
        if (c.isUpper() && i > 0 && text[i - 1].isLower())
            out += QLatin1Char(' ');
        out += c.toLower();
    }
    return out;
}

QString describeCondition(const iam::ConditionClause &clause)
{
    QStringList values;
    for (const std::string &value : clause.values)
        values.append(QString::fromStdString(value));
    return QStringLiteral("%1 | %2 | %3")
        .arg(QString::fromStdString(clause.key), operatorWords(clause.operatorName), values.join(QStringLiteral(", ")));
}

// The six parts of an ARN; the last keeps its colons. Empty when it is not an ARN.
QStringList arnParts(const QString &arn)
{
    QStringList parts = arn.split(QLatin1Char(':'));
    if (parts.size() < 6 || parts[0] != QLatin1String("arn"))
        return {};
    const QString resource = parts.mid(5).join(QLatin1Char(':'));
    parts = parts.mid(0, 5);
    parts.append(resource);
    return parts;
}

// An ARN of the service as the console shows it, by the catalog's resource type:
// "BucketName | string like | lab-bucket, ObjectName | string like | All". Falls
// back to the ARN itself when no resource type of the service fits.
QString describeResource(const iam::CatalogService *service, const QString &arn)
{
    const QStringList parts = arnParts(arn);
    if (!service || parts.isEmpty()
        || !iam::wildcardMatch(lowercase(parts[2].toStdString()), lowercase(service->prefix)))
        return arn;
    static const QRegularExpression variable(QStringLiteral("\\$\\{([A-Za-z0-9]+)\\}"));
    QString best;
    int bestLiterals = -1;
    int bestVariables = -1;
    for (const iam::CatalogResourceType &type : service->resourceTypes) {
        const QStringList formatParts = arnParts(QString::fromStdString(type.arnFormat));
        if (formatParts.isEmpty())
            continue;
        const QString format = formatParts[5];
        QString pattern = QStringLiteral("^");
        QStringList names;
        int literals = 0;
        qsizetype at = 0;
        for (auto it = variable.globalMatch(format); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            const QString literal = format.mid(at, match.capturedStart() - at);
            literals += int(literal.size());
            pattern += QRegularExpression::escape(literal) + QStringLiteral("(.+?)");
            names.append(match.captured(1));
            at = match.capturedEnd();
        }
        const QString tail = format.mid(at);
        literals += int(tail.size());
        pattern += QRegularExpression::escape(tail) + QLatin1Char('$');
        const QRegularExpressionMatch match = QRegularExpression(pattern).match(parts[5]);
        if (!match.hasMatch() || literals < bestLiterals || (literals == bestLiterals && names.size() <= bestVariables))
            continue;
        QStringList described;
        for (int i = 0; i < names.size(); ++i) {
            const QString value = match.captured(i + 1);
            described.append(QStringLiteral("%1 | string like | %2")
                                 .arg(names[i], value == QLatin1String("*") ? QStringLiteral("All") : value));
        }
        best = described.join(QStringLiteral(", "));
        bestLiterals = literals;
        bestVariables = int(names.size());
    }
    return best.isEmpty() ? arn : best;
}

// "Full access", or the levels fully and partly covered: "Full: List; Limited: Read".
QString accessLevelText(const iam::CatalogService &service, const std::vector<bool> &covered)
{
    QStringList full;
    QStringList limited;
    bool everything = true;
    for (const iam::AccessLevel level : kLevels) {
        int total = 0;
        int count = 0;
        for (std::size_t i = 0; i < service.actions.size(); ++i) {
            if (service.actions[i].accessLevel != level)
                continue;
            ++total;
            count += covered[i] ? 1 : 0;
        }
        everything = everything && count == total;
        if (total > 0 && count == total)
            full.append(QString::fromLatin1(iam::accessLevelName(level)));
        else if (count > 0)
            limited.append(QString::fromLatin1(iam::accessLevelName(level)));
    }
    if (everything)
        return QObject::tr("Full access");
    QStringList parts;
    if (!full.isEmpty())
        parts.append(QObject::tr("Full: %1").arg(full.join(QStringLiteral(", "))));
    if (!limited.isEmpty())
        parts.append(QObject::tr("Limited: %1").arg(limited.join(QStringLiteral(", "))));
    return parts.join(QStringLiteral("; "));
}

class Summarizer
{
public:
    explicit Summarizer(const iam::ServiceCatalog *catalog)
        : m_catalog(catalog)
    {
    }

    void add(const iam::Statement &statement)
    {
        if (!statement.hasAction)
            return;
        const Section section = statement.effect == iam::Statement::Effect::Deny ? Section::ExplicitDeny : Section::Allow;
        // Per catalog service the statement reaches: which of its actions it covers.
        std::map<std::size_t, std::vector<bool>> reached;
        if (statement.notAction)
            coverAllExcept(statement, reached);
        else
            coverNamed(statement, reached);
        for (auto &[index, covered] : reached) {
            if (std::find(covered.begin(), covered.end(), true) == covered.end())
                continue;
            const iam::CatalogService &service = m_catalog->services()[index];
            Accumulator &acc = accumulator(section, service.prefix, &service);
            for (std::size_t i = 0; i < covered.size(); ++i)
                if (covered[i])
                    acc.covered[i] = true;
            addScope(acc, statement);
        }
    }

    PolicySummary finish() const
    {
        PolicySummary summary;
        summary.catalogServiceCount = m_catalog ? int(m_catalog->services().size()) : 0;
        for (const auto &[key, acc] : m_accumulators) {
            PolicySummaryService row;
            row.section = Section(key.first);
            row.prefix = acc.prefix;
            if (acc.service) {
                row.service = shortServiceName(QString::fromStdString(acc.service->name));
                row.accessLevel = accessLevelText(*acc.service, acc.covered);
                for (std::size_t i = 0; i < acc.covered.size(); ++i) {
                    if (!acc.covered[i])
                        continue;
                    row.actions.append(QString::fromStdString(acc.service->actions[i].name));
                    row.actionLevels.append(QString::fromLatin1(iam::accessLevelName(acc.service->actions[i].accessLevel)));
                }
            } else {
                row.service = acc.prefix;
                row.actions = acc.unknownActions;
            }
            row.resource = acc.allResources ? QObject::tr("All resources") : acc.resources.join(QStringLiteral("; "));
            row.condition = acc.conditions.isEmpty() ? QObject::tr("None") : acc.conditions.join(QStringLiteral("; "));
            summary.services.append(row);
        }
        std::stable_sort(summary.services.begin(), summary.services.end(),
                         [](const PolicySummaryService &a, const PolicySummaryService &b) {
                             if (a.section != b.section)
                                 return a.section < b.section;
                             return a.service.compare(b.service, Qt::CaseInsensitive) < 0;
                         });
        return summary;
    }

private:
    Accumulator &accumulator(Section section, const std::string &prefix, const iam::CatalogService *service)
    {
        Accumulator &acc = m_accumulators[{int(section), lowercase(prefix)}];
        if (acc.prefix.isEmpty()) {
            acc.prefix = QString::fromStdString(prefix);
            acc.service = service;
            acc.covered.assign(service ? service->actions.size() : 0, false);
        }
        return acc;
    }

    void coverNamed(const iam::Statement &statement, std::map<std::size_t, std::vector<bool>> &reached)
    {
        static const std::vector<iam::CatalogService> none;
        const std::vector<iam::CatalogService> &services = m_catalog ? m_catalog->services() : none;
        for (const iam::LocatedString &action : statement.actions) {
            const std::string text = lowercase(action.text);
            const std::size_t colon = text.find(':');
            if (text != "*" && colon == std::string::npos)
                continue;   // not an action: the validator says so
            const std::string servicePattern = text == "*" ? "*" : text.substr(0, colon);
            const iam::Wildcard actionPattern(text == "*" ? "*" : text.substr(colon + 1));
            bool known = false;
            for (std::size_t s = 0; s < services.size(); ++s) {
                if (!iam::wildcardMatch(servicePattern, lowercase(services[s].prefix)))
                    continue;
                known = true;
                std::vector<bool> &covered = reached[s];
                covered.resize(services[s].actions.size(), false);
                for (std::size_t a = 0; a < services[s].actions.size(); ++a)
                    if (actionPattern.matches(lowercase(services[s].actions[a].name)))
                        covered[a] = true;
            }
            // A service IAM does not recognise: the console's "Uncategorized services".
            if (!known && servicePattern.find_first_of("*?") == std::string::npos) {
                Accumulator &acc = accumulator(Section::Uncategorized, action.text.substr(0, colon), nullptr);
                addDistinct(acc.unknownActions, QString::fromStdString(action.text.substr(colon + 1)));
                addScope(acc, statement);
            }
        }
    }

    void coverAllExcept(const iam::Statement &statement, std::map<std::size_t, std::vector<bool>> &reached)
    {
        if (!m_catalog)
            return;
        std::vector<iam::Wildcard> excluded;
        for (const iam::LocatedString &action : statement.actions)
            excluded.emplace_back(lowercase(action.text));
        const auto &services = m_catalog->services();
        for (std::size_t s = 0; s < services.size(); ++s) {
            std::vector<bool> &covered = reached[s];
            covered.assign(services[s].actions.size(), false);
            const std::string prefix = lowercase(services[s].prefix) + ":";
            for (std::size_t a = 0; a < services[s].actions.size(); ++a) {
                const std::string name = prefix + lowercase(services[s].actions[a].name);
                covered[a] = std::none_of(excluded.begin(), excluded.end(),
                                          [&](const iam::Wildcard &w) { return w.matches(name); });
            }
        }
    }

    static void addScope(Accumulator &acc, const iam::Statement &statement)
    {
        if (statement.hasResource) {
            QStringList described;
            bool everything = false;
            for (const iam::LocatedString &resource : statement.resources) {
                everything = everything || resource.text == "*";
                addDistinct(described, describeResource(acc.service, QString::fromStdString(resource.text)));
            }
            if (statement.notResource)
                addDistinct(acc.resources, QObject::tr("All resources except %1").arg(described.join(QStringLiteral(", "))));
            else if (everything)
                acc.allResources = true;
            else
                for (const QString &text : described)
                    addDistinct(acc.resources, text);
        }
        for (const iam::ConditionClause &clause : statement.conditions)
            addDistinct(acc.conditions, describeCondition(clause));
    }

    const iam::ServiceCatalog *m_catalog;
    std::map<std::pair<int, std::string>, Accumulator> m_accumulators;   // by section and lowercased prefix
};

} // namespace

PolicySummary summarizePolicy(const iam::PolicyDocument &document, const iam::ServiceCatalog *catalog)
{
    Summarizer summarizer(catalog);
    for (const iam::Statement &statement : document.statements)
        summarizer.add(statement);
    return summarizer.finish();
}

QString shortServiceName(const QString &catalogName)
{
    // An acronym in parentheses is what the console shows: "... (IAM)", "... (DAX)".
    static const QRegularExpression acronym(QStringLiteral("\\(([^ ()]+)\\)$"));
    const QRegularExpressionMatch match = acronym.match(catalogName);
    if (match.hasMatch())
        return match.captured(1);
    for (const QLatin1String vendor : {QLatin1String("Amazon "), QLatin1String("AWS ")}) {
        if (catalogName.startsWith(vendor) && catalogName.size() > vendor.size())
            return catalogName.mid(vendor.size());
    }
    return catalogName;
}

QString policySummarySectionName(PolicySummaryService::Section section)
{
    switch (section) {
    case Section::Uncategorized: return QObject::tr("Uncategorized services");
    case Section::ExplicitDeny: return QObject::tr("Explicit deny");
    case Section::Allow: return QObject::tr("Allow");
    }
    return {};
}
