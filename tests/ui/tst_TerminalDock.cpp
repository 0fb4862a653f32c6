// The Terminal dock, typed into as a learner would: commands and their output,
// history, Tab completion, "Run on:" the instance, the decision badges and why,
// clearing, Ctrl+C, pasting and copying, and the selector following the account.

#include "TerminalContexts.h"
#include "TerminalDecisionPanel.h"
#include "TerminalDock.h"
#include "TerminalSession.h"
#include "TerminalView.h"
#include "WorkspaceDocument.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTextBrowser>
#include <QTextBlock>
#include <QToolButton>
#include <QtTest>

namespace {

const QString kInstance = QStringLiteral("i-0abc1234def567890");
const QString kLabUserArn = QStringLiteral("arn:aws:iam::111122223333:user/lab-user");

void giveInstanceS3Access(WorkspaceDocument &doc)
{
    const char *trust = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com"}}]})";
    QVERIFY(doc.call("iam", "CreateRole", {{"RoleName", "S3Access"}, {"AssumeRolePolicyDocument", trust}}).ok());
    QVERIFY(doc.call("iam", "AttachRolePolicy",
                     {{"RoleName", "S3Access"}, {"PolicyArn", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"}})
                .ok());
    QVERIFY(doc.call("iam", "CreateInstanceProfile", {{"InstanceProfileName", "S3Access"}}).ok());
    QVERIFY(doc.call("iam", "AddRoleToInstanceProfile", {{"InstanceProfileName", "S3Access"}, {"RoleName", "S3Access"}})
                .ok());
    QVERIFY(doc.call("ec2", "AssociateIamInstanceProfile",
                     {{"InstanceId", kInstance.toStdString()}, {"IamInstanceProfile", {{"Name", "S3Access"}}}})
                .ok());
}

} // namespace

class tst_TerminalDock : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void getCallerIdentityShowsTheCallerJson();
    void historyWithUpAndDown();
    void tabCompletesOneCandidateAndListsSeveral();
    void runningOnTheInstanceChangesPromptAndCaller();
    void deniedCommandShowsBadgeAndWhy();
    void clearButtonCtrlLAndClearCommand();
    void ctrlCAbandonsTheLine();
    void multiLinePasteRunsLineByLine();
    void copyTakesTheTranscriptSelection();
    void selectorFollowsInstancesAndUsers();
    void localUserIsChosenFromTheMenu();
    void commandsLandInTheEventLogAsTerminal();

private:
    void type(const QString &line);
    void enter(const QString &line);
    QString lastLines(int count) const;
    void clickText(const QString &text, bool last = false);

    WorkspaceDocument *m_doc = nullptr;
    TerminalDock *m_dock = nullptr;
    QLineEdit *m_input = nullptr;
    QTextBrowser *m_transcript = nullptr;
    QComboBox *m_context = nullptr;
    QLabel *m_prompt = nullptr;
};

void tst_TerminalDock::init()
{
    m_doc = new WorkspaceDocument(Catalogs::bundled());
    m_dock = new TerminalDock(*m_doc);
    m_dock->resize(1000, 500);
    new QAbstractItemModelTester(m_dock->terminalSession()->contexts(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, m_dock);
    m_dock->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dock));
    QCOMPARE(m_dock->objectName(), QStringLiteral("terminalDock"));
    QCOMPARE(m_dock->windowTitle(), QStringLiteral("Terminal"));
    m_input = m_dock->findChild<QLineEdit *>(QStringLiteral("terminalInput"));
    m_transcript = m_dock->findChild<QTextBrowser *>(QStringLiteral("terminalTranscript"));
    m_context = m_dock->findChild<QComboBox *>(QStringLiteral("terminalContext"));
    m_prompt = m_dock->findChild<QLabel *>(QStringLiteral("terminalPrompt"));
    QVERIFY(m_input && m_transcript && m_context && m_prompt);
    m_input->setFocus();
    QTRY_VERIFY(m_input->hasFocus());
}

void tst_TerminalDock::cleanup()
{
    delete m_dock;
    m_dock = nullptr;
    delete m_doc;
    m_doc = nullptr;
    QVERIFY(QApplication::topLevelWidgets().isEmpty());
}

void tst_TerminalDock::type(const QString &line)
{
    QTest::keyClicks(m_input, line);
}

void tst_TerminalDock::enter(const QString &line)
{
    type(line);
    QTest::keyClick(m_input, Qt::Key_Return);
}

QString tst_TerminalDock::lastLines(int count) const
{
    const QStringList lines = m_transcript->toPlainText().split(QLatin1Char('\n'));
    return lines.mid(std::max(0, int(lines.size()) - count)).join(QLatin1Char('\n'));
}

// Clicks the middle of the first (or last) occurrence of `text` in the transcript.
void tst_TerminalDock::clickText(const QString &text, bool last)
{
    QTextCursor end(m_transcript->document());
    end.movePosition(QTextCursor::End);
    const QTextCursor found = last ? m_transcript->document()->find(text, end, QTextDocument::FindBackward)
                                   : m_transcript->document()->find(text);
    QVERIFY2(!found.isNull(), qPrintable(text));
    QTextCursor middle(m_transcript->document());
    middle.setPosition((found.selectionStart() + found.selectionEnd()) / 2);
    m_transcript->ensureCursorVisible();
    const QPoint point = m_transcript->cursorRect(middle).center();
    QTest::mouseClick(m_transcript->viewport(), Qt::LeftButton, {}, point);
}

void tst_TerminalDock::getCallerIdentityShowsTheCallerJson()
{
    QCOMPARE(m_prompt->text(), QStringLiteral("lab-user@laptop:~$ "));
    QCOMPARE(m_context->currentText(), QStringLiteral("Local machine (lab-user)"));
    enter(QStringLiteral("aws sts get-caller-identity"));
    QVERIFY(m_input->text().isEmpty());
    const QString text = m_transcript->toPlainText();
    QVERIFY2(text.startsWith(QStringLiteral("lab-user@laptop:~$ aws sts get-caller-identity   ✔ allowed\n{")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("\"Arn\": \"%1\"").arg(kLabUserArn)));
    QVERIFY(text.trimmed().endsWith(QLatin1Char('}')));
    QCOMPARE(m_dock->terminalSession()->entries().size(), std::size_t(1));

    // Its badge explains that GetCallerIdentity needs no permission.
    auto *panel = m_dock->findChild<TerminalDecisionPanel *>(QStringLiteral("terminalDecisionPanel"));
    clickText(QStringLiteral("✔ allowed"));
    QTRY_VERIFY(panel->isVisible());
    QVERIFY2(panel->text().contains(QStringLiteral("sts:GetCallerIdentity")), qPrintable(panel->text()));
    QVERIFY(panel->text().contains(QStringLiteral("need no permission")));
}

void tst_TerminalDock::historyWithUpAndDown()
{
    enter(QStringLiteral("aws sts get-caller-identity"));
    enter(QStringLiteral("aws s3 ls"));
    type(QStringLiteral("draft"));
    QTest::keyClick(m_input, Qt::Key_Up);
    QCOMPARE(m_input->text(), QStringLiteral("aws s3 ls"));
    QTest::keyClick(m_input, Qt::Key_Up);
    QCOMPARE(m_input->text(), QStringLiteral("aws sts get-caller-identity"));
    QTest::keyClick(m_input, Qt::Key_Up);
    QCOMPARE(m_input->text(), QStringLiteral("aws sts get-caller-identity"));
    QTest::keyClick(m_input, Qt::Key_Down);
    QCOMPARE(m_input->text(), QStringLiteral("aws s3 ls"));
    QTest::keyClick(m_input, Qt::Key_Down);
    QCOMPARE(m_input->text(), QStringLiteral("draft"));

    // Enter on a recalled line runs it again.
    m_input->clear();
    QTest::keyClick(m_input, Qt::Key_Up);
    QTest::keyClick(m_input, Qt::Key_Return);
    QCOMPARE(m_dock->terminalSession()->entries().size(), std::size_t(3));
    QCOMPARE(m_dock->terminalSession()->entries().back().commandLine, QStringLiteral("aws s3 ls"));
    QCOMPARE(m_dock->terminalSession()->history().size(), 2);
}

void tst_TerminalDock::tabCompletesOneCandidateAndListsSeveral()
{
    type(QStringLiteral("aws sts get-caller-i"));
    QTest::keyClick(m_input, Qt::Key_Tab);
    QCOMPARE(m_input->text(), QStringLiteral("aws sts get-caller-identity "));
    QVERIFY(m_input->hasFocus());   // Tab completes, it does not move the focus

    m_input->clear();
    type(QStringLiteral("aws s"));
    QTest::keyClick(m_input, Qt::Key_Tab);
    QCOMPARE(m_input->text(), QStringLiteral("aws s"));
    // Listed, as bash does: the line typed, then the candidates.
    const QString listed = lastLines(2);
    QVERIFY2(listed.startsWith(QStringLiteral("lab-user@laptop:~$ aws s\n")), qPrintable(listed));
    const QStringList candidates = listed.section(QLatin1Char('\n'), 1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QVERIFY2(candidates.contains(QStringLiteral("s3")) && candidates.contains(QStringLiteral("sts")), qPrintable(listed));
    QVERIFY(m_dock->terminalSession()->entries().empty());
}

void tst_TerminalDock::runningOnTheInstanceChangesPromptAndCaller()
{
    giveInstanceS3Access(*m_doc);
    QCOMPARE(m_context->count(), 2);
    QCOMPARE(m_context->itemText(1), QStringLiteral("EC2 instance i-0abc1234def567890 (lab-instance)"));
    m_context->setCurrentIndex(1);
    QCOMPARE(m_dock->terminalSession()->currentKey(), kInstance);
    QVERIFY2(m_prompt->text().startsWith(QStringLiteral("[ec2-user@ip-")), qPrintable(m_prompt->text()));
    QVERIFY(!m_dock->findChild<QToolButton *>(QStringLiteral("terminalLocalUser"))->isEnabled());

    enter(QStringLiteral("aws sts get-caller-identity"));
    QVERIFY2(m_transcript->toPlainText().contains(QStringLiteral("arn:aws:sts::111122223333:assumed-role/S3Access/")
                                                  + kInstance),
             qPrintable(m_transcript->toPlainText()));
    enter(QStringLiteral("aws s3 ls"));
    QVERIFY(lastLines(1).contains(QStringLiteral("lab-bucket-111122223333")));
    QVERIFY(lastLines(2).startsWith(QStringLiteral("[ec2-user@")));
    QVERIFY(lastLines(2).contains(QStringLiteral("aws s3 ls   ✔ allowed")));
    clickText(QStringLiteral("✔ allowed"), true);
    auto *panel = m_dock->findChild<TerminalDecisionPanel *>(QStringLiteral("terminalDecisionPanel"));
    QTRY_VERIFY(panel->isVisible());
    const QString why = panel->text();
    QVERIFY2(why.contains(QStringLiteral("s3:ListAllMyBuckets Allowed")), qPrintable(why));
    QVERIFY(why.contains(QStringLiteral("arn:aws:sts::111122223333:assumed-role/S3Access/") + kInstance));
    QVERIFY(why.contains(QStringLiteral("AmazonS3ReadOnlyAccess")));   // the deciding statement's policy

    m_context->setCurrentIndex(0);
    QCOMPARE(m_prompt->text(), QStringLiteral("lab-user@laptop:~$ "));
    enter(QStringLiteral("aws sts get-caller-identity"));
    QVERIFY(lastLines(5).contains(kLabUserArn));
}

void tst_TerminalDock::deniedCommandShowsBadgeAndWhy()
{
    enter(QStringLiteral("aws s3 ls"));
    const QString text = m_transcript->toPlainText();
    QVERIFY2(text.startsWith(QStringLiteral("lab-user@laptop:~$ aws s3 ls   ✖ denied\n")), qPrintable(text));
    QVERIFY(text.contains(
        QStringLiteral("An error occurred (AccessDenied) when calling the ListBuckets operation: Access Denied")));

    // stderr reads in another colour than the command.
    const QTextCursor error = m_transcript->document()->find(QStringLiteral("An error occurred"));
    const QTextCursor command = m_transcript->document()->find(QStringLiteral("aws s3 ls"));
    QVERIFY(error.charFormat().foreground().color() != command.charFormat().foreground().color());

    auto *panel = m_dock->findChild<TerminalDecisionPanel *>(QStringLiteral("terminalDecisionPanel"));
    QVERIFY(panel);
    QVERIFY(!panel->isVisible());
    clickText(QStringLiteral("✖ denied"));
    QTRY_VERIFY(panel->isVisible());
    const QString why = panel->text();
    QVERIFY2(why.contains(QStringLiteral("s3:ListBuckets")), qPrintable(why));   // the call
    QVERIFY(why.contains(QStringLiteral("Denied (implicit)")));
    QVERIFY(why.contains(QStringLiteral("User: %1 is not authorized to perform: s3:ListAllMyBuckets").arg(kLabUserArn)));
    QVERIFY(why.contains(kLabUserArn));

    // A command that made no call has no badge.
    enter(QStringLiteral("clear"));
    enter(QStringLiteral("aws nosuchservice"));
    QVERIFY(!m_transcript->toPlainText().contains(QStringLiteral("✔")));
    QVERIFY(!m_transcript->toPlainText().contains(QStringLiteral("✖")));

    panel->findChild<QToolButton *>(QStringLiteral("terminalDecisionClose"))->click();
    QVERIFY(!panel->isVisible());
}

void tst_TerminalDock::clearButtonCtrlLAndClearCommand()
{
    enter(QStringLiteral("aws sts get-caller-identity"));
    QVERIFY(!m_transcript->toPlainText().isEmpty());
    m_dock->findChild<QPushButton *>(QStringLiteral("terminalClear"))->click();
    QVERIFY(m_transcript->toPlainText().isEmpty());

    enter(QStringLiteral("aws sts get-caller-identity"));
    type(QStringLiteral("kept"));
    QTest::keyClick(m_input, Qt::Key_L, Qt::ControlModifier);
    QVERIFY(m_transcript->toPlainText().isEmpty());
    QCOMPARE(m_input->text(), QStringLiteral("kept"));

    m_input->clear();
    enter(QStringLiteral("aws sts get-caller-identity"));
    enter(QStringLiteral("clear"));
    QVERIFY(m_transcript->toPlainText().isEmpty());
    enter(QStringLiteral("aws sts get-caller-identity"));
    QVERIFY(m_transcript->toPlainText().startsWith(QStringLiteral("lab-user@laptop:~$ aws sts get-caller-identity")));
    QCOMPARE(m_dock->terminalSession()->history(),
             (QStringList{QStringLiteral("aws sts get-caller-identity"), QStringLiteral("clear"),
                          QStringLiteral("aws sts get-caller-identity")}));
}

void tst_TerminalDock::ctrlCAbandonsTheLine()
{
    type(QStringLiteral("aws s3"));
    QTest::keyClick(m_input, Qt::Key_C, Qt::ControlModifier);
    QVERIFY(m_input->text().isEmpty());
    QCOMPARE(m_transcript->toPlainText(), QStringLiteral("lab-user@laptop:~$ aws s3^C"));
    QVERIFY(m_dock->terminalSession()->entries().empty());
    QVERIFY(m_dock->terminalSession()->history().isEmpty());
}

void tst_TerminalDock::multiLinePasteRunsLineByLine()
{
    QGuiApplication::clipboard()->setText(QStringLiteral("aws sts get-caller-identity\r\naws s3 ls\naws s3"));
    type(QStringLiteral("  "));
    QTest::keyClick(m_input, Qt::Key_V, Qt::ControlModifier);
    const auto &entries = m_dock->terminalSession()->entries();
    QCOMPARE(entries.size(), std::size_t(2));
    QCOMPARE(entries[0].commandLine, QStringLiteral("  aws sts get-caller-identity"));
    QCOMPARE(entries[1].commandLine, QStringLiteral("aws s3 ls"));
    QCOMPARE(m_input->text(), QStringLiteral("aws s3"));

    // One line goes into the input, where the cursor is.
    m_input->clear();
    QGuiApplication::clipboard()->setText(QStringLiteral("get-caller-identity"));
    type(QStringLiteral("aws sts "));
    QTest::keyClick(m_input, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_input->text(), QStringLiteral("aws sts get-caller-identity"));
    QCOMPARE(entries.size(), std::size_t(2));

    // The input's context menu pastes the terminal's way too.
    m_input->clear();
    QGuiApplication::clipboard()->setText(QStringLiteral("aws s3 ls\n"));
    QContextMenuEvent menuEvent(QContextMenuEvent::Mouse, QPoint(5, 5), m_input->mapToGlobal(QPoint(5, 5)));
    QApplication::sendEvent(m_input, &menuEvent);
    QMenu *menu = nullptr;
    QTRY_VERIFY((menu = m_input->findChild<QMenu *>()) != nullptr);
    auto *pasteAction = menu->findChild<QAction *>(QStringLiteral("edit-paste"));
    QVERIFY(pasteAction);
    pasteAction->trigger();
    menu->close();
    QCOMPARE(entries.size(), std::size_t(3));
    QCOMPARE(entries[2].commandLine, QStringLiteral("aws s3 ls"));
    QVERIFY(m_input->text().isEmpty());
}

void tst_TerminalDock::copyTakesTheTranscriptSelection()
{
    enter(QStringLiteral("aws sts get-caller-identity"));
    QGuiApplication::clipboard()->clear();
    m_transcript->setFocus();
    m_transcript->selectAll();
    QTest::keyClick(m_transcript, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY2(QGuiApplication::clipboard()->text().contains(kLabUserArn), qPrintable(QGuiApplication::clipboard()->text()));

    // Typing with the transcript focused goes to the input line.
    QTest::keyClicks(m_transcript, QStringLiteral("aws"));
    QCOMPARE(m_input->text(), QStringLiteral("aws"));
    QVERIFY(m_input->hasFocus());
}

void tst_TerminalDock::selectorFollowsInstancesAndUsers()
{
    const iam::CallResult launched = m_doc->call(
        "ec2", "RunInstances",
        {{"ImageId", "ami-0abcdef1234567890"}, {"MinCount", 1}, {"MaxCount", 1},
         {"TagSpecifications", {{{"ResourceType", "instance"}, {"Tags", {{{"Key", "Name"}, {"Value", "web"}}}}}}}});
    QVERIFY(launched.ok());
    const std::string id = launched.response["Instances"][0]["InstanceId"].get<std::string>();
    QCOMPARE(m_context->count(), 3);
    QCOMPARE(m_context->itemText(2), QStringLiteral("EC2 instance %1 (web)").arg(QString::fromStdString(id)));

    m_context->setCurrentIndex(2);
    QVERIFY(m_prompt->text().startsWith(QStringLiteral("[ec2-user@")));
    QVERIFY(m_doc->call("ec2", "TerminateInstances", {{"InstanceIds", {id}}}).ok());
    QCOMPARE(m_context->count(), 2);
    QCOMPARE(m_context->currentIndex(), 0);
    QCOMPARE(m_dock->terminalSession()->currentKey(), TerminalContexts::LocalKey);
    QCOMPARE(m_prompt->text(), QStringLiteral("lab-user@laptop:~$ "));

    QVERIFY(m_doc->call("iam", "DeleteUserPolicy", {{"UserName", "lab-user"}, {"PolicyName", "lab-user-self-service"}})
                .ok());
    QVERIFY(m_doc->call("iam", "DeleteUser", {{"UserName", "lab-user"}}).ok());
    QCOMPARE(m_context->itemText(0), QStringLiteral("Local machine (not configured)"));
    QVERIFY(m_doc->call("iam", "CreateUser", {{"UserName", "carol"}}).ok());
    QCOMPARE(m_context->itemText(0), QStringLiteral("Local machine (carol)"));
    QCOMPARE(m_context->currentIndex(), 0);
    QCOMPARE(m_prompt->text(), QStringLiteral("carol@laptop:~$ "));
}

void tst_TerminalDock::localUserIsChosenFromTheMenu()
{
    QVERIFY(m_doc->call("iam", "CreateUser", {{"UserName", "alice"}}).ok());
    auto *button = m_dock->findChild<QToolButton *>(QStringLiteral("terminalLocalUser"));
    QVERIFY(button && button->isEnabled());
    QMenu *menu = button->menu();
    emit menu->aboutToShow();   // the menu lists the account's users as it opens
    auto *alice = menu->findChild<QAction *>(QStringLiteral("terminalUser_alice"));
    auto *labUser = menu->findChild<QAction *>(QStringLiteral("terminalUser_lab-user"));
    QVERIFY(alice && labUser);
    QVERIFY(labUser->isChecked());
    alice->trigger();
    QCOMPARE(m_context->currentText(), QStringLiteral("Local machine (alice)"));
    QCOMPARE(m_prompt->text(), QStringLiteral("alice@laptop:~$ "));
    enter(QStringLiteral("aws sts get-caller-identity"));
    QVERIFY(m_transcript->toPlainText().contains(QStringLiteral("arn:aws:iam::111122223333:user/alice")));
}

void tst_TerminalDock::commandsLandInTheEventLogAsTerminal()
{
    QVERIFY(!m_doc->isModified());
    enter(QStringLiteral("aws sts get-caller-identity"));
    const auto &events = m_doc->account().eventLog().events();
    QVERIFY(!events.empty());
    QCOMPARE(events.back().source, iam::CallSource::Terminal);
    QCOMPARE(events.back().action, std::string("sts:GetCallerIdentity"));
    QCOMPARE(QString::fromStdString(events.back().callerArn), kLabUserArn);
    QVERIFY(m_doc->isModified());
}

QTEST_MAIN(tst_TerminalDock)
#include "tst_TerminalDock.moc"
