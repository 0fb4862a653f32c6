#include "PolicyEditor.h"

#include "PolicyFindingsModel.h"

#include <Qsci/qsciscintilla.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using Severity = iam::Diagnostic::Severity;

namespace {

const char *const kUserPolicy = R"({
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Action": "ec2:*", "Resource": "*"},
        {"Effect": "Allow", "Action": "iam:PassRole",
         "Resource": "arn:aws:iam::111122223333:role/S3Access"}
    ]
})";

const char *const kPassRoleStar = R"({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": "iam:PassRole",
            "Resource": "*"
        }
    ]
})";

int rowOfCode(const PolicyFindingsModel &model, const QString &code)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row, PolicyFindingsModel::IssueCodeColumn).data().toString() == code)
            return row;
    return -1;
}

} // namespace

class tst_PolicyEditor : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void objectNamesForTestsAndStyleSheets();
    void typingABadPolicyShowsAnErrorOnItsLine();
    void fixingThePolicyClearsTheFindings();
    void passRoleWithStarIsASecurityWarning();
    void clickingAFindingMovesTheCursorThere();
    void typingIsDebounced();
    void setTextIsNotAnEdit();
    void highlightIsADistinctIndicator();
    void autocompletionOffersCatalogActions();
    void startsFast();

private:
    QsciScintilla *edit() const { return m_editor->findChild<QsciScintilla *>(QStringLiteral("jsonEdit")); }

    PolicyEditor *m_editor = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void tst_PolicyEditor::init()
{
    m_editor = new PolicyEditor;
    m_tester = new QAbstractItemModelTester(m_editor->findingsModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_editor->resize(800, 600);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor));
}

void tst_PolicyEditor::cleanup()
{
    delete m_tester;
    delete m_editor;
    QVERIFY(QApplication::topLevelWidgets().isEmpty());
}

void tst_PolicyEditor::objectNamesForTestsAndStyleSheets()
{
    QCOMPARE(m_editor->objectName(), QStringLiteral("policyEditor"));
    QVERIFY(edit());
    QVERIFY(m_editor->findChild<QTableView *>(QStringLiteral("findingsView")));
    QVERIFY(m_editor->findChild<QLabel *>(QStringLiteral("findingsSummary")));
    QCOMPARE(m_editor->textEdit(), edit());
}

void tst_PolicyEditor::typingABadPolicyShowsAnErrorOnItsLine()
{
    m_editor->setText(QString::fromUtf8(kUserPolicy));
    QCOMPARE(m_editor->findingsModel()->rowCount(), 0);
    // Line 4: drop the comma after "Allow" the way a learner would, with the keyboard.
    edit()->setFocus();
    const int line = 3;   // 0-based
    const int comma = edit()->text(line).indexOf(QStringLiteral("\"Allow\",")) + 7;
    edit()->setCursorPosition(line, comma + 1);
    QTest::keyClick(edit(), Qt::Key_Backspace);
    QCOMPARE(edit()->text(line).indexOf(QStringLiteral("\"Allow\" \"Action\"")) >= 0, true);

    PolicyFindingsModel *findings = m_editor->findingsModel();
    QTRY_VERIFY(findings->hasErrors());
    QCOMPARE(findings->index(0, 0).data(PolicyFindingsModel::FindingTypeRole).toString(), QStringLiteral("ERROR"));
    QCOMPARE(findings->index(0, 0).data().toString(), QStringLiteral("Error"));
    QCOMPARE(findings->index(0, 0).data(PolicyFindingsModel::LineRole).toInt(), 4);
    QCOMPARE(m_editor->findChild<QLabel *>(QStringLiteral("findingsSummary"))->text(), QStringLiteral("1 error"));
    // The margin marks the line of the error (0-based 3), and no other.
    QVERIFY(edit()->markersAtLine(line) & (1u << m_editor->markerNumber(Severity::Error)));
    QCOMPARE(edit()->markersAtLine(line - 1), 0u);
    QCOMPARE(edit()->markersAtLine(line + 1), 0u);
}

void tst_PolicyEditor::fixingThePolicyClearsTheFindings()
{
    m_editor->setText(QStringLiteral("{\"Version\": \"2012-10-17\",\n \"Statement\": [\n  {\"Effect\": \"Allow\" \"Action\": \"s3:ListBucket\", \"Resource\": \"*\"}]}"));
    PolicyFindingsModel *findings = m_editor->findingsModel();
    QVERIFY(findings->hasErrors());
    QVERIFY(edit()->markersAtLine(2) & (1u << m_editor->markerNumber(Severity::Error)));
    // Type the missing comma.
    const int at = edit()->text(2).indexOf(QStringLiteral("\"Allow\"")) + 7;
    edit()->setFocus();
    edit()->setCursorPosition(2, at);
    QTest::keyClicks(edit(), QStringLiteral(","));
    QTRY_COMPARE(findings->rowCount(), 0);
    QCOMPARE(edit()->markersAtLine(2), 0u);
    QCOMPARE(m_editor->findChild<QLabel *>(QStringLiteral("findingsSummary"))->text(), QStringLiteral("No findings"));
}

void tst_PolicyEditor::passRoleWithStarIsASecurityWarning()
{
    edit()->setFocus();
    edit()->selectAll();
    // Typed, not set: goes through the debounce like a paste would.
    edit()->replaceSelectedText(QString::fromUtf8(kPassRoleStar));
    PolicyFindingsModel *findings = m_editor->findingsModel();
    QTRY_VERIFY(rowOfCode(*findings, QStringLiteral("PASS_ROLE_WITH_STAR_IN_RESOURCE")) >= 0);
    const int row = rowOfCode(*findings, QStringLiteral("PASS_ROLE_WITH_STAR_IN_RESOURCE"));
    QCOMPARE(findings->index(row, 0).data(PolicyFindingsModel::FindingTypeRole).toString(), QStringLiteral("SECURITY_WARNING"));
    QCOMPARE(findings->index(row, 0).data().toString(), QStringLiteral("Security"));
    QVERIFY(!findings->hasErrors());
    const int line = findings->index(row, 0).data(PolicyFindingsModel::LineRole).toInt();
    QVERIFY(edit()->markersAtLine(line - 1) & (1u << m_editor->markerNumber(Severity::SecurityWarning)));
    QVERIFY(m_editor->findChild<QLabel *>(QStringLiteral("findingsSummary"))->text().contains(QStringLiteral("1 security warning")));
}

void tst_PolicyEditor::clickingAFindingMovesTheCursorThere()
{
    m_editor->setText(QString::fromUtf8(kPassRoleStar));
    PolicyFindingsModel *findings = m_editor->findingsModel();
    const int row = rowOfCode(*findings, QStringLiteral("PASS_ROLE_WITH_STAR_IN_RESOURCE"));
    QVERIFY(row >= 0);
    const int line = findings->index(row, 0).data(PolicyFindingsModel::LineRole).toInt();
    const int column = findings->index(row, 0).data(PolicyFindingsModel::ColumnRole).toInt();
    QVERIFY(line > 1);
    edit()->setCursorPosition(0, 0);

    auto *view = m_editor->findChild<QTableView *>(QStringLiteral("findingsView"));
    const QModelIndex cell = view->model()->index(row, PolicyFindingsModel::MessageColumn);
    view->scrollTo(cell);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(cell).center());
    int cursorLine = -1, cursorIndex = -1;
    edit()->getCursorPosition(&cursorLine, &cursorIndex);
    QCOMPARE(cursorLine, line - 1);
    QCOMPARE(cursorIndex, column - 1);
    QTRY_VERIFY(edit()->hasFocus());
}

void tst_PolicyEditor::typingIsDebounced()
{
    m_editor->setText(QString::fromUtf8(kUserPolicy));
    QSignalSpy updated(m_editor, &PolicyEditor::findingsUpdated);
    QSignalSpy edited(m_editor, &PolicyEditor::textEdited);
    edit()->setFocus();
    edit()->setCursorPosition(0, 1);
    QTest::keyClicks(edit(), QStringLiteral("xyz"));
    QCOMPARE(edited.count(), 3);
    // Three keystrokes, one validation after the pause.
    QVERIFY(m_editor->isValidationPending());
    QCOMPARE(updated.count(), 0);
    QTRY_COMPARE(updated.count(), 1);
    QVERIFY(m_editor->findingsModel()->hasErrors());
    QTest::qWait(PolicyEditor::kDebounceMs * 2);
    QCOMPARE(updated.count(), 1);
}

void tst_PolicyEditor::setTextIsNotAnEdit()
{
    QSignalSpy edited(m_editor, &PolicyEditor::textEdited);
    QSignalSpy updated(m_editor, &PolicyEditor::findingsUpdated);
    m_editor->setText(QStringLiteral("{"));
    QCOMPARE(edited.count(), 0);
    QCOMPARE(updated.count(), 1);   // validated at once, no timer
    QVERIFY(!m_editor->isValidationPending());
    QVERIFY(m_editor->findingsModel()->hasErrors());
    QCOMPARE(m_editor->text(), QStringLiteral("{"));
    m_editor->setReadOnly(true);
    QVERIFY(m_editor->isReadOnly());
    QVERIFY(edit()->isReadOnly());
}

void tst_PolicyEditor::highlightIsADistinctIndicator()
{
    m_editor->setText(QString::fromUtf8(kPassRoleStar));
    const int indicator = m_editor->highlightIndicator();
    QVERIFY(indicator >= 0);
    for (Severity s : {Severity::Error, Severity::SecurityWarning, Severity::Warning, Severity::Suggestion})
        QVERIFY(m_editor->indicatorNumber(s) != indicator);
    // The statement: lines 4..8.
    m_editor->highlightRange(4, 9, 8, 9);
    const auto at = [&](int line, int index) {
        const long pos = edit()->positionFromLineIndex(line, index);
        return edit()->SendScintilla(QsciScintillaBase::SCI_INDICATORVALUEAT, indicator, pos);
    };
    QVERIFY(at(5, 14) != 0);
    QCOMPARE(at(1, 4), 0L);
    m_editor->clearHighlights();
    QCOMPARE(at(5, 14), 0L);
    m_editor->goToLine(6);
    int line = -1, index = -1;
    edit()->getCursorPosition(&line, &index);
    QCOMPARE(line, 5);
}

void tst_PolicyEditor::autocompletionOffersCatalogActions()
{
    m_editor->setText(QStringLiteral("{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"\"}]}"));
    const int quote = m_editor->text().lastIndexOf(QStringLiteral("\"\"")) + 1;
    edit()->setFocus();
    edit()->setCursorPosition(0, quote);
    QTest::keyClicks(edit(), QStringLiteral("s3:GetObjectT"));
    QTRY_VERIFY(edit()->isListActive());
    // The list holds catalog actions: accepting it completes the name.
    QTest::keyClick(edit(), Qt::Key_Return);
    QVERIFY(m_editor->text().contains(QStringLiteral("\"s3:GetObjectTagging\"")));
}

void tst_PolicyEditor::startsFast()
{
    // The catalog is loaded by init()'s editor; what is measured is the editor itself,
    // completion included (nothing is prepared up front).
    QElapsedTimer timer;
    timer.start();
    auto *second = new PolicyEditor;
    const qint64 elapsed = timer.elapsed();
    delete second;
    qInfo("PolicyEditor construction: %lld ms", elapsed);
    QVERIFY2(elapsed < 500, qPrintable(QString::number(elapsed)));
}

QTEST_MAIN(tst_PolicyEditor)
#include "tst_PolicyEditor.moc"
