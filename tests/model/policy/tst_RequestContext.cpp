// RequestContext: the condition keys a request carries, each value read once as a
// number, a date, an IP address and a boolean; and the parsers behind those readings.

#include "RequestContext.h"

#include <QtTest>

#include <cmath>

using namespace iam;

class tst_RequestContext : public QObject
{
    Q_OBJECT

private slots:
    void parseContextKeyType_data();
    void parseContextKeyType();
    void parseIpNetwork_data();
    void parseIpNetwork();
    void ipNetworkContains_data();
    void ipNetworkContains();
    void parseDate_data();
    void parseDate();
    void parseNumber_data();
    void parseNumber();
    void contextValueReadings();
    void findIsCaseInsensitive_data();
    void findIsCaseInsensitive();
    void valuesKeepTheirCase();
    void settingAKeyTwiceGathersValues();
    void emptyContext();
};

// The 16 bytes as eight full hex groups, e.g. "0000:...:ffff:c000:0207".
static QString groups(const IpNetwork &network)
{
    QStringList out;
    for (int i = 0; i < 16; i += 2)
        out << QStringLiteral("%1%2").arg(network.bytes[i], 2, 16, QLatin1Char('0')).arg(network.bytes[i + 1], 2, 16, QLatin1Char('0'));
    return out.join(QLatin1Char(':'));
}

void tst_RequestContext::parseContextKeyType_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("known");
    QTest::addColumn<int>("type");
    QTest::addColumn<bool>("list");

    // The ContextKeyType values of the IAM API (ContextEntry, SimulateCustomPolicy):
    // string | stringList | numeric | numericList | boolean | booleanList | ip | ipList |
    // binary | binaryList | date | dateList.
    using T = ContextKeyType;
    QTest::newRow("string") << "string" << true << int(T::String) << false;
    QTest::newRow("stringList") << "stringList" << true << int(T::String) << true;
    QTest::newRow("numeric") << "numeric" << true << int(T::Numeric) << false;
    QTest::newRow("numericList") << "numericList" << true << int(T::Numeric) << true;
    QTest::newRow("boolean") << "boolean" << true << int(T::Boolean) << false;
    QTest::newRow("booleanList") << "booleanList" << true << int(T::Boolean) << true;
    QTest::newRow("ip") << "ip" << true << int(T::Ip) << false;
    QTest::newRow("ipList") << "ipList" << true << int(T::Ip) << true;
    QTest::newRow("binary") << "binary" << true << int(T::Binary) << false;
    QTest::newRow("binaryList") << "binaryList" << true << int(T::Binary) << true;
    QTest::newRow("date") << "date" << true << int(T::Date) << false;
    QTest::newRow("dateList") << "dateList" << true << int(T::Date) << true;

    QTest::newRow("unknown-word") << "integer" << false << 0 << false;
    QTest::newRow("unknown-arn-is-not-a-type") << "arn" << false << 0 << false;
    QTest::newRow("unknown-empty") << "" << false << 0 << false;
    QTest::newRow("unknown-list-alone") << "list" << false << 0 << false;
    QTest::newRow("unknown-plural") << "strings" << false << 0 << false;
    QTest::newRow("unknown-double-list") << "stringListList" << false << 0 << false;
    QTest::newRow("unknown-prefix") << "str" << false << 0 << false;
}

void tst_RequestContext::parseContextKeyType()
{
    QFETCH(QString, name);
    QFETCH(bool, known);
    QFETCH(int, type);
    QFETCH(bool, list);
    const auto parsed = iam::parseContextKeyType(name.toStdString());
    QCOMPARE(parsed.has_value(), known);
    if (!known)
        return;
    QCOMPARE(int(parsed->type), type);
    QCOMPARE(parsed->list, list);
}

void tst_RequestContext::parseIpNetwork_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("v4");
    QTest::addColumn<int>("prefixLength");   // IPv4 held as ::ffff:a.b.c.d, so 96 + its prefix
    QTest::addColumn<QString>("bytes");

    // reference_policies_elements_condition_operators.md § "IP address condition
    // operators": standard CIDR (203.0.113.0/24, 2001:DB8:1234:5678::/64); without a
    // prefix IAM takes the address alone (/32); `::` stands for a run of zero groups.
    QTest::newRow("v4-bare-is-single-address") << "192.0.2.7" << true << true << 128
                                              << "0000:0000:0000:0000:0000:ffff:c000:0207";
    QTest::newRow("v4-cidr-24") << "203.0.113.0/24" << true << true << 120 << "0000:0000:0000:0000:0000:ffff:cb00:7100";
    QTest::newRow("v4-cidr-0") << "0.0.0.0/0" << true << true << 96 << "0000:0000:0000:0000:0000:ffff:0000:0000";
    QTest::newRow("v4-cidr-32") << "10.1.2.3/32" << true << true << 128 << "0000:0000:0000:0000:0000:ffff:0a01:0203";
    QTest::newRow("v4-max-octets") << "255.255.255.255" << true << true << 128 << "0000:0000:0000:0000:0000:ffff:ffff:ffff";
    QTest::newRow("v6-full") << "2001:0db8:85a3:0000:0000:8a2e:0370:7334" << true << false << 128
                             << "2001:0db8:85a3:0000:0000:8a2e:0370:7334";
    QTest::newRow("v6-short-groups") << "2001:db8:85a3:0:0:8a2e:370:7334" << true << false << 128
                                     << "2001:0db8:85a3:0000:0000:8a2e:0370:7334";
    QTest::newRow("v6-compressed-middle") << "2001:db8::8a2e:370:7334" << true << false << 128
                                          << "2001:0db8:0000:0000:0000:8a2e:0370:7334";
    QTest::newRow("v6-uppercase-cidr-from-docs") << "2001:DB8:1234:5678::/64" << true << false << 64
                                                 << "2001:0db8:1234:5678:0000:0000:0000:0000";
    QTest::newRow("v6-unspecified") << "::" << true << false << 128 << "0000:0000:0000:0000:0000:0000:0000:0000";
    QTest::newRow("v6-loopback") << "::1" << true << false << 128 << "0000:0000:0000:0000:0000:0000:0000:0001";
    QTest::newRow("v6-trailing-compression") << "fe80::/10" << true << false << 10
                                             << "fe80:0000:0000:0000:0000:0000:0000:0000";
    QTest::newRow("v6-compression-of-one-group") << "1:2:3:4:5:6::8" << true << false << 128
                                                 << "0001:0002:0003:0004:0005:0006:0000:0008";
    QTest::newRow("v6-embedded-v4-mapped") << "::ffff:192.0.2.1" << true << false << 128
                                           << "0000:0000:0000:0000:0000:ffff:c000:0201";
    QTest::newRow("v6-embedded-v4-nat64") << "64:ff9b::192.0.2.33/96" << true << false << 96
                                          << "0064:ff9b:0000:0000:0000:0000:c000:0221";
    QTest::newRow("v6-embedded-v4-full-form") << "1:2:3:4:5:6:1.2.3.4" << true << false << 128
                                              << "0001:0002:0003:0004:0005:0006:0102:0304";
    QTest::newRow("v6-cidr-0") << "::/0" << true << false << 0 << "0000:0000:0000:0000:0000:0000:0000:0000";

    QTest::newRow("v4-octet-256") << "256.1.1.1" << false << false << 0 << "";
    QTest::newRow("v4-three-octets") << "1.2.3" << false << false << 0 << "";
    QTest::newRow("v4-five-octets") << "1.2.3.4.5" << false << false << 0 << "";
    QTest::newRow("v4-empty-octet") << "1..2.3" << false << false << 0 << "";
    QTest::newRow("v4-trailing-dot") << "1.2.3.4." << false << false << 0 << "";
    QTest::newRow("v4-negative-octet") << "1.2.-3.4" << false << false << 0 << "";
    QTest::newRow("v4-prefix-33") << "192.0.2.0/33" << false << false << 0 << "";
    QTest::newRow("v4-prefix-negative") << "192.0.2.0/-1" << false << false << 0 << "";
    QTest::newRow("v4-prefix-empty") << "192.0.2.0/" << false << false << 0 << "";
    QTest::newRow("v4-prefix-not-digits") << "192.0.2.0/24x" << false << false << 0 << "";
    QTest::newRow("v4-leading-space") << " 192.0.2.1" << false << false << 0 << "";
    QTest::newRow("v4-trailing-space") << "192.0.2.1 " << false << false << 0 << "";
    QTest::newRow("v6-triple-colon") << ":::" << false << false << 0 << "";
    QTest::newRow("v6-two-compressions") << "1::2::3" << false << false << 0 << "";
    QTest::newRow("v6-group-too-long") << "12345::" << false << false << 0 << "";
    QTest::newRow("v6-not-hex") << "g::1" << false << false << 0 << "";
    QTest::newRow("v6-nine-groups") << "1:2:3:4:5:6:7:8:9" << false << false << 0 << "";
    QTest::newRow("v6-seven-groups-uncompressed") << "1:2:3:4:5:6:7" << false << false << 0 << "";
    QTest::newRow("v6-eight-groups-plus-compression") << "1::2:3:4:5:6:7:8" << false << false << 0 << "";
    QTest::newRow("v6-leading-single-colon") << ":1:2:3:4:5:6:7" << false << false << 0 << "";
    QTest::newRow("v6-trailing-single-colon") << "1:2:3:4:5:6:7:" << false << false << 0 << "";
    QTest::newRow("v6-v4-tail-not-last") << "::1.2.3.4:5" << false << false << 0 << "";
    QTest::newRow("v6-v4-tail-too-many-groups") << "1:2:3:4:5:6:7:1.2.3.4" << false << false << 0 << "";
    QTest::newRow("v6-v4-tail-short") << "::ffff:1.2.3" << false << false << 0 << "";
    QTest::newRow("v6-prefix-129") << "2001:db8::/129" << false << false << 0 << "";
    QTest::newRow("not-an-address") << "example.com" << false << false << 0 << "";
    QTest::newRow("empty") << "" << false << false << 0 << "";
    QTest::newRow("prefix-only") << "/24" << false << false << 0 << "";
}

void tst_RequestContext::parseIpNetwork()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(bool, v4);
    QFETCH(int, prefixLength);
    QFETCH(QString, bytes);
    const auto network = iam::parseIpNetwork(text.toStdString());
    QCOMPARE(network.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(network->v4, v4);
    QCOMPARE(network->prefixLength, prefixLength);
    QCOMPARE(groups(*network), bytes);
}

void tst_RequestContext::ipNetworkContains_data()
{
    QTest::addColumn<QString>("network");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("expected");

    // reference_policies_elements_condition_operators.md § "IP address condition operators":
    // the request must come from the range 203.0.113.0 to 203.0.113.255 for /24.
    QTest::newRow("v4-24-first") << "203.0.113.0/24" << "203.0.113.0" << true;
    QTest::newRow("v4-24-last") << "203.0.113.0/24" << "203.0.113.255" << true;
    QTest::newRow("v4-24-next-network") << "203.0.113.0/24" << "203.0.114.0" << false;
    QTest::newRow("v4-24-previous-network") << "203.0.113.0/24" << "203.0.112.255" << false;
    QTest::newRow("v4-bare-is-32") << "192.0.2.7" << "192.0.2.7" << true;
    QTest::newRow("v4-bare-is-32-neighbour") << "192.0.2.7" << "192.0.2.8" << false;
    QTest::newRow("v4-9-bit-boundary-inside") << "10.0.0.0/9" << "10.127.255.255" << true;
    QTest::newRow("v4-9-bit-boundary-outside") << "10.0.0.0/9" << "10.128.0.0" << false;
    QTest::newRow("v4-host-bits-in-network-ignored") << "192.0.2.77/24" << "192.0.2.5" << true;
    QTest::newRow("v4-slash-0-any-v4") << "0.0.0.0/0" << "198.51.100.9" << true;
    QTest::newRow("v4-range-does-not-hold-v6") << "0.0.0.0/0" << "2001:db8::1" << false;
    QTest::newRow("v6-64-inside") << "2001:DB8:1234:5678::/64" << "2001:db8:1234:5678:abcd::1" << true;
    QTest::newRow("v6-64-outside") << "2001:DB8:1234:5678::/64" << "2001:db8:1234:5679::1" << false;
    QTest::newRow("v6-bare-is-128") << "2001:db8::1" << "2001:db8::1" << true;
    QTest::newRow("v6-bare-is-128-neighbour") << "2001:db8::1" << "2001:db8::2" << false;
    QTest::newRow("v6-127-pair") << "2001:db8::/127" << "2001:db8::1" << true;
    QTest::newRow("v6-127-outside") << "2001:db8::/127" << "2001:db8::2" << false;
    QTest::newRow("v6-range-does-not-hold-v4") << "2001:db8::/32" << "192.0.2.1" << false;
    QTest::newRow("v6-zero-prefix-any-v6") << "::/0" << "2001:db8::1" << true;
}

void tst_RequestContext::ipNetworkContains()
{
    QFETCH(QString, network);
    QFETCH(QString, address);
    QFETCH(bool, expected);
    const auto range = iam::parseIpNetwork(network.toStdString());
    const auto ip = iam::parseIpNetwork(address.toStdString());
    QVERIFY(range && ip);
    QCOMPARE(range->contains(*ip), expected);
}

void tst_RequestContext::parseDate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("seconds");

    // reference_policies_elements_condition_operators.md § "Date condition operators":
    // "one of the W3C implementations of the ISO 8601 date formats or in epoch (UNIX) time".
    QTest::newRow("iso-utc-z") << "2029-12-31T23:59:59Z" << true << 1893455999.0;
    QTest::newRow("iso-date-only") << "2024-06-01" << true << 1717200000.0;
    QTest::newRow("iso-minutes-only") << "2024-06-01T12:30Z" << true << 1717245000.0;
    QTest::newRow("iso-positive-offset") << "2024-06-01T10:00:00+02:00" << true << 1717228800.0;
    QTest::newRow("iso-negative-offset") << "2024-06-01T10:00:00-05:00" << true << 1717254000.0;
    QTest::newRow("iso-offset-without-colon") << "2024-06-01T10:00:00-0500" << true << 1717254000.0;
    QTest::newRow("iso-half-hour-offset-crosses-midnight") << "2024-06-01T23:30:00-05:30" << true << 1717304400.0;
    QTest::newRow("iso-fraction") << "2024-06-01T00:00:00.25Z" << true << 1717200000.25;
    QTest::newRow("iso-fraction-then-offset") << "2024-06-01T10:00:00.5+02:00" << true << 1717228800.5;
    QTest::newRow("iso-leap-day") << "2024-02-29T00:00:00Z" << true << 1709164800.0;
    QTest::newRow("iso-before-epoch") << "1969-12-31T00:00:00Z" << true << -86400.0;
    QTest::newRow("iso-millennium") << "2000-01-01T00:00:00Z" << true << 946684800.0;
    // aws:EpochTime carries seconds since the epoch (reference_policies_condition-keys.md).
    QTest::newRow("epoch-seconds") << "1735689600" << true << 1735689600.0;
    QTest::newRow("epoch-zero") << "0" << true << 0.0;
    QTest::newRow("epoch-with-fraction") << "1717200000.5" << true << 1717200000.5;

    QTest::newRow("invalid-empty") << "" << false << 0.0;
    QTest::newRow("invalid-word") << "yesterday" << false << 0.0;
    QTest::newRow("invalid-month-13") << "2024-13-01" << false << 0.0;
    QTest::newRow("invalid-month-0") << "2024-00-10" << false << 0.0;
    QTest::newRow("invalid-day-32") << "2024-06-32" << false << 0.0;
    QTest::newRow("invalid-day-0") << "2024-06-00" << false << 0.0;
    QTest::newRow("invalid-february-30") << "2024-02-30" << false << 0.0;
    QTest::newRow("invalid-april-31") << "2024-04-31" << false << 0.0;
    QTest::newRow("invalid-february-29-common-year") << "2023-02-29" << false << 0.0;
    QTest::newRow("invalid-hour-25") << "2024-06-01T25:00Z" << false << 0.0;
    QTest::newRow("invalid-minute-60") << "2024-06-01T10:60Z" << false << 0.0;
    QTest::newRow("invalid-zone-letter") << "2024-06-01T10:00:00Q" << false << 0.0;
    QTest::newRow("invalid-t-without-time") << "2024-06-01T" << false << 0.0;
    QTest::newRow("invalid-slashes") << "2024/06/01" << false << 0.0;
    QTest::newRow("invalid-two-digit-year") << "24-06-01" << false << 0.0;
    QTest::newRow("invalid-offset-one-digit") << "2024-06-01T10:00:00+2" << false << 0.0;
    QTest::newRow("invalid-fraction-without-digits") << "2024-06-01T10:00:00.Z" << false << 0.0;
    QTest::newRow("invalid-text-after-z") << "2024-06-01T10:00:00Zjunk" << false << 0.0;
    QTest::newRow("invalid-epoch-two-dots") << "1.2.3" << false << 0.0;
    QTest::newRow("invalid-lone-dot") << "." << false << 0.0;
}

void tst_RequestContext::parseDate()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(double, seconds);
    const auto date = iam::parseDate(text.toStdString());
    QCOMPARE(date.has_value(), valid);
    if (valid)
        QVERIFY2(std::abs(*date - seconds) < 1e-6, qPrintable(QString::number(*date, 'f', 6)));
}

void tst_RequestContext::parseNumber_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("value");

    // reference_policies_elements_condition_operators.md § "Numeric condition operators":
    // an integer or decimal value.
    QTest::newRow("integer") << "100" << true << 100.0;
    QTest::newRow("negative-decimal") << "-1.5" << true << -1.5;
    QTest::newRow("explicit-plus") << "+3" << true << 3.0;
    QTest::newRow("decimal-fraction") << "0.25" << true << 0.25;
    QTest::newRow("leading-zeros") << "007" << true << 7.0;
    QTest::newRow("zero") << "0" << true << 0.0;
    QTest::newRow("invalid-empty") << "" << false << 0.0;
    QTest::newRow("invalid-plus-only") << "+" << false << 0.0;
    QTest::newRow("invalid-word") << "ten" << false << 0.0;
    QTest::newRow("invalid-comma-decimal") << "1,5" << false << 0.0;
    QTest::newRow("invalid-two-dots") << "1.5.2" << false << 0.0;
    QTest::newRow("invalid-leading-space") << " 1" << false << 0.0;
    QTest::newRow("invalid-trailing-space") << "1 " << false << 0.0;
    QTest::newRow("invalid-trailing-letters") << "10abc" << false << 0.0;
    QTest::newRow("invalid-hex") << "0x10" << false << 0.0;
    QTest::newRow("invalid-double-sign") << "+-1" << false << 0.0;
    QTest::newRow("invalid-nan") << "nan" << false << 0.0;
    QTest::newRow("invalid-inf") << "inf" << false << 0.0;
    QTest::newRow("invalid-negative-infinity") << "-infinity" << false << 0.0;
}

void tst_RequestContext::parseNumber()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(double, value);
    const auto number = iam::parseNumber(text.toStdString());
    QCOMPARE(number.has_value(), valid);
    if (valid)
        QCOMPARE(*number, value);
}

void tst_RequestContext::contextValueReadings()
{
    // Each value is read every way once, so evaluation never parses.
    const ContextValue number("250");
    QCOMPARE(number.text, std::string("250"));
    QCOMPARE(number.number.value_or(-1), 250.0);
    QCOMPARE(number.date.value_or(-1), 250.0);   // also epoch seconds
    QVERIFY(!number.ip);
    QVERIFY(!number.boolean);

    // reference_policies_elements_condition_operators.md § "Boolean condition operators".
    const ContextValue yes("TRUE");
    QCOMPARE(yes.boolean, std::optional<bool>(true));
    const ContextValue no("False");
    QCOMPARE(no.boolean, std::optional<bool>(false));
    QVERIFY(!ContextValue("1").boolean);
    QVERIFY(!ContextValue("yes").boolean);

    const ContextValue ip("192.0.2.200");
    QVERIFY(ip.ip && ip.ip->v4);
    QVERIFY(!ip.number);

    const ContextValue date("2029-12-31T23:59:59Z");
    QCOMPARE(date.date.value_or(-1), 1893455999.0);
    QVERIFY(!date.number);

    const ContextValue text("finance");
    QVERIFY(!text.number && !text.date && !text.ip && !text.boolean);
}

void tst_RequestContext::findIsCaseInsensitive_data()
{
    QTest::addColumn<QString>("lookup");
    QTest::addColumn<bool>("found");

    // reference_policies_variables.md and reference_policies_elements_condition.md: key
    // names are case-insensitive ("aws:CurrentTime is equivalent to AWS:currenttime").
    QTest::newRow("as-set") << "aws:RequestedRegion" << true;
    QTest::newRow("all-lower") << "aws:requestedregion" << true;
    QTest::newRow("all-upper") << "AWS:REQUESTEDREGION" << true;
    QTest::newRow("mixed") << "Aws:requestedRegion" << true;
    QTest::newRow("other-key") << "aws:RequestedRegions" << false;
    QTest::newRow("prefix-only") << "aws:Requested" << false;
    QTest::newRow("empty") << "" << false;
}

void tst_RequestContext::findIsCaseInsensitive()
{
    QFETCH(QString, lookup);
    QFETCH(bool, found);
    RequestContext context;
    context.set("aws:RequestedRegion", {"us-east-1"});
    context.set("aws:PrincipalTag/team", {"blue"});
    const ContextEntry *entry = context.find(lookup.toStdString());
    QCOMPARE(entry != nullptr, found);
    if (found) {
        QCOMPARE(entry->name, std::string("aws:RequestedRegion"));
        QCOMPARE(entry->lowerName, std::string("aws:requestedregion"));
        QCOMPARE(entry->values.size(), std::size_t(1));
        QCOMPARE(entry->values[0].text, std::string("us-east-1"));
    }
    // findLower() takes an already-lowercased name.
    QVERIFY(context.findLower("aws:principaltag/team"));
    QVERIFY(!context.findLower("aws:principaltag/teams"));
}

void tst_RequestContext::valuesKeepTheirCase()
{
    // Key names are case-insensitive; values are not (StringEquals is case-sensitive).
    RequestContext context;
    context.set("aws:PrincipalTag/Department", {"Finance"});
    const ContextEntry *entry = context.find("aws:principaltag/department");
    QVERIFY(entry);
    QCOMPARE(entry->values[0].text, std::string("Finance"));
}

void tst_RequestContext::settingAKeyTwiceGathersValues()
{
    RequestContext context;
    context.set("aws:TagKeys", {"team"}, ContextKeyType::String, true);
    context.set("AWS:TAGKEYS", {"cost-center", "owner"});
    QCOMPARE(context.entries().size(), std::size_t(1));
    const ContextEntry *entry = context.find("aws:tagkeys");
    QVERIFY(entry);
    QVERIFY(entry->list);
    QCOMPARE(entry->values.size(), std::size_t(3));
    QCOMPARE(entry->values[0].text, std::string("team"));
    QCOMPARE(entry->values[2].text, std::string("owner"));

    // Several values make a list even when not declared one.
    RequestContext multi;
    multi.set("dynamodb:Attributes", {"ID", "Message"});
    QVERIFY(multi.find("dynamodb:attributes")->list);
    // The declared type is kept.
    multi.set("aws:MultiFactorAuthAge", {"3600"}, ContextKeyType::Numeric);
    QCOMPARE(int(multi.find("aws:multifactorauthage")->type), int(ContextKeyType::Numeric));
    QVERIFY(!multi.find("aws:multifactorauthage")->list);
}

void tst_RequestContext::emptyContext()
{
    const RequestContext context;
    QVERIFY(context.empty());
    QVERIFY(context.entries().empty());
    QVERIFY(!context.find("aws:username"));
    QVERIFY(!context.findLower("aws:username"));
}

QTEST_APPLESS_MAIN(tst_RequestContext)
#include "tst_RequestContext.moc"
