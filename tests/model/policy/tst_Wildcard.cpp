// Wildcard: IAM's `*` and `?`, the compiled shapes (Any, Exact, Prefix, Segments,
// Glob) and the escaped literals that `${*}`, `${?}` and `${$}` stand for.

#include "Wildcard.h"

#include <QElapsedTimer>
#include <QtTest>

#include <random>
#include <string>
#include <vector>

using namespace iam;

class tst_Wildcard : public QObject
{
    Q_OBJECT

private slots:
    void matches_data();
    void matches();
    void kinds_data();
    void kinds();
    void escapedLiterals_data();
    void escapedLiterals();
    void appendEscapedRoundTrips();
    void agreesWithReferenceMatcher();
    void pathologicalPatternsStayFast_data();
    void pathologicalPatternsStayFast();
};

// Escapes one character the way the compiler writes `${*}`, `${?}`, `${$}`.
static std::string esc(char c)
{
    return std::string(1, kLiteralEscape) + c;
}

// An obviously correct matcher, exponential in the worst case: the yardstick for
// the fast ones on short random inputs.
static bool referenceMatch(std::string_view pattern, std::string_view text)
{
    if (pattern.empty())
        return text.empty();
    if (pattern[0] == kLiteralEscape && pattern.size() > 1)
        return !text.empty() && text[0] == pattern[1] && referenceMatch(pattern.substr(2), text.substr(1));
    if (pattern[0] == '*')
        return referenceMatch(pattern.substr(1), text) || (!text.empty() && referenceMatch(pattern, text.substr(1)));
    if (pattern[0] == '?')
        return !text.empty() && referenceMatch(pattern.substr(1), text.substr(1));
    return !text.empty() && text[0] == pattern[0] && referenceMatch(pattern.substr(1), text.substr(1));
}

void tst_Wildcard::matches_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("expected");

    // reference_policies_elements_action.md (wildcards in the action name, e.g.
    // "iam:*AccessKey*"): `*` stands for any run of characters, including none.
    QTest::newRow("star-matches-anything") << "*" << "s3:getobject" << true;
    QTest::newRow("star-matches-empty") << "*" << "" << true;
    QTest::newRow("double-star-matches-empty") << "**" << "" << true;
    QTest::newRow("prefix-star-matches-bare-prefix") << "s3:get*" << "s3:get" << true;
    QTest::newRow("prefix-star-matches-longer") << "s3:get*" << "s3:getobject" << true;
    QTest::newRow("prefix-star-needs-prefix") << "s3:get*" << "s3:putobject" << false;
    QTest::newRow("suffix-star") << "*object" << "s3:getobject" << true;
    QTest::newRow("suffix-star-needs-suffix") << "*object" << "s3:getobjects" << false;
    QTest::newRow("infix-stars-access-key") << "iam:*accesskey*" << "iam:listaccesskeys" << true;
    QTest::newRow("infix-stars-missing-middle") << "iam:*accesskey*" << "iam:listusers" << false;
    QTest::newRow("star-in-middle-matches-empty-run") << "a*c" << "ac" << true;
    QTest::newRow("star-in-middle-long-run") << "a*c" << "abbbbc" << true;
    QTest::newRow("star-in-middle-must-end-with-tail") << "a*c" << "abcd" << false;
    QTest::newRow("pieces-in-order") << "a*b*c" << "axxbyyc" << true;
    QTest::newRow("pieces-out-of-order") << "a*b*c" << "acxb" << false;
    QTest::newRow("head-and-tail-may-not-overlap") << "a*a" << "a" << false;
    QTest::newRow("head-and-tail-adjacent") << "ab*bc" << "abbc" << true;
    QTest::newRow("head-and-tail-overlap-rejected") << "ab*bc" << "abc" << false;
    QTest::newRow("adjacent-stars-are-one-star") << "a**b" << "ab" << true;
    QTest::newRow("needs-backtracking-suffix") << "*aab" << "aaab" << true;
    QTest::newRow("needs-backtracking-middle") << "a*ab*b" << "aaabbb" << true;
    QTest::newRow("leftmost-middle-piece-is-enough") << "*ab*ab" << "abxab" << true;
    QTest::newRow("repeated-piece-needs-two-occurrences") << "*ab*ab*" << "xabx" << false;
    // wildcards.json p-wc-resource-test-folder / repeated-slashes / test-jpg-no-match
    // (reference_policies_elements_resource.md: `*` and `?` within any ARN segment).
    QTest::newRow("folder-pattern-one-level") << "bucket/*/test/*" << "bucket/1/test/object.jpg" << true;
    QTest::newRow("folder-pattern-repeated-slashes") << "bucket/*/test/*" << "bucket/1///test///object.jpg" << true;
    QTest::newRow("folder-pattern-needs-slash-after-test") << "bucket/*/test/*" << "bucket/1/2/test.jpg" << false;

    // reference_policies_elements_resource.md: "a question mark (?) represents any single
    // character"; the same holds in Action (conformance wildcards.json p-wc-action-question-mark).
    QTest::newRow("question-matches-one") << "sqs:?endmessage" << "sqs:sendmessage" << true;
    QTest::newRow("question-does-not-match-none") << "a?c" << "ac" << false;
    QTest::newRow("question-does-not-match-two") << "a?c" << "abbc" << false;
    QTest::newRow("question-does-not-match-empty") << "?" << "" << false;
    QTest::newRow("question-day-0x") << "day-0?.gz" << "day-07.gz" << true;
    QTest::newRow("star-then-question-needs-one") << "a*?b" << "ab" << false;
    QTest::newRow("star-then-question-one") << "a*?b" << "axb" << true;
    QTest::newRow("question-star-question") << "?*?" << "ab" << true;
    QTest::newRow("question-star-question-too-short") << "?*?" << "a" << false;
    QTest::newRow("star-question-star-needs-one") << "*?*" << "" << false;

    // Matching is byte-exact: callers lowercase where IAM is case-insensitive
    // (reference_policies_elements_resource.md: resource ARNs are case-sensitive).
    QTest::newRow("case-sensitive-literal") << "User/Dana" << "user/dana" << false;
    QTest::newRow("case-sensitive-after-star") << "*Dana" << "user/dana" << false;

    // A pattern without wildcards is an exact comparison.
    QTest::newRow("exact-equal") << "s3:getobject" << "s3:getobject" << true;
    QTest::newRow("exact-prefix-is-not-enough") << "s3:get" << "s3:getobject" << false;
    QTest::newRow("exact-longer-pattern") << "s3:getobjects" << "s3:getobject" << false;
    QTest::newRow("empty-pattern-matches-empty") << "" << "" << true;
    QTest::newRow("empty-pattern-rejects-text") << "" << "a" << false;
    QTest::newRow("text-star-is-ordinary-for-exact") << "a" << "*" << false;
    QTest::newRow("star-matches-literal-star-text") << "*" << "*" << true;
}

void tst_Wildcard::matches()
{
    QFETCH(QString, pattern);
    QFETCH(QString, text);
    QFETCH(bool, expected);
    const std::string p = pattern.toStdString();
    const std::string t = text.toStdString();
    QCOMPARE(wildcardMatch(p, t), expected);
    // Whatever shape the compiled form takes, it must agree with wildcardMatch().
    QCOMPARE(Wildcard(p).matches(t), expected);
}

void tst_Wildcard::kinds_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<int>("kind");

    QTest::newRow("lone-star-is-any") << "*" << int(Wildcard::Kind::Any);
    QTest::newRow("no-wildcard-is-exact") << "s3:getobject" << int(Wildcard::Kind::Exact);
    QTest::newRow("empty-is-exact") << "" << int(Wildcard::Kind::Exact);
    QTest::newRow("trailing-star-is-prefix") << "s3:get*" << int(Wildcard::Kind::Prefix);
    QTest::newRow("leading-star-is-segments") << "*object" << int(Wildcard::Kind::Segments);
    QTest::newRow("two-stars-are-segments") << "iam:*accesskey*" << int(Wildcard::Kind::Segments);
    QTest::newRow("double-star-is-segments") << "**" << int(Wildcard::Kind::Segments);
    QTest::newRow("question-is-glob") << "sqs:?endmessage" << int(Wildcard::Kind::Glob);
    QTest::newRow("question-and-star-is-glob") << "a?*" << int(Wildcard::Kind::Glob);
}

void tst_Wildcard::kinds()
{
    QFETCH(QString, pattern);
    QFETCH(int, kind);
    const Wildcard wildcard(pattern.toStdString());
    QCOMPARE(int(wildcard.kind()), kind);
    QCOMPARE(wildcard.pattern(), pattern.toStdString());
    QCOMPARE(wildcard.hasWildcards(), kind != int(Wildcard::Kind::Exact));
}

void tst_Wildcard::escapedLiterals_data()
{
    QTest::addColumn<QString>("pattern");   // `\x01` written as "\\e" in the row, see below
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("expected");
    QTest::addColumn<int>("kind");

    // reference_policies_variables.md § "Special characters": ${*}, ${?} and ${$} stand
    // for the characters themselves, never for wildcards.
    const int exact = int(Wildcard::Kind::Exact), glob = int(Wildcard::Kind::Glob);
    QTest::newRow("escaped-star-matches-star") << "what\\e*.txt" << "what*.txt" << true << exact;
    QTest::newRow("escaped-star-is-not-a-wildcard") << "what\\e*.txt" << "whatever.txt" << false << exact;
    QTest::newRow("escaped-question-matches-question") << "what\\e?.txt" << "what?.txt" << true << exact;
    QTest::newRow("escaped-question-is-not-a-wildcard") << "what\\e?.txt" << "whatX.txt" << false << exact;
    QTest::newRow("escaped-dollar") << "price\\e$" << "price$" << true << exact;
    QTest::newRow("escaped-star-after-real-star") << "*\\e*" << "abc*" << true << glob;
    QTest::newRow("escaped-star-after-real-star-needs-star") << "*\\e*" << "abc" << false << glob;
    QTest::newRow("real-star-before-escaped-question") << "a*\\e?" << "axyz?" << true << glob;
    QTest::newRow("escaped-question-then-real-question") << "\\e??" << "?x" << true << glob;
    QTest::newRow("escaped-question-then-real-question-wrong-first") << "\\e??" << "xx" << false << glob;
    QTest::newRow("escape-then-prefix-star-is-glob") << "a\\e**" << "a*bc" << true << glob;
    QTest::newRow("escape-then-prefix-star-needs-literal") << "a\\e**" << "abc" << false << glob;
}

void tst_Wildcard::escapedLiterals()
{
    QFETCH(QString, pattern);
    QFETCH(QString, text);
    QFETCH(bool, expected);
    QFETCH(int, kind);
    std::string p = pattern.toStdString();
    for (std::size_t at = p.find("\\e"); at != std::string::npos; at = p.find("\\e"))
        p.replace(at, 2, std::string(1, kLiteralEscape));
    const std::string t = text.toStdString();
    QCOMPARE(wildcardMatch(p, t), expected);
    const Wildcard wildcard(p);
    QCOMPARE(int(wildcard.kind()), kind);
    QCOMPARE(wildcard.matches(t), expected);
}

void tst_Wildcard::appendEscapedRoundTrips()
{
    // A substituted variable value is literal text (reference_policies_variables.md):
    // appendEscaped() makes `*`, `?` and `$` in it match only themselves.
    const std::string literal = "a*b?c$d";
    std::string pattern = "prefix/";
    appendEscaped(pattern, literal);
    QCOMPARE(pattern, "prefix/a" + esc('*') + "b" + esc('?') + "c" + esc('$') + "d");
    QVERIFY(wildcardMatch(pattern, "prefix/a*b?c$d"));
    QVERIFY(!wildcardMatch(pattern, "prefix/aXXb?c$d"));
    QVERIFY(!wildcardMatch(pattern, "prefix/a*bXc$d"));
    QCOMPARE(unescaped(pattern), "prefix/" + literal);
    // The escape byte itself is escaped, so a value holding it stays literal too.
    std::string withEscape;
    appendEscaped(withEscape, std::string(1, kLiteralEscape) + "*");
    QVERIFY(wildcardMatch(withEscape, std::string(1, kLiteralEscape) + "*"));
    QVERIFY(!wildcardMatch(withEscape, std::string(1, kLiteralEscape) + "xyz"));
    QCOMPARE(unescaped(withEscape), std::string(1, kLiteralEscape) + "*");
    // Plain text passes through unchanged.
    std::string plain;
    appendEscaped(plain, "dana");
    QCOMPARE(plain, std::string("dana"));
    QCOMPARE(unescaped("dana"), std::string("dana"));
}

void tst_Wildcard::agreesWithReferenceMatcher()
{
    // Every shape (Exact, Prefix, Segments, Glob) on many short random inputs: the
    // fast matchers must say what the obviously correct one says.
    std::mt19937 random(20240601);
    const std::string patternAlphabet = std::string("ab*?") + kLiteralEscape;
    const auto pick = [&](const std::string &alphabet, int length) {
        std::string out;
        for (int i = 0; i < length; ++i) {
            const char c = alphabet[random() % alphabet.size()];
            out += c;
            if (c == kLiteralEscape)
                out += "ab*?"[random() % 4];   // an escape always escapes something
        }
        return out;
    };
    int checked = 0;
    for (int round = 0; round < 20000; ++round) {
        const std::string pattern = pick(patternAlphabet, int(random() % 7));
        const std::string text = pick("ab*?", int(random() % 8));
        const bool expected = referenceMatch(pattern, text);
        if (wildcardMatch(pattern, text) != expected || Wildcard(pattern).matches(text) != expected) {
            QFAIL(qPrintable(QStringLiteral("pattern `%1` text `%2`: expected %3, wildcardMatch %4, Wildcard %5")
                                 .arg(QString::fromStdString(pattern).replace(QChar(kLiteralEscape), "\\e"),
                                      QString::fromStdString(text))
                                 .arg(expected)
                                 .arg(wildcardMatch(pattern, text))
                                 .arg(Wildcard(pattern).matches(text))));
        }
        ++checked;
    }
    QCOMPARE(checked, 20000);
}

void tst_Wildcard::pathologicalPatternsStayFast_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("expected");

    // Patterns that make a naive backtracking matcher exponential. A policy is user
    // input: evaluation must stay polynomial whatever the pattern.
    const QString manyA(5000, QLatin1Char('a'));
    QString starA, starQ;
    for (int i = 0; i < 40; ++i) {
        starA += QLatin1String("a*");
        starQ += QLatin1String("*?");
    }
    QTest::newRow("many-a-star-then-b-no-match") << starA + "b" << manyA << false;
    QTest::newRow("many-a-star-then-a-match") << starA + "a" << manyA << true;
    QTest::newRow("many-star-question-then-b") << starQ + "b" << manyA << false;
    QTest::newRow("many-star-question-match") << starQ << manyA << true;
    QTest::newRow("many-stars-only") << QString(200, QLatin1Char('*')) + "b" << manyA << false;
}

void tst_Wildcard::pathologicalPatternsStayFast()
{
    QFETCH(QString, pattern);
    QFETCH(QString, text);
    QFETCH(bool, expected);
    const std::string p = pattern.toStdString();
    const std::string t = text.toStdString();
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(wildcardMatch(p, t), expected);
    QCOMPARE(Wildcard(p).matches(t), expected);
    // Generous: a quadratic matcher needs a few milliseconds here, an exponential one
    // would not finish. (Sanitizer builds are slower; still far below the bound.)
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));
}

QTEST_APPLESS_MAIN(tst_Wildcard)
#include "tst_Wildcard.moc"
