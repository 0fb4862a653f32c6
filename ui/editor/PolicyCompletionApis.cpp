#include "PolicyCompletionApis.h"

#include <Qsci/qsciscintilla.h>

PolicyCompletionApis::PolicyCompletionApis(QsciLexer *lexer, QsciScintilla *editor,
                                           const iam::ServiceCatalog *catalog)
    : QsciAbstractAPIs(lexer)
    , m_editor(editor)
    , m_completions(catalog)
{
}

void PolicyCompletionApis::updateAutoCompletionList(const QStringList &context, QStringList &list)
{
    if (context.isEmpty())
        return;
    int line = 0, index = 0;
    m_editor->getCursorPosition(&line, &index);
    const int cursor = m_editor->positionFromLineIndex(line, index);
    const auto where = PolicyCompletions::contextAt(m_editor->text(0, cursor));
    list << m_completions.complete(where, context.last());
}

QStringList PolicyCompletionApis::callTips(const QStringList &, int, QsciScintilla::CallTipsStyle, QList<int> &)
{
    return {};
}
