#include "ServiceUseCasePanel.h"

#include "RoleUseCases.h"
#include "RoleWizardText.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

namespace {

int indexOf(const QString &service, const QString &name)
{
    const QList<RoleUseCase> &all = RoleUseCases::all();
    for (int i = 0; i < all.size(); ++i) {
        if (all[i].service == service && all[i].name == name)
            return i;
    }
    return -1;
}

} // namespace

ServiceUseCasePanel::ServiceUseCasePanel(QWidget *parent)
    : QWidget(parent)
    , m_group(new QButtonGroup(this))
{
    createWidgets();
    connectSignals();
}

const RoleUseCase *ServiceUseCasePanel::selectedUseCase() const
{
    const QList<RoleUseCase> &all = RoleUseCases::all();
    return m_selected >= 0 && m_selected < all.size() ? &all[m_selected] : nullptr;
}

void ServiceUseCasePanel::createWidgets()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(RoleWizardText::heading(tr("Use case"), this));
    layout->addWidget(RoleWizardText::hint(
        tr("Allow an AWS service like EC2, Lambda, or others to perform actions in this account."), this));

    auto *common = new QLabel(tr("Commonly used services"), this);
    QFont bold = common->font();
    bold.setBold(true);
    common->setFont(bold);
    layout->addWidget(common);
    addUseCaseRadio(indexOf(QStringLiteral("EC2"), QStringLiteral("EC2")), QStringLiteral("ec2UseCaseRadio"), this,
                    layout);
    addUseCaseRadio(indexOf(QStringLiteral("Lambda"), QStringLiteral("Lambda")), QStringLiteral("lambdaUseCaseRadio"),
                    this, layout);

    auto *others = new QLabel(tr("Use cases for other AWS services:"), this);
    others->setFont(bold);
    layout->addSpacing(8);
    layout->addWidget(others);
    m_serviceCombo = new QComboBox(this);
    m_serviceCombo->setObjectName(QStringLiteral("serviceCombo"));
    m_serviceCombo->setEditable(true);
    m_serviceCombo->setInsertPolicy(QComboBox::NoInsert);
    m_serviceCombo->addItems(RoleUseCases::services());
    m_serviceCombo->setCurrentIndex(-1);
    m_serviceCombo->lineEdit()->setPlaceholderText(tr("Choose a service to view use case"));
    // Searchable: typing any part of a service's name offers it.
    m_serviceCombo->completer()->setFilterMode(Qt::MatchContains);
    m_serviceCombo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_serviceCombo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_serviceCombo->setMinimumWidth(320);
    layout->addWidget(m_serviceCombo, 0, Qt::AlignLeft);

    m_useCaseList = new QWidget(this);
    m_useCaseList->setObjectName(QStringLiteral("useCaseList"));
    m_useCaseLayout = new QVBoxLayout(m_useCaseList);
    m_useCaseLayout->setContentsMargins(0, 4, 0, 0);
    m_useCaseList->hide();
    layout->addWidget(m_useCaseList);
    layout->addStretch();
}

void ServiceUseCasePanel::connectSignals()
{
    connect(m_group, &QButtonGroup::idToggled, this, [this](int id, bool checked) {
        if (!checked || id == m_selected)
            return;
        m_selected = id;
        emit changed();
    });
    connect(m_serviceCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            showService(m_serviceCombo->itemText(index));
    });
}

QAbstractButton *ServiceUseCasePanel::addUseCaseRadio(int index, const QString &objectName, QWidget *parent,
                                                      QVBoxLayout *layout)
{
    const RoleUseCase &useCase = RoleUseCases::all().at(index);
    auto *radio = new QRadioButton(useCase.name, parent);
    radio->setObjectName(objectName);
    m_group->addButton(radio, index);
    layout->addWidget(radio);
    QLabel *description = RoleWizardText::hint(useCase.description, parent);
    description->setContentsMargins(22, 0, 0, 4);
    layout->addWidget(description);
    return radio;
}

void ServiceUseCasePanel::showService(const QString &service)
{
    // Drop the previous service's radios; a use case chosen among them is unchosen
    // unless it is also one of the commonly used ones still checked above.
    const int previous = m_selected;
    while (QLayoutItem *item = m_useCaseLayout->takeAt(0)) {
        if (QWidget *widget = item->widget()) {
            if (auto *button = qobject_cast<QAbstractButton *>(widget))
                m_group->removeButton(button);
            delete widget;
        }
        delete item;
    }
    m_selected = m_group->checkedId();

    auto *title = new QLabel(tr("Choose a use case for the specified service."), m_useCaseList);
    m_useCaseLayout->addWidget(title);
    const QList<RoleUseCase> &all = RoleUseCases::all();
    for (int i = 0; i < all.size(); ++i) {
        if (all[i].service != service)
            continue;
        QAbstractButton *radio = addUseCaseRadio(i, QStringLiteral("useCase:") + all[i].name, m_useCaseList,
                                                 m_useCaseLayout);
        // The same use case chosen above stays chosen, now shown in the list.
        if (i == previous)
            radio->setChecked(true);
    }
    m_useCaseList->show();
    if (m_selected != previous)
        emit changed();
}
