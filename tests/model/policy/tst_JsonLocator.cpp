// The location index nlohmann/json lacks: spans by JSON pointer, duplicate keys.

#include "JsonLocator.h"

#include <QtTest>

using namespace iam;

class tst_JsonLocator : public QObject
{
    Q_OBJECT

private slots:
    void spansByPointer();
    void keysWithSlashAndTilde();
    void escapedKeysDecodeLikeNlohmann();
    void duplicateKeys();
    void columnsCountCharacters();
    void originOnlyShiftsFirstLine();
};

void tst_JsonLocator::spansByPointer()
{
    const std::string text = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c\": true\n}";
    const JsonLocator locator(text);
    const JsonLocator::Span *whole = locator.find("");
    QVERIFY(whole);
    QCOMPARE(whole->begin, std::size_t(0));
    QCOMPARE(whole->end, text.size());
    const JsonLocator::Span *b = locator.find("/a/1/b");
    QVERIFY(b);
    QCOMPARE(text.substr(b->begin, b->end - b->begin), std::string("\"x\""));
    QCOMPARE(text.substr(b->keyBegin, 3), std::string("\"b\""));
    const JsonLocator::Span *c = locator.find("/c");
    QCOMPARE(text.substr(c->begin, c->end - c->begin), std::string("true"));
    const SourceLocation where = locator.locate(c->begin, "f");
    QCOMPARE(where.line, 3);
    QCOMPARE(where.column, 8);
    QVERIFY(!locator.find("/a/2"));
    QVERIFY(!locator.find("/missing"));
}

void tst_JsonLocator::keysWithSlashAndTilde()
{
    // Condition keys such as aws:PrincipalTag/team hold a slash: RFC 6901 escapes it.
    const std::string text = R"({"aws:PrincipalTag/team": 1, "a~b": 2})";
    const JsonLocator locator(text);
    QVERIFY(locator.find("/aws:PrincipalTag~1team"));
    QVERIFY(locator.find("/a~0b"));
    QCOMPARE(JsonLocator::escapeSegment("x/y~z"), std::string("x~1y~0z"));
}

void tst_JsonLocator::escapedKeysDecodeLikeNlohmann()
{
    const std::string text = R"({"St\u0061te\"ment": 1, "\ud83d\ude00": 2})";
    const JsonLocator locator(text);
    QVERIFY(locator.find("/Stat\"ment") == nullptr);
    QVERIFY(locator.find("/State\"ment"));
    QVERIFY(locator.find("/\xF0\x9F\x98\x80"));
}

void tst_JsonLocator::duplicateKeys()
{
    const std::string text = R"({"a": 1, "b": {"x": 1, "x": 2}, "a": 3})";
    const JsonLocator locator(text);
    QCOMPARE(locator.duplicateKeys().size(), std::size_t(2));
    QCOMPARE(locator.duplicateKeys()[0].pointer, std::string("/b/x"));
    QCOMPARE(locator.duplicateKeys()[1].pointer, std::string("/a"));
    // The later value wins, as in nlohmann/json.
    const JsonLocator::Span *a = locator.find("/a");
    QCOMPARE(text.substr(a->begin, a->end - a->begin), std::string("3"));
}

void tst_JsonLocator::columnsCountCharacters()
{
    const std::string text = "{\"é€\": 1}";
    const JsonLocator locator(text);
    const SourceLocation where = locator.locate(locator.find("/é€")->begin, "f");
    QCOMPARE(where.column, 8);   // {"é€": 1 : the value is the eighth character, not byte 11
}

void tst_JsonLocator::originOnlyShiftsFirstLine()
{
    const std::string text = "{\"a\":\n 1}";
    const JsonLocator locator(text);
    QCOMPARE(locator.locate(0, "f", 5, 10).column, 10);
    QCOMPARE(locator.locate(0, "f", 5, 10).line, 5);
    QCOMPARE(locator.locate(7, "f", 5, 10).line, 6);
    QCOMPARE(locator.locate(7, "f", 5, 10).column, 2);
}

QTEST_APPLESS_MAIN(tst_JsonLocator)
#include "tst_JsonLocator.moc"
