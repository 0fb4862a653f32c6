#pragma once

// Lets QCOMPARE print std::string values when they differ (Qt 6.4 prints only
// the expressions otherwise).

#include <QtTest>

#include <string>

namespace QTest {
template<>
inline char *toString(const std::string &text)
{
    return QTest::toString(QString::fromStdString(text));
}
} // namespace QTest
