#pragma once

// Where the terminal can run a command, as a list model for the "Run on:" selector:
// first the learner's own machine, configured (`aws configure`) with an IAM user's
// access key, then one row per EC2 instance that is not terminated. Rows update in
// place as users come and go and instances launch, change name or terminate.
//
//   TerminalContexts contexts(document);
//   contexts.keyAt(0);                 // "local": "Local machine (lab-user)"
//   contexts.contextAt(1);             // ShellContext::instance("i-0abc1234def567890")
//   contexts.setLocalUser("alice");    // as if `aws configure` was run with alice's key
//
// The local machine's user is the one picked with setLocalUser() while it exists,
// else lab-user, else the account's first user, else none (never configured).

#include "RowListModel.h"
#include "ShellContext.h"

class TerminalContexts : public RowListModel
{
    Q_OBJECT

public:
    static inline const QString LocalKey = QStringLiteral("local");

    explicit TerminalContexts(WorkspaceDocument &document, QObject *parent = nullptr);

    // The IAM user the local machine's credentials belong to (empty: none).
    QString localUser() const;
    void setLocalUser(const QString &userName);

    // The shell context of a row / key; the local machine's for an unknown key.
    iam::ShellContext contextAt(int row) const;
    iam::ShellContext contextOf(const QString &key) const;
    QString labelOf(const QString &key) const;

protected:
    QStringList headers() const override;
    std::vector<Row> currentRows() const override;
    bool affectedBy(const iam::AccountChange &change) const override;

private:
    QString m_chosenUser;
};
