#pragma once

// What the policy editor offers to complete, from the service catalog: action
// names in Action / NotAction ("s3:Get" -> "s3:GetObject", ...), condition keys and
// operators in Condition ("aws:Pr" -> "aws:PrincipalArn", ...).
//
//   PolicyCompletions completions(Catalogs::bundled().services);
//   auto where = PolicyCompletions::contextAt(textBeforeCursor);   // Action
//   completions.complete(where, "s3:GetO");                         // {"s3:GetObject", ...}
//
// Nothing is prepared in advance: each call walks one service's actions (or the
// list of service prefixes) in the catalog's own vectors, well under a millisecond,
// so opening an editor costs nothing however large the catalog.

#include <QStringList>

namespace iam {
class ServiceCatalog;
}

class PolicyCompletions
{
public:
    enum class Context { None, Action, Condition };

    // `catalog` may be null: nothing is offered but condition operators.
    explicit PolicyCompletions(const iam::ServiceCatalog *catalog);

    // Which element the end of `textBeforeCursor` stands in: the last policy element
    // name written before it ("Action", "Condition", "Resource", ...) decides.
    static Context contextAt(const QString &textBeforeCursor);

    // The entries starting with `prefix` (case-insensitive), at most `limit`.
    // Action: "svc:" prefixes, then with a colon the service's actions and "svc:*".
    // Condition: operators and "svc:" prefixes, then with a colon the keys.
    QStringList complete(Context context, const QString &prefix, int limit = 1000) const;

    // The condition operators IAM knows (base names, without IfExists or set
    // qualifiers), in the order of the IAM reference.
    static const QStringList &conditionOperators();
    // The operators that fit a catalog key type ("String", "ARN", "Bool", "Numeric",
    // "Date", "IPAddress", "ArrayOfString", ...), for the visual editor's choices.
    static QStringList operatorsForKeyType(const QString &keyType);

private:
    void addServicePrefixes(const QString &prefix, bool withKeysOnly, QStringList &out, int limit) const;

    const iam::ServiceCatalog *m_catalog = nullptr;
};
