// Create policy's Specify permissions page: the live decisions under the editors
// follow the JSON as it is typed, and a selected decision shows its statement.

#include "CreatePolicyWizard.h"
#include "DecisionsModel.h"
#include "DecisionsPanel.h"
#include "PolicyEditor.h"
#include "SpecifyPermissionsPage.h"
#include "WorkspaceDocument.h"

#include <Qsci/qsciscintilla.h>
#include <QAbstractButton>
#include <QTableView>
#include <QSignalSpy>
#include <QtTest>

#include "LiveDecisions.h"

namespace {

const char *const kUserPolicy = R"({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": "ec2:*",
            "Resource": "*"
        },
        {
            "Effect": "Allow",
            "Action": "iam:PassRole",
            "Resource": "arn:aws:iam::111122223333:role/S3Access"
        }
    ]
})";

int rowOf(const DecisionsModel &model, const QString &action)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row, DecisionsModel::ActionColumn).data().toString() == action)
            return row;
    return -1;
}

QString decisionFor(const DecisionsModel &model, const QString &action)
{
    const int row = rowOf(model, action);
    return row < 0 ? QString() : model.index(row, DecisionsModel::DecisionColumn).data().toString();
}

} // namespace

class tst_SpecifyPermissionsPage : public QObject
{
    Q_OBJECT

private slots:
    void decisionsFollowTheJson();
};

// lab-user (the account's first user) gets EC2 from the policy being written:
// ec2:RunInstances turns from an implicit deny to allowed as the JSON is pasted
// (reference_policies_evaluation-logic.md: an identity-based Allow, nothing denies).
void tst_SpecifyPermissionsPage::decisionsFollowTheJson()
{
    WorkspaceDocument doc(Catalogs::bundled());
    CreatePolicyWizard wizard(doc);
    wizard.show();
    wizard.findChild<QAbstractButton *>(QStringLiteral("jsonButton"))->click();
    auto *page = wizard.findChild<SpecifyPermissionsPage *>();
    QVERIFY(page && page->decisionsPanel());
    auto *model = page->decisionsPanel()->findChild<DecisionsModel *>();
    QVERIFY(model);
    QTRY_COMPARE(decisionFor(*model, "ec2:RunInstances"), QStringLiteral("Denied (implicit)"));

    page->jsonEditor()->setText(QString::fromLatin1(kUserPolicy));
    QTRY_COMPARE(decisionFor(*model, "ec2:RunInstances"), QStringLiteral("Allowed"));

    // Selecting the decision puts the cursor on the statement that allowed it (its `{`
    // on line 4, QScintilla's line 3).
    auto *view = page->decisionsPanel()->findChild<QTableView *>(QStringLiteral("decisionsView"));
    QVERIFY(view);
    const int row = rowOf(*model, "ec2:RunInstances");
    QSignalSpy activated(page->decisionsPanel(), &DecisionsPanel::statementActivated);
    view->setFocus();
    view->setCurrentIndex(view->model()->index(row, 0));
    QTRY_VERIFY(activated.count() >= 1);
    QCOMPARE(activated.last().at(0).toString(), page->decisionsPanel()->liveDecisions()->editedPolicySource());
    int line = -1, column = -1;
    QTRY_VERIFY((page->jsonEditor()->textEdit()->getCursorPosition(&line, &column), line == 3));
    // ... and marks the statement, lines 4 to 8, with the editor's highlight indicator.
    QsciScintilla *edit = page->jsonEditor()->textEdit();
    const long inside = edit->positionFromLineIndex(5, 10);
    const long outside = edit->positionFromLineIndex(10, 10);
    const auto highlighted = [&](long position) {
        for (int indicator = 0; indicator < 32; ++indicator)
            if (edit->SendScintilla(QsciScintilla::SCI_INDICATORVALUEAT, indicator, position) != 0)
                return true;
        return false;
    };
    QVERIFY(highlighted(inside));
    QVERIFY(!highlighted(outside));
}

QTEST_MAIN(tst_SpecifyPermissionsPage)
#include "tst_SpecifyPermissionsPage.moc"
