#include "EventLog.h"

#include <algorithm>

namespace iam {

namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

} // namespace

const char *callSourceName(CallSource source)
{
    switch (source) {
    case CallSource::Console: return "console";
    case CallSource::Terminal: return "terminal";
    case CallSource::Instance: return "instance";
    case CallSource::Script: return "script";
    }
    return "console";
}

std::optional<CallSource> parseCallSource(const std::string &name)
{
    for (CallSource source : {CallSource::Console, CallSource::Terminal, CallSource::Instance, CallSource::Script}) {
        if (name == callSourceName(source))
            return source;
    }
    return std::nullopt;
}

const Event &EventLog::append(Event event)
{
    event.sequence = m_events.empty() ? 1 : m_events.back().sequence + 1;
    m_events.push_back(std::move(event));
    return m_events.back();
}

std::vector<Event> EventLog::query(const Filter &filter) const
{
    std::vector<Event> found;
    for (const Event &event : m_events) {
        if (filter.callerArn && event.callerArn != *filter.callerArn)
            continue;
        if (filter.action && !equalsIgnoreCase(event.action, *filter.action))
            continue;
        if (filter.allowed && event.allowed != *filter.allowed)
            continue;
        found.push_back(event);
    }
    return found;
}

const Event *EventLog::lastAllowed(const std::string &callerArn, const std::string &service) const
{
    for (auto it = m_events.rbegin(); it != m_events.rend(); ++it) {
        if (!it->allowed || it->callerArn != callerArn)
            continue;
        if (service.empty() || (it->action.size() > service.size() && it->action[service.size()] == ':'
                                && equalsIgnoreCase(std::string_view(it->action).substr(0, service.size()), service)))
            return &*it;
    }
    return nullptr;
}

} // namespace iam
