// DecisionsPanel, driven as a learner would: pick lab-user, edit IAM-User-Policy,
// read the badges, select a decision to see why, add a Deny and see what changed.

#include "AccountCommands.h"
#include "DecisionExplanationHtml.h"
#include "DecisionsModel.h"
#include "DecisionsPanel.h"
#include "LiveDecisions.h"
#include "WorkspaceDocument.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTextBrowser>
#include <QtTest>

namespace {

const QString kTrust = QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
    "Action": ["sts:AssumeRole"], "Principal": {"Service": ["ec2.amazonaws.com"]}}]})");
// IAM-User-Policy (DESIGN.md, "The PassRole walkthrough"); statement 2 on line 4.
const QString kUserPolicy = QStringLiteral(R"({"Version": "2012-10-17",
 "Statement": [
  {"Effect": "Allow", "Action": "ec2:*", "Resource": "*"},
  {"Effect": "Allow", "Action": "iam:PassRole",
   "Resource": "arn:aws:iam::111122223333:role/S3Access"}]})");
const QString kS3Access = QStringLiteral("arn:aws:iam::111122223333:role/S3Access");
const QString kOther = QStringLiteral("arn:aws:iam::111122223333:role/Other");

void createRole(WorkspaceDocument &doc, const QString &name)
{
    RoleDraft draft;
    draft.name = name;
    draft.trustPolicy = kTrust;
    draft.createInstanceProfile = true;
    if (name == QStringLiteral("S3Access"))
        draft.policyArns = {QStringLiteral("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")};
    QVERIFY(doc.execute(createRoleCommand(doc, draft)).ok);
}

} // namespace

class tst_DecisionsPanel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void choosesAPrincipal();
    void walkthroughBadges();
    void selectingADecisionExplainsIt();
    void denyStatementAndChangeMarks();
    void filterShowsDeniedOnly();
    void explanationLinksActivateStatements();
    void newRolesJoinTheChooser();

private:
    int viewRowOf(const QString &action, const QString &resource) const;
    QString decisionAt(int viewRow) const;
    void chooseLabUser();
    void editUserPolicy();

    WorkspaceDocument *m_doc = nullptr;
    DecisionsPanel *m_panel = nullptr;
    QTableView *m_view = nullptr;
    QTextBrowser *m_explanation = nullptr;
    QComboBox *m_principals = nullptr;
};

void tst_DecisionsPanel::init()
{
    m_doc = new WorkspaceDocument(Catalogs::bundled());
    createRole(*m_doc, QStringLiteral("S3Access"));
    createRole(*m_doc, QStringLiteral("Other"));
    m_panel = new DecisionsPanel(*m_doc);
    m_panel->resize(900, 700);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel));
    new QAbstractItemModelTester(m_panel->liveDecisions()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 m_panel);
    m_view = m_panel->findChild<QTableView *>(QStringLiteral("decisionsView"));
    m_explanation = m_panel->findChild<QTextBrowser *>(QStringLiteral("explanationView"));
    m_principals = m_panel->findChild<QComboBox *>(QStringLiteral("principalCombo"));
    QVERIFY(m_view && m_explanation && m_principals);
    QCOMPARE(m_panel->objectName(), QStringLiteral("decisionsPanel"));
}

void tst_DecisionsPanel::cleanup()
{
    delete m_panel;
    delete m_doc;
    QVERIFY(QApplication::topLevelWidgets().isEmpty());
}

int tst_DecisionsPanel::viewRowOf(const QString &action, const QString &resource) const
{
    const QAbstractItemModel *model = m_view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, DecisionsModel::ActionColumn).data().toString() == action
            && model->index(row, DecisionsModel::ResourceColumn).data().toString() == resource)
            return row;
    }
    return -1;
}

QString tst_DecisionsPanel::decisionAt(int viewRow) const
{
    return m_view->model()->index(viewRow, DecisionsModel::DecisionColumn).data().toString();
}

void tst_DecisionsPanel::chooseLabUser()
{
    // Down from "Signed-in identity" to "User: lab-user", as with the keyboard.
    const int target = m_principals->findText(QStringLiteral("User: lab-user"));
    QVERIFY(target > 0);
    m_principals->setFocus();
    while (m_principals->currentIndex() < target)
        QTest::keyClick(m_principals, Qt::Key_Down);
    QCOMPARE(m_panel->liveDecisions()->principal(), iam::CallerIdentity::user("lab-user"));
}

void tst_DecisionsPanel::editUserPolicy()
{
    chooseLabUser();
    m_panel->setEditedPolicy(kUserPolicy, iam::EditedPolicyPlacement::InlinePolicy, QStringLiteral("IAM-User-Policy"));
    QTRY_VERIFY(!m_panel->liveDecisions()->isBusy());
    QVERIFY(m_view->model()->rowCount() > 500);
}

void tst_DecisionsPanel::choosesAPrincipal()
{
    QVERIFY(m_principals->itemText(0).startsWith(QStringLiteral("Signed-in identity")));
    QVERIFY(m_principals->findText(QStringLiteral("User: lab-user")) > 0);
    QVERIFY(m_principals->findText(QStringLiteral("Role: S3Access")) > 0);
    QVERIFY(m_principals->findText(QStringLiteral("Role: Other")) > 0);
    QVERIFY(m_panel->liveDecisions()->followsSignedIn());
    chooseLabUser();
    QVERIFY(!m_panel->liveDecisions()->followsSignedIn());
    // A principal page sets it in code: the chooser follows.
    m_panel->setPrincipal(PrincipalKind::Role, QStringLiteral("S3Access"));
    QCOMPARE(m_principals->currentText(), QStringLiteral("Role: S3Access"));
    QTRY_VERIFY(!m_panel->liveDecisions()->isBusy());
    // The instance's role lists the buckets.
    QCOMPARE(decisionAt(viewRowOf(QStringLiteral("s3:ListAllMyBuckets"), QStringLiteral("*"))), QStringLiteral("Allowed"));
    m_panel->setPrincipal(PrincipalKind::Role, QStringLiteral("NotYetCreated"));
    QCOMPARE(m_principals->currentText(), QStringLiteral("Role: NotYetCreated (new)"));
}

void tst_DecisionsPanel::walkthroughBadges()
{
    editUserPolicy();
    // IAM-User-Policy lets lab-user pass S3Access and nothing else...
    QCOMPARE(decisionAt(viewRowOf(QStringLiteral("iam:PassRole"), kS3Access)), QStringLiteral("Allowed"));
    QCOMPARE(decisionAt(viewRowOf(QStringLiteral("iam:PassRole"), kOther)), QStringLiteral("Denied (implicit)"));
    // ... and from the user's own machine `aws s3 ls` is still denied.
    QCOMPARE(decisionAt(viewRowOf(QStringLiteral("s3:ListAllMyBuckets"), QStringLiteral("*"))),
             QStringLiteral("Denied (implicit)"));
    QCOMPARE(decisionAt(viewRowOf(QStringLiteral("ec2:AssociateIamInstanceProfile"),
                                  QStringLiteral("arn:aws:ec2:us-east-1:111122223333:instance/i-0abc1234def567890"))),
             QStringLiteral("Allowed"));
    const QLabel *summary = m_panel->findChild<QLabel *>(QStringLiteral("decisionsSummaryLabel"));
    QVERIFY2(summary->text().contains(QStringLiteral("denied")), qPrintable(summary->text()));
}

void tst_DecisionsPanel::selectingADecisionExplainsIt()
{
    editUserPolicy();
    QSignalSpy activated(m_panel, &DecisionsPanel::statementActivated);
    const int row = viewRowOf(QStringLiteral("iam:PassRole"), kS3Access);
    const QModelIndex index = m_view->model()->index(row, DecisionsModel::ActionColumn);
    m_view->scrollTo(index);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, m_view->visualRect(index).center());
    QCOMPARE(m_view->currentIndex().row(), row);

    const QString text = m_explanation->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("Deciding statements")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Allow statement in user/lab-user inline policy IAM-User-Policy (the policy being edited), line 4")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Policy types consulted")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Identity-based policies: 1 statement allows")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("iam:PassedToService")), qPrintable(text));
    // The editor is told where the deciding statement is.
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().at(0).toString(), QStringLiteral("user/lab-user inline policy IAM-User-Policy"));
    QCOMPARE(activated.first().at(1).toInt(), 4);
    QCOMPARE(activated.first().at(2).toInt(), 3);

    // Passing Other: nothing decides; the PassRole statement almost applied.
    const QModelIndex other = m_view->model()->index(viewRowOf(QStringLiteral("iam:PassRole"), kOther), 0);
    m_view->scrollTo(other);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, m_view->visualRect(other).center());
    const QString denied = m_explanation->toPlainText();
    QVERIFY2(denied.contains(QStringLiteral("because no identity-based policy allows the iam:PassRole action")),
             qPrintable(denied));
    QVERIFY2(denied.contains(QStringLiteral("Almost applied")), qPrintable(denied));
    QVERIFY2(denied.contains(QStringLiteral("its Resource does not cover the resource")), qPrintable(denied));
    QVERIFY2(denied.contains(kOther + QStringLiteral(" is not in Resource ") + kS3Access), qPrintable(denied));
    QCOMPARE(activated.count(), 1);   // no deciding statement to show
}

void tst_DecisionsPanel::denyStatementAndChangeMarks()
{
    editUserPolicy();
    const DecisionsModel &model = *m_panel->liveDecisions()->model();
    QCOMPARE(model.changedCount(), 0);
    // The learner adds a Deny for passing any role.
    QString withDeny = kUserPolicy;
    withDeny.replace(QStringLiteral("role/S3Access\"}]}"),
                     QStringLiteral("role/S3Access\"},\n  {\"Sid\": \"NoPassing\", \"Effect\": \"Deny\", "
                                    "\"Action\": \"iam:PassRole\", \"Resource\": \"*\"}]}"));
    QVERIFY(withDeny != kUserPolicy);
    m_panel->setPolicyText(withDeny);
    QTRY_COMPARE(decisionAt(viewRowOf(QStringLiteral("iam:PassRole"), kS3Access)), QStringLiteral("Denied (explicit)"));
    QTRY_VERIFY(!m_panel->liveDecisions()->isBusy());
    const int s3Access = viewRowOf(QStringLiteral("iam:PassRole"), kS3Access);
    const int other = viewRowOf(QStringLiteral("iam:PassRole"), kOther);
    QCOMPARE(decisionAt(other), QStringLiteral("Denied (explicit)"));
    // Both PassRole rows changed; nothing else did.
    QCOMPARE(m_view->model()->index(s3Access, DecisionsModel::ChangedColumn).data().toString(), QStringLiteral("Changed"));
    QVERIFY(m_view->model()->index(other, 0).data(DecisionsModel::ChangedRole).toBool());
    QCOMPARE(model.changedCount(), 2);
    const QLabel *summary = m_panel->findChild<QLabel *>(QStringLiteral("decisionsSummaryLabel"));
    QVERIFY2(summary->text().contains(QStringLiteral("2 changed since the last edit")), qPrintable(summary->text()));

    // Select it: the Deny statement (line 6) decides.
    const QModelIndex index = m_view->model()->index(s3Access, 0);
    m_view->scrollTo(index);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, m_view->visualRect(index).center());
    const QString text = m_explanation->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("Deny statement NoPassing in user/lab-user inline policy IAM-User-Policy (the policy being edited), line 6")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("with an explicit deny in an identity-based policy")), qPrintable(text));

    // A malformed edit keeps the decisions and says so.
    m_panel->setPolicyText(withDeny.left(40));
    const QLabel *status = m_panel->findChild<QLabel *>(QStringLiteral("decisionsStatusLabel"));
    QTRY_VERIFY(status->isVisible());
    QVERIFY2(status->text().contains(QStringLiteral("The policy has errors")), qPrintable(status->text()));
    QCOMPARE(decisionAt(viewRowOf(QStringLiteral("iam:PassRole"), kS3Access)), QStringLiteral("Denied (explicit)"));
}

void tst_DecisionsPanel::filterShowsDeniedOnly()
{
    editUserPolicy();
    const int all = m_view->model()->rowCount();
    QComboBox *filter = m_panel->findChild<QComboBox *>(QStringLiteral("decisionFilterCombo"));
    filter->setCurrentIndex(filter->findText(QStringLiteral("Denied")));
    const int denied = m_view->model()->rowCount();
    QVERIFY(denied > 0 && denied < all);
    for (int row = 0; row < denied; ++row)
        QVERIFY(decisionAt(row).startsWith(QStringLiteral("Denied")));
    QVERIFY(viewRowOf(QStringLiteral("iam:PassRole"), kOther) >= 0);
    QCOMPARE(viewRowOf(QStringLiteral("iam:PassRole"), kS3Access), -1);
    filter->setCurrentIndex(filter->findText(QStringLiteral("Allowed")));
    QCOMPARE(m_view->model()->rowCount(), all - denied);
    // A filtered row maps back to its decision.
    const int row = viewRowOf(QStringLiteral("iam:PassRole"), kS3Access);
    QCOMPARE(m_panel->liveDecisions()->model()->rowAt(m_panel->modelRow(row)).resource, kS3Access.toStdString());
}

void tst_DecisionsPanel::explanationLinksActivateStatements()
{
    editUserPolicy();
    QSignalSpy activated(m_panel, &DecisionsPanel::statementActivated);
    iam::DecidingStatement statement;
    statement.policy = "user/lab-user inline policy IAM-User-Policy";
    statement.line = 4;
    statement.column = 3;
    const QUrl url = statementUrl(statement);
    QVERIFY(m_explanation->toHtml().isEmpty() == false);
    emit m_explanation->anchorClicked(url);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().at(0).toString(), QString::fromStdString(statement.policy));
    QCOMPARE(activated.first().at(1).toInt(), 4);
    QCOMPARE(activated.first().at(2).toInt(), 3);
    emit m_explanation->anchorClicked(QUrl(QStringLiteral("https://docs.aws.amazon.com/")));
    QCOMPARE(activated.count(), 1);
}

void tst_DecisionsPanel::newRolesJoinTheChooser()
{
    QCOMPARE(m_principals->findText(QStringLiteral("Role: Third")), -1);
    createRole(*m_doc, QStringLiteral("Third"));
    QVERIFY(m_principals->findText(QStringLiteral("Role: Third")) > 0);
    QVERIFY(m_principals->currentText().startsWith(QStringLiteral("Signed-in identity (root)")));
    m_doc->setSignedIn(iam::CallerIdentity::user("lab-user"));
    QCOMPARE(m_principals->currentText(), QStringLiteral("Signed-in identity (lab-user)"));
}

QTEST_MAIN(tst_DecisionsPanel)
#include "tst_DecisionsPanel.moc"
