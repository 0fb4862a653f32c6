#include "CreatePrincipalDialog.h"

#include "ConsoleStyle.h"
#include "PrincipalNameRules.h"
#include "WorkspaceDocument.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

CreatePrincipalDialog::CreatePrincipalDialog(WorkspaceDocument &document, PrincipalKind kind, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_kind(kind)
{
    Q_ASSERT(kind != PrincipalKind::Role);
    setObjectName(QStringLiteral("createPrincipalDialog"));
    setWindowTitle(kind == PrincipalKind::User ? tr("Create user") : tr("Create user group"));
    createWidgets();
    connectSignals();
    validate();
}

QString CreatePrincipalDialog::name() const
{
    return m_nameEdit->text().trimmed();
}

void CreatePrincipalDialog::createWidgets()
{
    const bool user = m_kind == PrincipalKind::User;
    auto *label = new QLabel(user ? tr("User name") : tr("User group name"), this);
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameEdit->setPlaceholderText(user ? tr("Enter a user name") : tr("Enter a meaningful name to identify this group."));
    m_nameEdit->setMaxLength(principalNameMaxLength(m_kind) + 1);   // one more, so "too long" can be said
    label->setBuddy(m_nameEdit);
    auto *hint = new QLabel(principalNameHint(m_kind), this);
    hint->setProperty("class", QStringLiteral("muted"));
    hint->setWordWrap(true);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("nameProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #d13212;"));
    m_problem->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(QDialogButtonBox::Cancel);
    m_createButton = buttons->addButton(user ? tr("Create user") : tr("Create user group"), QDialogButtonBox::AcceptRole);
    m_createButton->setObjectName(QStringLiteral("createButton"));
    m_createButton->setDefault(true);
    ConsoleStyle::markPrimary(m_createButton);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_nameEdit);
    layout->addWidget(hint);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(460, sizeHint().height());
}

void CreatePrincipalDialog::connectSignals()
{
    connect(m_nameEdit, &QLineEdit::textChanged, this, &CreatePrincipalDialog::validate);
}

void CreatePrincipalDialog::validate()
{
    const QString name = this->name();
    QString problem = principalNameProblem(m_kind, name);
    const auto entity = m_kind == PrincipalKind::User ? iam::AccountChange::Entity::User : iam::AccountChange::Entity::Group;
    // IAM names are unique case-insensitively.
    if (problem.isEmpty() && m_document.account().nameTaken(entity, name.toStdString()))
        problem = m_kind == PrincipalKind::User ? tr("A user with this name already exists.")
                                                : tr("A user group with this name already exists.");
    // Say nothing about an empty field until something was typed.
    m_problem->setText(name.isEmpty() ? QString() : problem);
    m_problem->setVisible(!m_problem->text().isEmpty());
    m_createButton->setEnabled(problem.isEmpty());
}
