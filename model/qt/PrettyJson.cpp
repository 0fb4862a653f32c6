#include "PrettyJson.h"

#include <nlohmann/json.hpp>

QString prettyJson(const QString &text, int indent)
{
    const nlohmann::ordered_json document = nlohmann::ordered_json::parse(text.toStdString(), nullptr, false);
    if (document.is_discarded())
        return text;
    return QString::fromStdString(document.dump(indent));
}
