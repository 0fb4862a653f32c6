#pragma once

// Who can sign in to the console: the account's root user (the administrator of
// the walkthrough) first, then every IAM user in creation order. The identity
// switcher shows it; the chosen row is the caller of every console action.

#include "CallerIdentity.h"

#include <QAbstractListModel>

#include <string>
#include <vector>

namespace iam { struct AccountChange; }
class WorkspaceDocument;

class IdentitiesModel : public QAbstractListModel
{
    Q_OBJECT

public:
    explicit IdentitiesModel(WorkspaceDocument &document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    iam::CallerIdentity identityAt(int row) const;
    // The row of `identity`, or -1 (a deleted user, a role session).
    int rowOf(const iam::CallerIdentity &identity) const;

private:
    void onEntityChanged(const iam::AccountChange &change);
    void reload();

    WorkspaceDocument &m_document;
    std::vector<std::string> m_users;   // row - 1
};
