#pragma once

// The console's "Policy summary" table as a tree: the sections (Explicit deny,
// Allow, Uncategorized services) at the top, the services of each under it with
// their access level, resource and request condition, and each service's actions
// under the service (the console's service summary). Shown on a policy's
// Permissions tab and on the Create policy wizard's review page.
//
//   PolicySummaryModel summary(Catalogs::bundled().services);
//   summary.setDocument(json);                              // any text; a full reset
//   QModelIndex s3 = summary.findService(QStringLiteral("S3"));
//   summary.index(s3.row(), PolicySummaryModel::AccessLevelColumn, s3.parent()).data();   // "Full: List; Limited: Read"

#include "PolicySummary.h"

#include <QAbstractItemModel>

namespace iam { class ServiceCatalog; }

class PolicySummaryModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { ServiceColumn, AccessLevelColumn, ResourceColumn, ConditionColumn, ColumnCount };
    enum Role {
        SectionRole = Qt::UserRole + 1,   // int(PolicySummaryService::Section), on every row
        PrefixRole,                       // service rows: "s3"
    };

    // `catalog` may be null: every service is then uncategorized.
    explicit PolicySummaryModel(const iam::ServiceCatalog *catalog, QObject *parent = nullptr);

    // Summarizes `json` (a policy document). Text that is not a policy gives no rows
    // and the reason in error().
    void setDocument(const QString &json);
    QString document() const { return m_document; }
    // "policy:1:1: error: ..." when the document could not be read; empty otherwise.
    QString error() const { return m_error; }
    const PolicySummary &summary() const { return m_summary; }

    // The row of a service ("S3") in a section; invalid when absent.
    QModelIndex findService(const QString &service,
                            PolicySummaryService::Section section = PolicySummaryService::Section::Allow) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct SectionRange
    {
        PolicySummaryService::Section section;
        int first = 0;   // into m_summary.services
        int count = 0;
    };

    QVariant sectionData(const SectionRange &range, int column, int role) const;
    QVariant serviceData(const PolicySummaryService &service, int column, int role) const;
    QVariant actionData(const PolicySummaryService &service, int action, int column, int role) const;
    int sectionOfService(int service) const;

    const iam::ServiceCatalog *m_catalog;
    QString m_document;
    QString m_error;
    PolicySummary m_summary;
    QList<SectionRange> m_sections;
};
