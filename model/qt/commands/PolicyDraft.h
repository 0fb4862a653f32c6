#pragma once

// What the Create policy wizard collects; Create policy turns it into one command
// (createPolicyCommand).

#include <QList>
#include <QPair>
#include <QString>

struct PolicyDraft
{
    QString name;
    QString path = QStringLiteral("/");
    QString description;
    QString document;             // the policy JSON
    QList<QPair<QString, QString>> tags;
};
