// Policies shown read-only: four spaces, keys in the order written.

#include "PrettyJson.h"

#include <QtTest>

class tst_PrettyJson : public QObject
{
    Q_OBJECT

private slots:
    void keepsKeyOrderAndIndentsByFour();
    void leavesBrokenTextAlone();
};

void tst_PrettyJson::keepsKeyOrderAndIndentsByFour()
{
    const QString pretty = prettyJson(QStringLiteral(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]})"));
    QCOMPARE(pretty, QStringLiteral("{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {\n"
                                    "            \"Effect\": \"Allow\"\n        }\n    ]\n}"));
}

void tst_PrettyJson::leavesBrokenTextAlone()
{
    QCOMPARE(prettyJson(QStringLiteral("{\"Version\": ")), QStringLiteral("{\"Version\": "));
}

QTEST_APPLESS_MAIN(tst_PrettyJson)
#include "tst_PrettyJson.moc"
