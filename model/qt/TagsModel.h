#pragma once

// A user's or role's tags, Key and Value, in the order they were added, as the
// Tags tab lists them. Updated in place as tags are added, changed and removed.

#include "PrincipalKind.h"
#include "RowListModel.h"

class TagsModel : public RowListModel
{
    Q_OBJECT

public:
    enum Column { KeyColumn, ValueColumn, ColumnCount };

    // `kind` is User or Role (groups have no tags).
    TagsModel(WorkspaceDocument &document, PrincipalKind kind, const QString &name, QObject *parent = nullptr);

protected:
    QStringList headers() const override;
    std::vector<Row> currentRows() const override;
    bool affectedBy(const iam::AccountChange &change) const override;

private:
    PrincipalKind m_kind;
    QString m_name;
};
