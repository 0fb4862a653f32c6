#pragma once

// The request context: condition keys and their values, as the request carries
// them. Key names are case-insensitive (IAM reads `Aws:RequestedRegion` as
// `aws:RequestedRegion`); values are case-sensitive. Built once per request set and
// shared by every evaluation that uses it; each value is pre-parsed as a number,
// a date, an IP address and a boolean, so evaluation never parses.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iam {

// The ContextKeyType of the AWS API.
enum class ContextKeyType { String, Numeric, Boolean, Ip, Binary, Date };

// "string" -> String, "stringList" -> String (list = true), ...; nullopt for unknown.
struct ParsedKeyType
{
    ContextKeyType type = ContextKeyType::String;
    bool list = false;
};
std::optional<ParsedKeyType> parseContextKeyType(std::string_view name);

// An IPv4 or IPv6 address (v4 held as ::ffff:a.b.c.d) with a prefix length.
struct IpNetwork
{
    std::uint8_t bytes[16] = {};
    int prefixLength = 128;
    bool v4 = false;

    bool contains(const IpNetwork &address) const;
};
// "192.0.2.7", "192.0.2.0/24", "2001:db8::/32"; nullopt when not an address.
std::optional<IpNetwork> parseIpNetwork(std::string_view text);

// ISO 8601 ("2029-12-31T23:59:59Z", "2024-06-01", with offsets and fractions) or
// epoch seconds ("1735689600"), as seconds since the epoch; nullopt otherwise.
std::optional<double> parseDate(std::string_view text);
// A decimal number ("100", "-1.5"); nullopt otherwise.
std::optional<double> parseNumber(std::string_view text);

// One value of a context key, with every reading of it prepared.
struct ContextValue
{
    std::string text;
    std::optional<double> number;
    std::optional<double> date;
    std::optional<IpNetwork> ip;
    std::optional<bool> boolean;   // "true"/"false", any case

    explicit ContextValue(std::string value);
};

struct ContextEntry
{
    std::string name;        // as given
    std::string lowerName;   // the lookup key
    ContextKeyType type = ContextKeyType::String;
    bool list = false;
    std::vector<ContextValue> values;
};

class RequestContext
{
public:
    // Adds values to a key (a key given twice gathers both lists).
    void set(std::string_view name, std::vector<std::string> values,
             ContextKeyType type = ContextKeyType::String, bool list = false);

    // Case-insensitive lookup; nullptr when the request does not carry the key.
    const ContextEntry *find(std::string_view name) const;
    // Lookup by an already-lowercased name (the compiler lowercases policy keys).
    const ContextEntry *findLower(std::string_view lowerName) const;

    const std::vector<ContextEntry> &entries() const { return m_entries; }
    bool empty() const { return m_entries.empty(); }

private:
    std::vector<ContextEntry> m_entries;   // few keys: a linear scan beats hashing
};

} // namespace iam
