#pragma once

// Times as the IAM console shows them. The account keeps ISO 8601 UTC strings
// ("2024-05-01T09:00:00Z"); lists show how long ago, detail pages the date.
//
//   consoleDateTime("2024-05-01T09:00:00Z")                      // "May 01, 2024, 09:00 (UTC)"
//   timeAgo("2024-05-01T08:00:00Z", "2024-05-01T09:00:00Z")      // "1 hour ago"
//   sessionDurationText(3600)                                    // "1 hour"
//
// Unparsable input is shown as given rather than hidden.

#include <QString>

#include <string>

QString consoleDateTime(const std::string &iso);
// "Now", "5 minutes ago", "3 hours ago", "Yesterday", "12 days ago", "2 years ago";
// relative to the account's clock (`now`), not the machine's.
QString timeAgo(const std::string &iso, const std::string &now);
// A role's maximum session duration: "1 hour", "12 hours", "90 minutes".
QString sessionDurationText(int seconds);
