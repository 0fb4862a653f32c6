#include "PolicyJsonLexer.h"

PolicyJsonLexer::PolicyJsonLexer(QObject *parent)
    : QsciLexerJSON(parent)
{
}

const char *PolicyJsonLexer::wordCharacters() const
{
    // Letters, digits and the characters of action names and condition keys
    // (`:` between service and name, `-` in keys like s3:x-amz-acl, `/` before a
    // tag key, `*` in action wildcards). Not `"`: a word ends at the quote.
    return "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_:-/*.${}";
}
