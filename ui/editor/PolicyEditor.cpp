#include "PolicyEditor.h"

#include "Catalogs.h"
#include "ConsoleStyle.h"
#include "PolicyCompletionApis.h"
#include "PolicyFindingsModel.h"
#include "PolicyJsonLexer.h"
#include "ServiceCatalog.h"

#include <Qsci/qsciscintilla.h>

#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using Severity = iam::Diagnostic::Severity;

namespace {

constexpr int kLineNumberMargin = 0;
constexpr int kMarkerMargin = 1;
constexpr int kFoldMargin = 2;

struct SeverityLook
{
    QsciScintilla::MarkerSymbol marker;
    const char *colour;
};

// Indexed by Severity: Error, SecurityWarning, Warning, Suggestion (the console's
// red, its security magenta, amber and blue).
constexpr SeverityLook kLooks[] = {
    {QsciScintilla::Circle, "#d13212"},
    {QsciScintilla::Circle, "#c7254e"},
    {QsciScintilla::RightTriangle, "#e07700"},
    {QsciScintilla::SmallRectangle, "#0073bb"},
};

bool isNameCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-') || c == QLatin1Char('.')
        || c == QLatin1Char('+');
}

// The span to underline for a finding at `index` (0-based) of `line`: the whole
// JSON string or name that starts there, else the one character; a position past
// the end of the line underlines the line's text.
std::pair<int, int> findingSpan(const QString &line, int index)
{
    int length = int(line.size());
    while (length > 0 && (line[length - 1] == QLatin1Char('\n') || line[length - 1] == QLatin1Char('\r')))
        --length;
    if (length == 0)
        return {0, 0};
    if (index >= length) {
        int first = 0;
        while (first < length && line[first].isSpace())
            ++first;
        return {first, length};
    }
    const QChar c = line[index];
    if (c == QLatin1Char('"')) {
        for (int j = index + 1; j < length; ++j) {
            if (line[j] == QLatin1Char('\\'))
                ++j;
            else if (line[j] == QLatin1Char('"'))
                return {index, j + 1};
        }
        return {index, length};
    }
    int end = index;
    while (end < length && isNameCharacter(line[end]))
        ++end;
    return {index, std::max(end, index + 1)};
}

} // namespace

PolicyEditor::PolicyEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("policyEditor"));
    createWidgets();
    connectSignals();
    validateNow();
}

void PolicyEditor::createWidgets()
{
    m_findings = new PolicyFindingsModel(Catalogs::bundled().services, this);

    m_edit = new QsciScintilla(this);
    m_edit->setObjectName(QStringLiteral("jsonEdit"));
    m_edit->setUtf8(true);
    auto *lexer = new PolicyJsonLexer(m_edit);
    m_edit->setLexer(lexer);
    // Completion from the catalog, asked per keystroke: no list to prepare at start.
    new PolicyCompletionApis(lexer, m_edit, Catalogs::bundled().services);
    m_edit->setAutoCompletionSource(QsciScintilla::AcsAPIs);
    m_edit->setAutoCompletionThreshold(2);
    m_edit->setAutoCompletionCaseSensitivity(false);
    m_edit->setAutoCompletionReplaceWord(true);
    m_edit->setAutoCompletionUseSingle(QsciScintilla::AcusNever);

    m_edit->setIndentationsUseTabs(false);
    m_edit->setTabWidth(4);
    m_edit->setAutoIndent(true);
    m_edit->setBraceMatching(QsciScintilla::SloppyBraceMatch);
    m_edit->setCaretLineVisible(true);

    m_edit->setMarginType(kLineNumberMargin, QsciScintilla::NumberMargin);
    m_edit->setMarginLineNumbers(kLineNumberMargin, true);
    m_edit->setMarginWidth(kLineNumberMargin, QStringLiteral("0000"));
    m_edit->setMarginType(kMarkerMargin, QsciScintilla::SymbolMargin);
    m_edit->setMarginWidth(kMarkerMargin, 16);
    m_edit->setFolding(QsciScintilla::BoxedTreeFoldStyle, kFoldMargin);
    defineMarks();
    applyColours();

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("findingsSummary"));

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("findingsView"));
    m_view->setModel(m_findings);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(PolicyFindingsModel::MessageColumn, QHeaderView::Stretch);

    auto *findingsPane = new QWidget(this);
    auto *findingsLayout = new QVBoxLayout(findingsPane);
    findingsLayout->setContentsMargins(0, 4, 0, 0);
    findingsLayout->addWidget(m_summary);
    findingsLayout->addWidget(m_view);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_edit);
    splitter->addWidget(findingsPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
}

void PolicyEditor::connectSignals()
{
    connect(m_edit, &QsciScintilla::textChanged, this, &PolicyEditor::onTextChanged);
    connect(m_debounce, &QTimer::timeout, this, &PolicyEditor::validateNow);
    connect(m_findings, &PolicyFindingsModel::findingsUpdated, this, &PolicyEditor::showFindings);
    connect(m_view, &QTableView::clicked, this, &PolicyEditor::activateFinding);
    connect(m_view, &QTableView::activated, this, &PolicyEditor::activateFinding);
}

void PolicyEditor::defineMarks()
{
    int markerMask = 0;
    for (int i = 0; i < 4; ++i) {
        const QColor colour(QLatin1String(kLooks[i].colour));
        m_markers[i] = m_edit->markerDefine(kLooks[i].marker);
        m_edit->setMarkerBackgroundColor(colour, m_markers[i]);
        m_edit->setMarkerForegroundColor(colour, m_markers[i]);
        markerMask |= 1 << m_markers[i];
        const auto style = Severity(i) == Severity::Suggestion ? QsciScintilla::DotsIndicator
                                                                 : QsciScintilla::SquiggleIndicator;
        m_indicators[i] = m_edit->indicatorDefine(style);
        m_edit->setIndicatorForegroundColor(colour, m_indicators[i]);
    }
    m_edit->setMarginMarkerMask(kMarkerMargin, markerMask);
    m_highlightIndicator = m_edit->indicatorDefine(QsciScintilla::FullBoxIndicator);
    m_edit->setIndicatorDrawUnder(true, m_highlightIndicator);
}

void PolicyEditor::applyColours()
{
    const bool dark = ConsoleStyle::isDark();
    QsciLexer *lexer = m_edit->lexer();
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    lexer->setDefaultFont(mono);
    lexer->setFont(mono);
    m_edit->setMarginsFont(mono);
    const QColor paper(QLatin1String(dark ? "#1a2029" : "#ffffff"));
    const QColor text(QLatin1String(dark ? "#d1d5db" : "#16191f"));
    lexer->setDefaultPaper(paper);
    lexer->setPaper(paper);
    lexer->setDefaultColor(text);
    if (dark) {
        lexer->setColor(text);
        lexer->setColor(QColor(QStringLiteral("#79c0ff")), QsciLexerJSON::Property);
        lexer->setColor(QColor(QStringLiteral("#8fd694")), QsciLexerJSON::String);
        lexer->setColor(QColor(QStringLiteral("#f0a35e")), QsciLexerJSON::Number);
        lexer->setColor(QColor(QStringLiteral("#d2a8ff")), QsciLexerJSON::Keyword);
        lexer->setColor(QColor(QStringLiteral("#ff7b72")), QsciLexerJSON::Error);
        lexer->setColor(QColor(QStringLiteral("#ff7b72")), QsciLexerJSON::UnclosedString);
    }
    m_edit->setMarginsBackgroundColor(QColor(QLatin1String(dark ? "#222b35" : "#f2f3f3")));
    m_edit->setMarginsForegroundColor(QColor(QLatin1String(dark ? "#95a5a6" : "#545b64")));
    m_edit->setFoldMarginColors(QColor(QLatin1String(dark ? "#222b35" : "#f2f3f3")),
                                QColor(QLatin1String(dark ? "#222b35" : "#f2f3f3")));
    m_edit->setCaretForegroundColor(text);
    m_edit->setCaretLineBackgroundColor(QColor(QLatin1String(dark ? "#222b35" : "#f1faff")));
    m_edit->setIndicatorForegroundColor(QColor(dark ? QColor(255, 214, 102, 70) : QColor(255, 200, 0, 90)),
                                        m_highlightIndicator);
}

void PolicyEditor::setPolicyType(iam::PolicyType type)
{
    if (type == m_findings->policyType())
        return;
    m_findings->setPolicyType(type);
    validateNow();
}

iam::PolicyType PolicyEditor::policyType() const
{
    return m_findings->policyType();
}

void PolicyEditor::setText(const QString &text)
{
    m_settingText = true;
    m_edit->setText(text);
    m_settingText = false;
    validateNow();
}

QString PolicyEditor::text() const
{
    return m_edit->text();
}

void PolicyEditor::setReadOnly(bool readOnly)
{
    m_edit->setReadOnly(readOnly);
}

bool PolicyEditor::isReadOnly() const
{
    return m_edit->isReadOnly();
}

void PolicyEditor::onTextChanged()
{
    if (m_settingText)
        return;
    m_debounce->start();
    emit textEdited();
}

void PolicyEditor::validateNow()
{
    m_debounce->stop();
    m_findings->validate(m_edit->text());   // -> showFindings()
}

bool PolicyEditor::isValidationPending() const
{
    return m_debounce->isActive();
}

void PolicyEditor::showFindings()
{
    const int lastLine = std::max(0, m_edit->lines() - 1);
    const int lastIndex = m_edit->lineLength(lastLine);
    for (int i = 0; i < 4; ++i) {
        m_edit->markerDeleteAll(m_markers[i]);
        m_edit->clearIndicatorRange(0, 0, lastLine, lastIndex, m_indicators[i]);
    }
    for (const iam::Diagnostic &finding : m_findings->findings()) {
        const int line = std::clamp(finding.where.line - 1, 0, lastLine);
        const int severity = int(finding.severity);
        m_edit->markerAdd(line, m_markers[severity]);
        const auto [from, to] = findingSpan(m_edit->text(line), std::max(0, finding.where.column - 1));
        if (to > from)
            m_edit->fillIndicatorRange(line, from, line, to, m_indicators[severity]);
    }
    m_summary->setText(m_findings->summary());
    emit findingsUpdated();
}

void PolicyEditor::activateFinding(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    goToPosition(index.data(PolicyFindingsModel::LineRole).toInt(), index.data(PolicyFindingsModel::ColumnRole).toInt());
}

void PolicyEditor::goToPosition(int line, int column)
{
    const int zeroLine = std::clamp(line - 1, 0, std::max(0, m_edit->lines() - 1));
    m_edit->setCursorPosition(zeroLine, std::max(0, column - 1));
    m_edit->ensureLineVisible(zeroLine);
    m_edit->setFocus(Qt::OtherFocusReason);
}

void PolicyEditor::goToLine(int line)
{
    goToPosition(line, 1);
}

void PolicyEditor::highlightRange(int line, int column, int endLine, int endColumn)
{
    // Inclusive 1-based end -> exclusive 0-based index: the same number.
    m_edit->fillIndicatorRange(std::max(0, line - 1), std::max(0, column - 1), std::max(0, endLine - 1),
                               std::max(0, endColumn), m_highlightIndicator);
}

void PolicyEditor::highlightRange(const iam::SourceRange &range)
{
    highlightRange(range.start.line, range.start.column, range.end.line, range.end.column);
}

void PolicyEditor::clearHighlights()
{
    const int lastLine = std::max(0, m_edit->lines() - 1);
    m_edit->clearIndicatorRange(0, 0, lastLine, m_edit->lineLength(lastLine), m_highlightIndicator);
}

int PolicyEditor::markerNumber(Severity severity) const
{
    return m_markers[int(severity)];
}

int PolicyEditor::indicatorNumber(Severity severity) const
{
    return m_indicators[int(severity)];
}
