#pragma once

// A managed policy's "Policy versions" tab: "Version 2 (Default)" and its creation
// time, newest first as IAM lists them. A customer-managed policy's versions follow
// the account in place (a new version is a row inserted, a new default a
// dataChanged); an AWS-managed policy shows the one version the catalog knows, its
// default.

#include <QAbstractTableModel>

#include <string>
#include <vector>

namespace iam { struct AccountChange; }
class WorkspaceDocument;

class PolicyVersionsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { VersionColumn, CreatedColumn, ColumnCount };
    enum Role {
        VersionIdRole = Qt::UserRole + 1,   // "v2"
        DefaultRole,                        // bool
    };

    PolicyVersionsModel(WorkspaceDocument &document, const QString &policyArn, QObject *parent = nullptr);

    QString versionIdAt(int row) const;
    bool isDefaultAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Version
    {
        std::string id;
        std::string created;
        bool isDefault = false;
    };

    std::vector<Version> currentVersions() const;
    void onEntityChanged(const iam::AccountChange &change);
    void reload();
    void update(const std::vector<Version> &wanted);

    WorkspaceDocument &m_document;
    QString m_arn;
    std::vector<Version> m_rows;
};
