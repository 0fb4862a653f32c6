#include "RequestContext.h"

#include <algorithm>
#include <charconv>
#include <cstring>

namespace iam {

namespace {

std::string lowered(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return out;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
        return (x >= 'A' && x <= 'Z' ? x + 32 : x) == (y >= 'A' && y <= 'Z' ? y + 32 : y);
    });
}

std::optional<long> parseDigits(std::string_view text, std::size_t count, std::size_t &pos)
{
    if (pos + count > text.size())
        return std::nullopt;
    long value = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const char c = text[pos + i];
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    pos += count;
    return value;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
long daysFromCivil(long y, long m, long d)
{
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

bool parseIpv4(std::string_view text, std::uint8_t *out)
{
    for (int i = 0; i < 4; ++i) {
        if (i > 0) {
            if (text.empty() || text.front() != '.')
                return false;
            text.remove_prefix(1);
        }
        unsigned value = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        const std::size_t used = static_cast<std::size_t>(end - text.data());
        if (ec != std::errc() || used == 0 || used > 3 || value > 255)
            return false;
        out[i] = static_cast<std::uint8_t>(value);
        text.remove_prefix(used);
    }
    return text.empty();
}

bool parseIpv6(std::string_view text, std::uint8_t *out)
{
    // Groups before and after a "::"; an IPv4 tail counts as two groups.
    std::uint16_t head[8], tail[8];
    int headCount = 0, tailCount = 0;
    bool compressed = false;
    if (text.starts_with("::")) {
        compressed = true;
        text.remove_prefix(2);
    }
    while (!text.empty()) {
        std::uint16_t *groups = compressed ? tail : head;
        int &count = compressed ? tailCount : headCount;
        const std::size_t colon = text.find(':');
        const std::string_view group = text.substr(0, colon);
        if (group.find('.') != std::string_view::npos) {
            std::uint8_t v4[4];
            if (colon != std::string_view::npos || count > 6 || !parseIpv4(group, v4))
                return false;
            groups[count++] = static_cast<std::uint16_t>(v4[0] << 8 | v4[1]);
            groups[count++] = static_cast<std::uint16_t>(v4[2] << 8 | v4[3]);
            break;
        }
        unsigned value = 0;
        auto [end, ec] = std::from_chars(group.data(), group.data() + group.size(), value, 16);
        if (ec != std::errc() || end != group.data() + group.size() || group.empty() || group.size() > 4 || count >= 8)
            return false;
        groups[count++] = static_cast<std::uint16_t>(value);
        if (colon == std::string_view::npos)
            break;
        text.remove_prefix(colon + 1);
        if (text.starts_with(":")) {
            if (compressed)
                return false;
            compressed = true;
            text.remove_prefix(1);
        } else if (text.empty()) {
            return false;
        }
    }
    if (headCount + tailCount > 8 || (!compressed && headCount != 8) || (compressed && headCount + tailCount == 8))
        return false;
    std::uint16_t all[8] = {};
    std::copy(head, head + headCount, all);
    std::copy(tail, tail + tailCount, all + 8 - tailCount);
    for (int i = 0; i < 8; ++i) {
        out[2 * i] = static_cast<std::uint8_t>(all[i] >> 8);
        out[2 * i + 1] = static_cast<std::uint8_t>(all[i] & 0xff);
    }
    return true;
}

} // namespace

std::optional<ParsedKeyType> parseContextKeyType(std::string_view name)
{
    struct Row { std::string_view name; ContextKeyType type; };
    static constexpr Row kTypes[] = {
        {"string", ContextKeyType::String},   {"numeric", ContextKeyType::Numeric},
        {"boolean", ContextKeyType::Boolean}, {"ip", ContextKeyType::Ip},
        {"binary", ContextKeyType::Binary},   {"date", ContextKeyType::Date},
    };
    for (const Row &row : kTypes) {
        if (equalsIgnoreCase(name, row.name))
            return ParsedKeyType{row.type, false};
        if (name.size() == row.name.size() + 4 && equalsIgnoreCase(name.substr(0, row.name.size()), row.name)
            && equalsIgnoreCase(name.substr(row.name.size()), "list"))
            return ParsedKeyType{row.type, true};
    }
    return std::nullopt;
}

bool IpNetwork::contains(const IpNetwork &address) const
{
    // IPv4 and IPv6 ranges never cross: policies list them separately, and ::/0 is
    // not "every IPv4 address".
    if (v4 != address.v4)
        return false;
    const int bits = prefixLength;
    const int whole = bits / 8;
    if (std::memcmp(bytes, address.bytes, static_cast<std::size_t>(whole)) != 0)
        return false;
    const int rest = bits % 8;
    if (rest == 0)
        return true;
    const std::uint8_t mask = static_cast<std::uint8_t>(0xff << (8 - rest));
    return (bytes[whole] & mask) == (address.bytes[whole] & mask);
}

std::optional<IpNetwork> parseIpNetwork(std::string_view text)
{
    IpNetwork network;
    std::string_view address = text;
    std::optional<int> prefix;
    if (const std::size_t slash = text.find('/'); slash != std::string_view::npos) {
        address = text.substr(0, slash);
        const std::string_view digits = text.substr(slash + 1);
        int value = 0;
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty())
            return std::nullopt;
        prefix = value;
    }
    if (address.find(':') == std::string_view::npos) {
        // IPv4 is held as the IPv4-mapped IPv6 address ::ffff:a.b.c.d.
        if (!parseIpv4(address, network.bytes + 12))
            return std::nullopt;
        network.bytes[10] = network.bytes[11] = 0xff;
        network.v4 = true;
        if (prefix && (*prefix < 0 || *prefix > 32))
            return std::nullopt;
        network.prefixLength = 96 + prefix.value_or(32);
    } else {
        if (!parseIpv6(address, network.bytes))
            return std::nullopt;
        if (prefix && (*prefix < 0 || *prefix > 128))
            return std::nullopt;
        network.prefixLength = prefix.value_or(128);
    }
    return network;
}

std::optional<double> parseNumber(std::string_view text)
{
    if (text.starts_with('+')) {
        text.remove_prefix(1);
        if (text.starts_with('-'))
            return std::nullopt;   // "+-1" is no number
    }
    // Digits, one sign, one point, an exponent: "inf", "nan" and "+-1" are not numbers.
    if (text.empty() || text.front() == '+' || text.starts_with("-+") || text.starts_with("--")
        || !std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || c == '-' || c == '.' || c == 'e' || c == 'E' || c == '+';
           })
        || text.find_first_of("0123456789") == std::string_view::npos)
        return std::nullopt;
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::optional<double> parseDate(std::string_view text)
{
    if (!text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; }))
        return parseNumber(text);   // epoch seconds, as aws:EpochTime carries them
    std::size_t pos = 0;
    const auto year = parseDigits(text, 4, pos);
    if (!year || pos >= text.size() || text[pos++] != '-')
        return std::nullopt;
    const auto month = parseDigits(text, 2, pos);
    if (!month || pos >= text.size() || text[pos++] != '-')
        return std::nullopt;
    const auto day = parseDigits(text, 2, pos);
    if (!day || *month < 1 || *month > 12 || *day < 1)
        return std::nullopt;
    static constexpr int kDaysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (*year % 4 == 0 && *year % 100 != 0) || *year % 400 == 0;
    if (*day > kDaysInMonth[*month - 1] + (*month == 2 && leap ? 1 : 0))
        return std::nullopt;   // 2024-02-30 is no date, not 2024-03-01
    double seconds = static_cast<double>(daysFromCivil(*year, *month, *day)) * 86400.0;
    if (pos == text.size())
        return seconds;
    if (text[pos] != 'T' && text[pos] != 't' && text[pos] != ' ')
        return std::nullopt;
    ++pos;
    const auto hour = parseDigits(text, 2, pos);
    if (!hour || pos >= text.size() || text[pos++] != ':')
        return std::nullopt;
    const auto minute = parseDigits(text, 2, pos);
    if (!minute || *hour > 24 || *minute > 59)
        return std::nullopt;
    seconds += static_cast<double>(*hour * 3600 + *minute * 60);
    if (pos < text.size() && text[pos] == ':') {
        ++pos;
        const auto second = parseDigits(text, 2, pos);
        if (!second || *second > 60)
            return std::nullopt;
        seconds += static_cast<double>(*second);
        if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
            ++pos;
            double scale = 0.1;
            const std::size_t start = pos;
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
                seconds += (text[pos] - '0') * scale;
                scale /= 10;
                ++pos;
            }
            if (pos == start)
                return std::nullopt;
        }
    }
    if (pos == text.size())
        return seconds;
    if (text[pos] == 'Z' || text[pos] == 'z')
        return pos + 1 == text.size() ? std::optional<double>(seconds) : std::nullopt;
    if (text[pos] != '+' && text[pos] != '-')
        return std::nullopt;
    const int sign = text[pos++] == '+' ? 1 : -1;
    const auto offsetHours = parseDigits(text, 2, pos);
    if (!offsetHours)
        return std::nullopt;
    if (pos < text.size() && text[pos] == ':')
        ++pos;
    const auto offsetMinutes = parseDigits(text, 2, pos);
    if (!offsetMinutes || pos != text.size())
        return std::nullopt;
    // 10:00+02:00 is 08:00Z.
    return seconds - sign * static_cast<double>(*offsetHours * 3600 + *offsetMinutes * 60);
}

ContextValue::ContextValue(std::string value)
    : text(std::move(value))
    , number(parseNumber(text))
    , date(parseDate(text))
    , ip(parseIpNetwork(text))
{
    if (equalsIgnoreCase(text, "true"))
        boolean = true;
    else if (equalsIgnoreCase(text, "false"))
        boolean = false;
}

void RequestContext::set(std::string_view name, std::vector<std::string> values, ContextKeyType type, bool list)
{
    ContextEntry *entry = nullptr;
    const std::string lower = lowered(name);
    for (ContextEntry &existing : m_entries) {
        if (existing.lowerName == lower)
            entry = &existing;
    }
    if (!entry) {
        m_entries.push_back(ContextEntry{std::string(name), lower, type, list, {}});
        entry = &m_entries.back();
    }
    entry->list = entry->list || list || values.size() > 1;
    for (std::string &value : values)
        entry->values.emplace_back(std::move(value));
}

const ContextEntry *RequestContext::findLower(std::string_view lowerName) const
{
    for (const ContextEntry &entry : m_entries) {
        if (entry.lowerName == lowerName)
            return &entry;
    }
    return nullptr;
}

const ContextEntry *RequestContext::find(std::string_view name) const
{
    for (const ContextEntry &entry : m_entries) {
        if (equalsIgnoreCase(entry.lowerName, name))
            return &entry;
    }
    return nullptr;
}

} // namespace iam
