#pragma once

// The console's JSON policy editor: syntax highlighting, line numbers, the
// validator's findings marked in the margin and underlined in the text as you
// type, listed under the editor (click one to go there), a one-line summary
// ("1 error, 2 warnings"), and autocompletion of action names and condition keys
// from the service catalog.
//
//   auto *editor = new PolicyEditor(this);
//   editor->setPolicyType(iam::PolicyType::Trust);
//   editor->setText(role.trustPolicy);                 // validated at once
//   connect(editor, &PolicyEditor::findingsUpdated, this, [=] {
//       next->setEnabled(!editor->findingsModel()->hasErrors());
//   });
//
// Typing restarts a 150 ms single-shot timer; when it fires the text is validated
// (on this thread: see PolicyFindingsModel.h for the measured cost) and the marks
// and the list are updated in place.

#include "Diagnostic.h"
#include "PolicyDocument.h"

#include <QWidget>

class PolicyFindingsModel;
class QLabel;
class QModelIndex;
class QsciScintilla;
class QTableView;
class QTimer;

class PolicyEditor : public QWidget
{
    Q_OBJECT

public:
    // How long typing must pause before the text is validated again.
    static constexpr int kDebounceMs = 150;

    explicit PolicyEditor(QWidget *parent = nullptr);

    void setPolicyType(iam::PolicyType type);
    iam::PolicyType policyType() const;

    // Replaces the text (not a user edit: no textEdited()) and validates it at once.
    void setText(const QString &text);
    QString text() const;
    void setReadOnly(bool readOnly);
    bool isReadOnly() const;

    PolicyFindingsModel *findingsModel() const { return m_findings; }
    // Validates now instead of at the end of the pause (e.g. before leaving a page).
    void validateNow();
    // Whether text typed since the last validation is still waiting for the timer.
    bool isValidationPending() const;

    // Marks a span (1-based lines and columns, end inclusive), e.g. a deciding
    // statement of the decisions panel; distinct from the findings' squiggles.
    void highlightRange(int line, int column, int endLine, int endColumn);
    void highlightRange(const iam::SourceRange &range);
    void clearHighlights();
    // Puts the cursor at the start of `line` (1-based) and scrolls it into view.
    void goToLine(int line);
    // Puts the cursor at a finding's position and gives the editor the focus.
    void goToPosition(int line, int column);

    // The QScintilla marker and indicator numbers used for each finding type (tests
    // read markersAtLine() against these).
    int markerNumber(iam::Diagnostic::Severity severity) const;
    int indicatorNumber(iam::Diagnostic::Severity severity) const;
    int highlightIndicator() const { return m_highlightIndicator; }

    QsciScintilla *textEdit() const { return m_edit; }

signals:
    // The user changed the text (not setText()).
    void textEdited();
    // The findings were recomputed (after the pause, or after setText()).
    void findingsUpdated();

private:
    void createWidgets();
    void connectSignals();
    void applyColours();
    void defineMarks();
    void onTextChanged();
    void showFindings();
    void activateFinding(const QModelIndex &index);

    QsciScintilla *m_edit = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_view = nullptr;
    PolicyFindingsModel *m_findings = nullptr;
    QTimer *m_debounce = nullptr;
    bool m_settingText = false;
    int m_markers[4] = {-1, -1, -1, -1};      // by Severity
    int m_indicators[4] = {-1, -1, -1, -1};   // by Severity
    int m_highlightIndicator = -1;
};
