#pragma once

// The event log: every API call, allowed or denied, as CloudTrail would record it.
// The raw material for "last accessed", lab checks and policy generation.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace iam {

enum class CallSource { Console, Terminal, Instance, Script };

// "console", "terminal", "instance", "script"; and back (nullopt when unknown).
const char *callSourceName(CallSource source);
std::optional<CallSource> parseCallSource(const std::string &name);

struct Event
{
    std::int64_t sequence = 0;     // 1, 2, 3, ... in the order of the calls
    std::string time;              // ISO 8601, UTC
    std::string callerArn;
    CallSource source = CallSource::Console;
    std::string action;            // "iam:CreateRole"
    std::vector<std::string> resources;
    bool allowed = true;           // every authorization the call needed was allowed
    std::string errorCode;         // "AccessDenied", "NoSuchEntity", ... or empty

    friend bool operator==(const Event &, const Event &) = default;
};

class EventLog
{
public:
    struct Filter
    {
        std::optional<std::string> callerArn;
        std::optional<std::string> action;     // case-insensitive
        std::optional<bool> allowed;
    };

    // Appends, numbering the event; returns the stored event.
    const Event &append(Event event);
    const std::vector<Event> &events() const { return m_events; }
    std::vector<Event> query(const Filter &filter) const;
    // The last allowed event whose action starts with `service:` for that caller
    // ("last accessed"), or nullptr.
    const Event *lastAllowed(const std::string &callerArn, const std::string &service = {}) const;
    void clear() { m_events.clear(); }
    void restore(std::vector<Event> events) { m_events = std::move(events); }

private:
    std::vector<Event> m_events;
};

} // namespace iam
