#include "TrustedEntities.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <nlohmann/json.hpp>

namespace {

// ordered: the principals in the order the policy writes them.
using json = nlohmann::ordered_json;

QString tr(const char *text)
{
    return QCoreApplication::translate("TrustedEntities", text);
}

// A principal value is a string or an array of strings.
QStringList strings(const json &value)
{
    QStringList list;
    if (value.is_string())
        list << QString::fromStdString(value.get<std::string>());
    else if (value.is_array()) {
        for (const json &item : value) {
            if (item.is_string())
                list << QString::fromStdString(item.get<std::string>());
        }
    }
    return list;
}

QString serviceText(QString service)
{
    // "ec2.amazonaws.com" -> "ec2", as the console abbreviates service principals.
    static const QRegularExpression suffix(QStringLiteral("\\.amazonaws\\.com(\\.cn)?$"));
    service.remove(suffix);
    return tr("AWS Service: %1").arg(service);
}

QString awsText(const QString &principal)
{
    // An account id, or its root ARN, is "the account"; other ARNs are named as given.
    static const QRegularExpression account(QStringLiteral("^(?:arn:aws[\\w-]*:iam::)?(\\d{12})(?::root)?$"));
    const QRegularExpressionMatch match = account.match(principal);
    if (match.hasMatch())
        return tr("Account: %1").arg(match.captured(1));
    return tr("AWS: %1").arg(principal);
}

void addPrincipal(const json &principal, QStringList &into)
{
    const auto add = [&into](const QString &text) {
        if (!into.contains(text))
            into << text;
    };
    if (principal.is_string()) {
        add(awsText(QString::fromStdString(principal.get<std::string>())));   // "*"
        return;
    }
    if (!principal.is_object())
        return;
    for (const auto &[type, value] : principal.items()) {
        for (const QString &name : strings(value)) {
            if (type == "Service")
                add(serviceText(name));
            else if (type == "AWS")
                add(awsText(name));
            else if (type == "Federated")
                add(tr("Identity Provider: %1").arg(name));
            else
                add(QStringLiteral("%1: %2").arg(QString::fromStdString(type), name));
        }
    }
}

} // namespace

QStringList trustedEntities(const std::string &trustPolicy)
{
    const json document = json::parse(trustPolicy, nullptr, false);
    QStringList entities;
    if (!document.is_object() || !document.contains("Statement"))
        return entities;
    const auto &statement = document["Statement"];
    const auto consider = [&entities](const json &s) {
        if (s.is_object() && s.value("Effect", std::string()) == "Allow" && s.contains("Principal"))
            addPrincipal(s["Principal"], entities);
    };
    if (statement.is_array()) {
        for (const auto &s : statement)
            consider(s);
    } else {
        consider(statement);
    }
    return entities;
}

QString trustedEntitiesText(const std::string &trustPolicy)
{
    return trustedEntities(trustPolicy).join(QStringLiteral(", "));
}
