#pragma once

// The "Summary" panel of a detail page: label above value, in columns, each value
// selectable so an ARN can be copied, as the console lays it out.
//
//   auto *summary = new SummaryBox(this);
//   QLabel *arn = summary->addField(QStringLiteral("summaryArn"), tr("ARN"));
//   arn->setText(...);

#include <QGroupBox>

class QGridLayout;
class QLabel;

class SummaryBox : public QGroupBox
{
    Q_OBJECT

public:
    explicit SummaryBox(QWidget *parent = nullptr, int columns = 3);

    // A new field; returns the label that shows its value (objectName set).
    QLabel *addField(const QString &objectName, const QString &label);

private:
    QGridLayout *m_grid = nullptr;
    int m_columns = 3;
    int m_count = 0;
};
