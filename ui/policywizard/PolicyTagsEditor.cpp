#include "PolicyTagsEditor.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

PolicyTagsEditor::PolicyTagsEditor(int maxTags, QWidget *parent)
    : QWidget(parent)
    , m_maxTags(maxTags)
{
    setObjectName(QStringLiteral("tagsEditor"));
    createWidgets();
    updateRemaining();
}

void PolicyTagsEditor::createWidgets()
{
    auto *intro = new QLabel(tr("Tags are key-value pairs that you can add to AWS resources to help identify, "
                                "organize, or search for resources."),
                             this);
    intro->setWordWrap(true);
    intro->setProperty("class", QStringLiteral("muted"));
    m_empty = new QLabel(tr("No tags associated with the resource."), this);
    m_empty->setObjectName(QStringLiteral("noTagsLabel"));
    auto *rowsHost = new QWidget(this);
    m_rowsLayout = new QVBoxLayout(rowsHost);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_add = new QPushButton(tr("Add new tag"), this);
    m_add->setObjectName(QStringLiteral("addTagButton"));
    m_remaining = new QLabel(this);
    m_remaining->setObjectName(QStringLiteral("tagsRemaining"));
    m_remaining->setProperty("class", QStringLiteral("muted"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("tagsError"));
    m_error->setStyleSheet(QStringLiteral("color: #d13212;"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(intro);
    layout->addWidget(m_empty);
    layout->addWidget(rowsHost);
    layout->addWidget(m_error);
    layout->addWidget(m_add, 0, Qt::AlignLeft);
    layout->addWidget(m_remaining);

    connect(m_add, &QPushButton::clicked, this, &PolicyTagsEditor::addRow);
}

void PolicyTagsEditor::addRow()
{
    if (count() >= m_maxTags)
        return;
    Row row;
    row.widget = new QWidget(this);
    row.key = new QLineEdit(row.widget);
    row.key->setObjectName(QStringLiteral("tagKeyEdit"));
    row.key->setPlaceholderText(tr("Enter key"));
    row.value = new QLineEdit(row.widget);
    row.value->setObjectName(QStringLiteral("tagValueEdit"));
    row.value->setPlaceholderText(tr("Enter value - optional"));
    auto *remove = new QPushButton(tr("Remove"), row.widget);
    remove->setObjectName(QStringLiteral("removeTagButton"));
    auto *layout = new QHBoxLayout(row.widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Key"), row.widget));
    layout->addWidget(row.key, 1);
    layout->addWidget(new QLabel(tr("Value"), row.widget));
    layout->addWidget(row.value, 1);
    layout->addWidget(remove);
    m_rowsLayout->addWidget(row.widget);
    m_rows.append(row);

    QWidget *widget = row.widget;
    connect(row.key, &QLineEdit::textChanged, this, &PolicyTagsEditor::changed);
    connect(row.value, &QLineEdit::textChanged, this, &PolicyTagsEditor::changed);
    connect(remove, &QPushButton::clicked, this, [this, widget] { removeRow(widget); });
    row.key->setFocus();
    updateRemaining();
    emit changed();
}

void PolicyTagsEditor::removeRow(QWidget *widget)
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].widget == widget) {
            m_rows.removeAt(i);
            break;
        }
    }
    // Later: the Remove button that was clicked belongs to the row.
    widget->hide();
    widget->deleteLater();
    updateRemaining();
    emit changed();
}

QList<QPair<QString, QString>> PolicyTagsEditor::tags() const
{
    QList<QPair<QString, QString>> tags;
    for (const Row &row : m_rows)
        tags.append({row.key->text(), row.value->text()});
    return tags;
}

void PolicyTagsEditor::setError(const QString &error)
{
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
}

void PolicyTagsEditor::updateRemaining()
{
    const int left = m_maxTags - count();
    m_remaining->setText(tr("You can add up to %1 more tags.").arg(left));
    m_add->setEnabled(left > 0);
    m_empty->setVisible(m_rows.isEmpty());
}
