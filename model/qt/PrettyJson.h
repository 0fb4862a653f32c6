#pragma once

// A policy document as the console shows it read-only: indented by four spaces,
// its keys in the order they were written ("Version" before "Statement").
// A document that does not parse is returned as it was.

#include <QString>

QString prettyJson(const QString &text, int indent = 4);
