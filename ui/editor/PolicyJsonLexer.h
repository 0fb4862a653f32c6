#pragma once

// QScintilla's JSON lexer with the word characters of IAM names, so that
// "s3:GetObject", "aws:RequestTag/env" and "ec2:*" are one word: autocompletion
// sees the whole name typed so far, and a double-click selects all of it.

#include <Qsci/qscilexerjson.h>

class PolicyJsonLexer : public QsciLexerJSON
{
    Q_OBJECT

public:
    explicit PolicyJsonLexer(QObject *parent = nullptr);

    const char *wordCharacters() const override;
};
