#include "CreateRoleTagsEditor.h"

#include "RoleDraftValidator.h"
#include "RoleWizardText.h"

#include <QGridLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

CreateRoleTagsEditor::CreateRoleTagsEditor(QWidget *parent)
    : QWidget(parent)
{
    createWidgets();
    relayout();
}

QList<QPair<QString, QString>> CreateRoleTagsEditor::tags() const
{
    QList<QPair<QString, QString>> result;
    for (const Row &row : m_rows) {
        if (!row.key->text().isEmpty() || !row.value->text().isEmpty())
            result.append({row.key->text(), row.value->text()});
    }
    return result;
}

void CreateRoleTagsEditor::createWidgets()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(RoleWizardText::hint(
        tr("Tags are key-value pairs that you can add to AWS resources to help identify, organize, or search for "
           "resources."),
        this));
    m_grid = new QGridLayout;
    m_keyHeader = new QLabel(tr("Key"), this);
    m_valueHeader = new QLabel(tr("Value - optional"), this);
    layout->addLayout(m_grid);
    m_add = new QPushButton(tr("Add new tag"), this);
    m_add->setObjectName(QStringLiteral("addTagButton"));
    layout->addWidget(m_add, 0, Qt::AlignLeft);
    m_remaining = RoleWizardText::hint(QString(), this);
    m_remaining->setObjectName(QStringLiteral("tagsRemainingLabel"));
    layout->addWidget(m_remaining);
    connect(m_add, &QPushButton::clicked, this, &CreateRoleTagsEditor::addRow);
}

void CreateRoleTagsEditor::addRow()
{
    if (m_rows.size() >= RoleDraftValidator::kMaxTags)
        return;
    Row row;
    row.key = new QLineEdit(this);
    row.key->setPlaceholderText(tr("Key"));
    row.value = new QLineEdit(this);
    row.value->setPlaceholderText(tr("Value - optional"));
    row.remove = new QPushButton(tr("Remove"), this);
    connect(row.key, &QLineEdit::textChanged, this, &CreateRoleTagsEditor::changed);
    connect(row.value, &QLineEdit::textChanged, this, &CreateRoleTagsEditor::changed);
    // The row's index changes as rows above it go: find it by its button when clicked.
    QPushButton *remove = row.remove;
    connect(remove, &QPushButton::clicked, this, [this, remove] {
        for (int i = 0; i < m_rows.size(); ++i) {
            if (m_rows[i].remove == remove) {
                removeRow(i);
                return;
            }
        }
    });
    m_rows.append(row);
    relayout();
    row.key->setFocus();
    emit changed();
}

void CreateRoleTagsEditor::removeRow(int index)
{
    if (index < 0 || index >= m_rows.size())
        return;
    const Row row = m_rows.takeAt(index);
    // Deleted later: the click that asked for it is still being delivered to the button.
    row.key->deleteLater();
    row.value->deleteLater();
    row.remove->deleteLater();
    row.key->hide();
    row.value->hide();
    row.remove->hide();
    relayout();
    emit changed();
}

void CreateRoleTagsEditor::relayout()
{
    // The layout items go; the widgets stay and are placed again by their new index.
    while (QLayoutItem *item = m_grid->takeAt(0))
        delete item;
    m_keyHeader->setVisible(!m_rows.isEmpty());
    m_valueHeader->setVisible(!m_rows.isEmpty());
    m_grid->addWidget(m_keyHeader, 0, 0);
    m_grid->addWidget(m_valueHeader, 0, 1);
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows[i];
        row.key->setObjectName(QStringLiteral("tagKeyEdit_%1").arg(i));
        row.value->setObjectName(QStringLiteral("tagValueEdit_%1").arg(i));
        row.remove->setObjectName(QStringLiteral("removeTagButton_%1").arg(i));
        m_grid->addWidget(row.key, i + 1, 0);
        m_grid->addWidget(row.value, i + 1, 1);
        m_grid->addWidget(row.remove, i + 1, 2);
    }
    const int left = RoleDraftValidator::kMaxTags - int(m_rows.size());
    m_add->setEnabled(left > 0);
    m_remaining->setText(left == 1  ? tr("You can add up to 1 more tag.")
                         : left > 0 ? tr("You can add up to %1 more tags.").arg(left)
                                    : tr("You can add up to %1 tags.").arg(RoleDraftValidator::kMaxTags));
}
