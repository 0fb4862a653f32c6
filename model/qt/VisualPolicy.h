#pragma once

// The Create policy visual editor's document: statements of one service each,
// with an effect, the service's actions (or all of them), the resources (all, or
// specific ARNs) and request conditions. It converts to and from the policy JSON.
//
//   VisualStatement s;
//   s.service = "s3";
//   s.actions = {"ListBucket"};
//   s.resources = {"arn:aws:s3:::lab-bucket-111122223333"};
//   VisualPolicy policy;
//   policy.statements = {s};
//   policy.toJson();            // the console's four-space JSON
//
//   VisualPolicy::ReadResult read = VisualPolicy::fromJson(editorText);
//   if (!read.policy)
//       banner->setText(read.problem);   // "... uses NotAction, which the visual editor can't show."
//
// fromJson() accepts only what the visual editor can show and write back without
// changing the policy's meaning: no Principal / NotPrincipal, NotAction or
// NotResource; the actions of one service per statement, each named exactly or
// as "<service>:*". For a representable policy, fromJson(toJson(p)) == p.
// Plain values, no catalog needed; any thread.

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

struct VisualCondition
{
    QString operatorName;   // "StringEquals", "Bool", "ArnLike", ...
    QString key;            // "aws:RequestedRegion"
    QStringList values;

    friend bool operator==(const VisualCondition &, const VisualCondition &) = default;
};

struct VisualStatement
{
    QString sid;                 // written when not empty ("VisualEditor0")
    bool allow = true;           // Effect: Allow or Deny
    QString service;             // service prefix, "s3"; empty until one is chosen
    bool allActions = false;     // "s3:*"
    QStringList actions;         // action names without the prefix: "ListBucket"
    bool allResources = false;   // "Resource": "*"
    QStringList resources;       // specific ARNs when not allResources
    QList<VisualCondition> conditions;

    // The Action element's values: {"s3:ListBucket"}, {"s3:*"}, {} with no service.
    QStringList actionNames() const;

    friend bool operator==(const VisualStatement &, const VisualStatement &) = default;
};

struct VisualPolicyRead;

class VisualPolicy
{
public:
    using ReadResult = VisualPolicyRead;

    QString version = QStringLiteral("2012-10-17");
    QString id;            // the optional Id element, kept as read
    QList<VisualStatement> statements;

    // The policy JSON, indented by four spaces, elements in the console's order
    // (Sid, Effect, Action, Resource, Condition); one value is written as a string,
    // several as an array.
    QString toJson() const;
    static ReadResult fromJson(const QString &json);

    // The Sid the console's visual editor gives its statements: "VisualEditor0", ...
    static QString visualEditorSid(int index);

    friend bool operator==(const VisualPolicy &, const VisualPolicy &) = default;
};

// What fromJson() gives: the policy, or why the visual editor can't show it.
struct VisualPolicyRead
{
    std::optional<VisualPolicy> policy;
    QString problem;   // one sentence, when policy is empty
};
