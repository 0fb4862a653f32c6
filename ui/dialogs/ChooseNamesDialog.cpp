#include "ChooseNamesDialog.h"

#include "ConsoleStyle.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

ChooseNamesDialog::ChooseNamesDialog(const QString &title, const QString &heading, const QStringList &names,
                                     const QString &acceptText, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("chooseNamesDialog"));
    setWindowTitle(title);
    createWidgets(heading, names, acceptText);
    connectSignals();
    m_addButton->setEnabled(false);
}

QStringList ChooseNamesDialog::checkedNames() const
{
    QStringList names;
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->checkState() == Qt::Checked)
            names << m_list->item(row)->text();
    }
    return names;
}

void ChooseNamesDialog::setChecked(const QString &name, bool checked)
{
    const QList<QListWidgetItem *> items = m_list->findItems(name, Qt::MatchExactly);
    for (QListWidgetItem *item : items)
        item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void ChooseNamesDialog::createWidgets(const QString &heading, const QStringList &names, const QString &acceptText)
{
    auto *headingLabel = new QLabel(heading, this);
    QFont bold = headingLabel->font();
    bold.setBold(true);
    headingLabel->setFont(bold);
    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("namesSearchEdit"));
    m_searchEdit->setPlaceholderText(tr("Search"));
    m_searchEdit->setClearButtonEnabled(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("namesList"));
    for (const QString &name : names) {
        auto *item = new QListWidgetItem(name, m_list);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Unchecked);
    }
    auto *empty = new QLabel(tr("Nothing to add."), this);
    empty->setProperty("class", QStringLiteral("muted"));
    empty->setVisible(names.isEmpty());

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(QDialogButtonBox::Cancel);
    m_addButton = buttons->addButton(acceptText, QDialogButtonBox::AcceptRole);
    m_addButton->setObjectName(QStringLiteral("addButton"));
    ConsoleStyle::markPrimary(m_addButton);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(headingLabel);
    layout->addWidget(m_searchEdit);
    layout->addWidget(m_list, 1);
    layout->addWidget(empty);
    layout->addWidget(buttons);
    resize(460, 420);
}

void ChooseNamesDialog::connectSignals()
{
    connect(m_searchEdit, &QLineEdit::textChanged, this, &ChooseNamesDialog::filter);
    connect(m_list, &QListWidget::itemChanged, this, [this] { m_addButton->setEnabled(!checkedNames().isEmpty()); });
}

void ChooseNamesDialog::filter(const QString &text)
{
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        item->setHidden(!item->text().contains(text, Qt::CaseInsensitive));
    }
}
