#pragma once

// The policy editor's autocompletion source: asks PolicyCompletions (model/qt) for
// the action names or condition keys that fit the word being typed and the
// element it stands in. Nothing is prepared: QsciAPIs would have to prepare tens
// of thousands of entries (a worker thread and a wait on every editor's start);
// each call here walks one service of the catalog instead.

#include "PolicyCompletions.h"

#include <Qsci/qsciabstractapis.h>

class QsciScintilla;

class PolicyCompletionApis : public QsciAbstractAPIs
{
    Q_OBJECT

public:
    // Becomes `lexer`'s APIs (and a child of it); `editor` is where the cursor is read.
    PolicyCompletionApis(QsciLexer *lexer, QsciScintilla *editor, const iam::ServiceCatalog *catalog);

    void updateAutoCompletionList(const QStringList &context, QStringList &list) override;
    QStringList callTips(const QStringList &context, int commas, QsciScintilla::CallTipsStyle style,
                         QList<int> &shifts) override;

private:
    QsciScintilla *m_editor;
    PolicyCompletions m_completions;
};
