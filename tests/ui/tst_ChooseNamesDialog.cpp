// The checklist behind Add user to groups and Add users.

#include "ChooseNamesDialog.h"

#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QtTest>

class tst_ChooseNamesDialog : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QTRY_VERIFY(QApplication::topLevelWidgets().isEmpty()); }

    void searchAndCheck();
};

void tst_ChooseNamesDialog::searchAndCheck()
{
    ChooseNamesDialog dialog(QStringLiteral("Add user to groups"), QStringLiteral("User groups (3)"),
                             {QStringLiteral("developers"), QStringLiteral("auditors"), QStringLiteral("devops")},
                             QStringLiteral("Add to groups"));
    dialog.show();
    auto *list = dialog.findChild<QListWidget *>(QStringLiteral("namesList"));
    auto *add = dialog.findChild<QPushButton *>(QStringLiteral("addButton"));
    QCOMPARE(add->text(), QStringLiteral("Add to groups"));
    QVERIFY(!add->isEnabled());
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("namesSearchEdit")), QStringLiteral("DEV"));
    QVERIFY(!list->item(0)->isHidden());
    QVERIFY(list->item(1)->isHidden());
    QVERIFY(!list->item(2)->isHidden());
    dialog.setChecked(QStringLiteral("devops"), true);
    QVERIFY(add->isEnabled());
    list->item(0)->setCheckState(Qt::Checked);
    QCOMPARE(dialog.checkedNames(), (QStringList{QStringLiteral("developers"), QStringLiteral("devops")}));
    dialog.setChecked(QStringLiteral("developers"), false);
    dialog.setChecked(QStringLiteral("devops"), false);
    QVERIFY(!add->isEnabled());
}

QTEST_MAIN(tst_ChooseNamesDialog)
#include "tst_ChooseNamesDialog.moc"
