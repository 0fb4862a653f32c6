#pragma once

// A decision's explanation as the decisions panel shows it (rich text): the
// verdict, AWS's reason, the deciding statements as links, the policy types
// consulted in AWS's order, and what failed for the statements that almost applied.
// Statement links are statementUrl()s; parseStatementUrl() reads one back.

#include "DecisionResult.h"

#include <QString>
#include <QUrl>

#include <optional>

struct StatementLink
{
    QString policyId;
    int line = 0;
    int column = 0;
};

QString decisionExplanationHtml(const iam::DecisionExplanation &explanation, const QString &editedPolicySource);

// "statement:?policy=...&line=4&column=3"
QUrl statementUrl(const iam::DecidingStatement &statement);
std::optional<StatementLink> parseStatementUrl(const QUrl &url);
