#include "WalkthroughRunner.h"

#include "Authorizer.h"
#include "ConsolePage.h"
#include "CreatePolicyWizard.h"
#include "CreateRoleWizard.h"
#include "EditPolicyDialog.h"
#include "InstanceActions.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "Navigation.h"
#include "PolicyEditor.h"
#include "PolicyPickerModel.h"
#include "SpecifyPermissionsPage.h"
#include "TerminalContexts.h"
#include "TerminalDock.h"
#include "TerminalEntry.h"
#include "TerminalInput.h"
#include "TerminalSession.h"
#include "TerminalView.h"
#include "WorkspaceDocument.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPointer>
#include <QRadioButton>
#include <QTableView>
#include <QThread>
#include <QUndoStack>

namespace {

const char *const kLabInstance = "i-0abc1234def567890";
const char *const kS3AccessArn = "arn:aws:iam::111122223333:role/S3Access";
const char *const kS3ReadOnly = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";
const char *const kUserPolicyArn = "arn:aws:iam::111122223333:policy/IAM-User-Policy";
const char *const kUserPolicy = R"({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": "ec2:*",
            "Resource": "*"
        },
        {
            "Effect": "Allow",
            "Action": "iam:PassRole",
            "Resource": "arn:aws:iam::111122223333:role/S3Access"
        }
    ]
})";

// The same policy without its PassRole statement: the counter-example.
const char *const kUserPolicyWithoutPassRole = R"({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": "ec2:*",
            "Resource": "*"
        }
    ]
})";

template <typename T>
T *child(QObject *root, const char *name)
{
    return root ? root->findChild<T *>(QLatin1String(name)) : nullptr;
}

// Types as a learner would: a key press and release per character, then Enter if asked.
void type(QWidget *widget, const QString &text, bool enter = false)
{
    widget->setFocus();
    for (const QChar c : text) {
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
        QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(c));
        QApplication::sendEvent(widget, &press);
        QApplication::sendEvent(widget, &release);
    }
    if (enter) {
        QKeyEvent press(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r"));
        QApplication::sendEvent(widget, &press);
    }
}

// A line edit is cleared and typed into.
void retype(QLineEdit *edit, const QString &text)
{
    edit->clear();
    type(edit, text);
}

// Checks the policy's box in a PolicyPicker's table, as a click on it would.
bool checkPolicy(QWidget *picker, const QString &search, const QString &arn)
{
    auto *searchEdit = child<QLineEdit>(picker, "policySearchEdit");
    auto *table = child<QTableView>(picker, "policyTable");
    if (!searchEdit || !table)
        return false;
    retype(searchEdit, search);
    QAbstractItemModel *model = table->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, PolicyPickerModel::NameColumn);
        if (index.data(PolicyPickerModel::KeyRole).toString() == arn)
            return model->setData(index, Qt::Checked, Qt::CheckStateRole);
    }
    return false;
}

// The open one: a closed wizard or dialog lingers until its deferred delete, which
// processEvents() does not run at this loop level.
template <typename T>
T *openChild(QObject *root, const QString &name = {})
{
    for (T *candidate : root->findChildren<T *>(name))
        if (candidate->isVisible())
            return candidate;
    return nullptr;
}

// Step 1's choices: AWS service, EC2 among the other services, the use case "EC2".
bool chooseEc2UseCase(QWidget *wizard)
{
    child<QRadioButton>(wizard, "awsServiceRadio")->click();
    auto *services = child<QComboBox>(wizard, "serviceCombo");
    services->setCurrentIndex(services->findText(QStringLiteral("EC2")));
    QWidget *useCases = child<QWidget>(wizard, "useCaseList");
    const QList<QRadioButton *> radios = useCases ? useCases->findChildren<QRadioButton *>() : QList<QRadioButton *>();
    if (radios.isEmpty() || radios.front()->text() != QLatin1String("EC2"))
        return false;
    radios.front()->click();
    return true;
}

} // namespace

WalkthroughRunner::WalkthroughRunner(MainWindow &window, WorkspaceDocument &document, std::ostream &out)
    : m_window(window)
    , m_document(document)
    , m_out(out)
{
}

bool WalkthroughRunner::run(const QString &directory)
{
    m_directory = directory;
    if (!m_directory.isEmpty())
        QDir().mkpath(m_directory);
    m_window.resize(1280, 800);
    m_window.show();
    m_eventsSeen = m_document.account().eventLog().events().size();
    m_out << "IAM Studio walkthrough: How to Use AWS IAM PassRole Permission\n"
          << "Account " << m_document.account().accountId() << ", signed in as "
          << m_document.signedInArn().toStdString() << "\n";
    const bool ok = createRole() && createPolicy() && attachPolicyToUser() && labUserIsRefusedCreateRole()
        && checkDecisions() && modifyIamRoleWithoutPassRole() && modifyIamRole() && listBucketsOnTheInstance()
        && listBucketsOnTheLaptop();
    m_out << (ok ? "Walkthrough finished: every step ended as the seed says.\n"
                 : "Walkthrough stopped: a step did not end as the seed says.\n");
    if (!m_directory.isEmpty())
        m_out << "Screenshots: " << QDir(m_directory).absolutePath().toStdString() << "\n";
    return ok;
}

// "Steps to Create the Role", 1-6.
bool WalkthroughRunner::createRole()
{
    beginStep(QStringLiteral("As the administrator, Roles > Create role; trusted entity: AWS service, use case EC2"));
    m_window.navigation().go(ConsoleLocation::Page::Roles);
    m_window.navigation().createRole();
    auto *wizard = openChild<CreateRoleWizard>(&m_window);
    if (!wizard)
        return endStep(false, QStringLiteral("the Create role wizard did not open"));
    if (!chooseEc2UseCase(wizard))
        return endStep(false, QStringLiteral("EC2 is not the first use case"));
    shoot(wizard, QStringLiteral("select-trusted-entity"));
    if (!endStep(wizard->button(QWizard::NextButton)->isEnabled(), QStringLiteral("Next stays disabled")))
        return false;

    beginStep(QStringLiteral("Add permissions: AmazonS3ReadOnlyAccess"));
    wizard->button(QWizard::NextButton)->click();
    const bool checked = checkPolicy(child<QWidget>(wizard, "policyPicker"), QStringLiteral("AmazonS3ReadOnly"),
                                     QString::fromLatin1(kS3ReadOnly));
    shoot(wizard, QStringLiteral("add-permissions"));
    if (!endStep(checked, QStringLiteral("AmazonS3ReadOnlyAccess is not in the list")))
        return false;

    beginStep(QStringLiteral("Name, review, and create: S3Access; the generated trust policy; Create role"));
    wizard->button(QWizard::NextButton)->click();
    retype(child<QLineEdit>(wizard, "roleNameEdit"), QStringLiteral("S3Access"));
    shoot(wizard, QStringLiteral("name-review-create"));
    wizard->button(QWizard::FinishButton)->click();
    waitFor([&] { return !wizard->isVisible(); });
    shoot(&m_window, QStringLiteral("roles"));
    const iam::Role *role = m_document.account().findRole("S3Access");
    const iam::InstanceProfile *profile = m_document.account().findInstanceProfile("S3Access");
    const bool created = role && role->attachedPolicies == std::vector<std::string>{kS3ReadOnly} && profile
        && profile->role == "S3Access" && role->trustPolicy.find("ec2.amazonaws.com") != std::string::npos;
    return endStep(created, QStringLiteral("role S3Access, its policy or its instance profile is missing"));
}

// "IAM Policy for User", 1-4: the JSON tab, a tag, the name, Create policy.
bool WalkthroughRunner::createPolicy()
{
    beginStep(QStringLiteral("Policies > Create policy; the JSON tab; paste IAM-User-Policy"));
    m_window.navigation().go(ConsoleLocation::Page::Policies);
    m_window.navigation().createPolicy();
    auto *wizard = openChild<CreatePolicyWizard>(&m_window);
    if (!wizard)
        return endStep(false, QStringLiteral("the Create policy wizard did not open"));
    child<QAbstractButton>(wizard, "jsonButton")->click();
    auto *page = wizard->findChild<SpecifyPermissionsPage *>();
    page->jsonEditor()->setText(QString::fromLatin1(kUserPolicy));
    waitFor([&] { return wizard->button(QWizard::NextButton)->isEnabled(); });
    waitFor([] { return false; }, 2 * PolicyEditor::kDebounceMs);   // findings and decisions settle
    shoot(wizard, QStringLiteral("policy-json"));
    if (!endStep(wizard->button(QWizard::NextButton)->isEnabled(), QStringLiteral("the policy has errors")))
        return false;

    beginStep(QStringLiteral("Review and create: name IAM-User-Policy, tag Project=PassRole lab, Create policy"));
    wizard->button(QWizard::NextButton)->click();
    retype(child<QLineEdit>(wizard, "policyNameEdit"), QStringLiteral("IAM-User-Policy"));
    if (auto *addTag = child<QAbstractButton>(wizard, "addTagButton")) {
        addTag->click();
        retype(child<QLineEdit>(wizard, "tagKeyEdit"), QStringLiteral("Project"));
        retype(child<QLineEdit>(wizard, "tagValueEdit"), QStringLiteral("PassRole lab"));
    }
    shoot(wizard, QStringLiteral("policy-review"));
    wizard->button(QWizard::FinishButton)->click();
    waitFor([&] { return !wizard->isVisible(); });
    const iam::ManagedPolicy *policy = m_document.account().findPolicy(kUserPolicyArn);
    return endStep(policy && !policy->tags.empty(), QStringLiteral("IAM-User-Policy was not created with its tag"));
}

// "... and attach this policy to your IAM user": Users > lab-user > Add permissions.
bool WalkthroughRunner::attachPolicyToUser()
{
    beginStep(QStringLiteral("Users > lab-user > Add permissions: IAM-User-Policy"));
    m_window.navigation().go(ConsoleLocation::Page::User, QStringLiteral("lab-user"));
    child<QAbstractButton>(m_window.currentPage(), "addPermissionsButton")->click();
    auto *dialog = openChild<QDialog>(&m_window, QStringLiteral("addPermissionsDialog"));
    if (!dialog || !checkPolicy(child<QWidget>(dialog, "policyPicker"), QStringLiteral("IAM-User"),
                                QString::fromLatin1(kUserPolicyArn)))
        return endStep(false, QStringLiteral("IAM-User-Policy is not offered to attach"));
    shoot(dialog, QStringLiteral("attach-to-lab-user"));
    child<QAbstractButton>(dialog, "addPermissionsButton")->click();
    waitFor([&] { return !dialog->isVisible(); });
    shoot(&m_window, QStringLiteral("lab-user"));
    const iam::User *user = m_document.account().findUser("lab-user");
    const bool attached = user
        && std::find(user->attachedPolicies.begin(), user->attachedPolicies.end(), kUserPolicyArn)
            != user->attachedPolicies.end();
    return endStep(attached, QStringLiteral("lab-user does not have IAM-User-Policy"));
}

// The limited user is not an administrator: Create role is refused with AWS's
// text in the wizard, and nothing is created.
bool WalkthroughRunner::labUserIsRefusedCreateRole()
{
    beginStep(QStringLiteral("Signed in as lab-user, Create role is refused (no iam:CreateRole)"));
    m_document.setSignedIn(iam::CallerIdentity::user("lab-user"));
    m_window.navigation().go(ConsoleLocation::Page::Roles);
    m_window.navigation().createRole();
    auto *wizard = openChild<CreateRoleWizard>(&m_window);
    if (!wizard)
        return endStep(false, QStringLiteral("the Create role wizard did not open"));
    if (!chooseEc2UseCase(wizard))
        return endStep(false, QStringLiteral("EC2 is not the first use case"));
    wizard->button(QWizard::NextButton)->click();
    wizard->button(QWizard::NextButton)->click();
    retype(child<QLineEdit>(wizard, "roleNameEdit"), QStringLiteral("MyOwnRole"));
    wizard->button(QWizard::FinishButton)->click();
    auto *flash = wizard->findChild<MessageBar *>();
    const bool refused = flash && flash->isVisible() && flash->text().contains(QLatin1String("iam:CreateRole"))
        && !m_document.account().findRole("MyOwnRole");
    if (flash)
        m_out << "  console: " << flash->text().toStdString() << "\n";
    shoot(wizard, QStringLiteral("create-role-denied"));
    wizard->reject();
    return endStep(refused, QStringLiteral("Create role was not refused"));
}

// What the seed's last steps rely on, decided by the engine for lab-user.
bool WalkthroughRunner::checkDecisions()
{
    beginStep(QStringLiteral("lab-user's decisions: iam:PassRole on S3Access, s3:ListAllMyBuckets"));
    m_window.navigation().go(ConsoleLocation::Page::User, QStringLiteral("lab-user"));
    const iam::Authorizer authorizer(m_document.account());
    const iam::CallerIdentity labUser = iam::CallerIdentity::user("lab-user");
    const iam::AuthorizationCheck passRole =
        authorizer.authorize(labUser, "iam:PassRole", "arn:aws:iam::111122223333:role/S3Access",
                             {{"iam:PassedToService", {"ec2.amazonaws.com"}}});
    const iam::AuthorizationCheck listBuckets = authorizer.authorize(labUser, "s3:ListAllMyBuckets", "*");
    m_out << "  iam:PassRole on role/S3Access: " << iam::outcomeName(passRole.outcome) << "\n"
          << "  s3:ListAllMyBuckets: " << iam::outcomeName(listBuckets.outcome) << " (" << listBuckets.reason
          << ")\n";
    if (auto *tabs = m_window.currentPage()->findChild<QTabWidget *>(QStringLiteral("tabs"))) {
        tabs->setCurrentIndex(tabs->count() - 1);   // Access decisions
        waitFor([] { return false; }, 600);
    }
    shoot(&m_window, QStringLiteral("lab-user-decisions"));
    return endStep(passRole.allowed() && !listBuckets.allowed(),
                   QStringLiteral("lab-user may not pass S3Access, or may list buckets itself"));
}

// The counter-example the seed implies: EC2 permissions alone do not let a user
// hand a role to an instance. The administrator edits IAM-User-Policy without its
// PassRole statement; lab-user's Modify IAM role is then refused, naming
// iam:PassRole and the role; Undo puts the statement back.
bool WalkthroughRunner::modifyIamRoleWithoutPassRole()
{
    beginStep(QStringLiteral("Counter-example: as the administrator, edit IAM-User-Policy without its iam:PassRole "
                             "statement"));
    m_document.setSignedIn(iam::CallerIdentity::root());
    m_window.navigation().go(ConsoleLocation::Page::Policy, QString::fromLatin1(kUserPolicyArn));
    if (auto *edit = child<QAbstractButton>(m_window.currentPage(), "editButton"))
        edit->click();
    auto *dialog = openChild<EditPolicyDialog>(&m_window);
    if (!dialog)
        return endStep(false, QStringLiteral("Edit policy did not open"));
    child<PolicyEditor>(dialog, "policyEditor")->setText(QString::fromLatin1(kUserPolicyWithoutPassRole));
    child<QAbstractButton>(dialog, "saveChangesButton")->click();
    waitFor([&] { return !dialog->isVisible(); });
    const auto edited = m_document.account().managedPolicyDocument(kUserPolicyArn);
    if (!endStep(edited && edited->find("iam:PassRole") == std::string::npos,
                 QStringLiteral("IAM-User-Policy still grants iam:PassRole")))
        return false;

    beginStep(QStringLiteral("Signed in as lab-user, EC2 > Instances > lab-instance > Actions > Security > Modify IAM "
                             "role: S3Access is refused"));
    m_document.setSignedIn(iam::CallerIdentity::user("lab-user"));
    const QPointer<QDialog> modify = updateInstanceRole();
    auto *flash = modify ? child<MessageBar>(modify, "dialogMessageBar") : nullptr;
    const bool refused = modify && modify->isVisible() && flash && flash->isVisible()
        && flash->text().contains(QLatin1String("iam:PassRole")) && flash->text().contains(QLatin1String(kS3AccessArn))
        && m_document.account().findInstance(kLabInstance)->instanceProfile.empty();
    if (flash)
        m_out << "  console: " << flash->text().toStdString() << "\n";
    shoot(modify, QStringLiteral("modify-iam-role-refused"));
    if (modify)
        modify->reject();
    if (!endStep(refused, QStringLiteral("Modify IAM role was not refused with the PassRole message")))
        return false;

    beginStep(QStringLiteral("As the administrator, Edit > Undo: IAM-User-Policy grants iam:PassRole again"));
    m_document.setSignedIn(iam::CallerIdentity::root());
    m_document.undoStack()->undo();
    const auto restored = m_document.account().managedPolicyDocument(kUserPolicyArn);
    return endStep(restored && restored->find("iam:PassRole") != std::string::npos,
                   QStringLiteral("Undo did not restore the PassRole statement"));
}

// "Attaching the S3Access Role to the EC2 Instance", as lab-user.
bool WalkthroughRunner::modifyIamRole()
{
    beginStep(QStringLiteral("Signed in as lab-user, Modify IAM role on lab-instance: S3Access, Update IAM role"));
    m_document.setSignedIn(iam::CallerIdentity::user("lab-user"));
    const QPointer<QDialog> modify = updateInstanceRole();
    waitFor([&] { return !modify || !modify->isVisible(); });
    if (auto *flash = m_window.currentPage()->messageBar(); flash && flash->isVisible())
        m_out << "  console: " << (flash->title() + QLatin1Char(' ') + flash->text()).trimmed().toStdString() << "\n";
    if (auto *tabs = m_window.currentPage()->findChild<QTabWidget *>()) {
        for (int i = 0; i < tabs->count(); ++i)
            if (tabs->tabText(i) == QLatin1String("Security"))
                tabs->setCurrentIndex(i);
    }
    shoot(&m_window, QStringLiteral("instance-security"));
    const iam::Ec2Instance *instance = m_document.account().findInstance(kLabInstance);
    return endStep(!modify && instance && instance->instanceProfile == "S3Access" && !instance->associationId.empty(),
                   QStringLiteral("Modify IAM role did not leave S3Access on the instance"));
}

// "Verifying the Setup": on the instance, `aws s3 ls` lists the bucket.
bool WalkthroughRunner::listBucketsOnTheInstance()
{
    beginStep(QStringLiteral("Terminal, run on EC2 instance %1: aws s3 ls").arg(QLatin1String(kLabInstance)));
    const TerminalEntry &entry = runInTerminal(QString::fromLatin1(kLabInstance), QStringLiteral("aws s3 ls"));
    shoot(&m_window, QStringLiteral("terminal-instance"));
    return endStep(entry.exitCode == 0 && entry.allowed()
                       && entry.out.contains(QStringLiteral("lab-bucket-%1").arg(
                           QString::fromStdString(m_document.account().accountId()))),
                   QStringLiteral("aws s3 ls on the instance did not list the bucket"));
}

// "... from the IAM account configured on your local machine": access denied.
bool WalkthroughRunner::listBucketsOnTheLaptop()
{
    beginStep(QStringLiteral("Terminal, run on the local machine (lab-user's access key): aws s3 ls"));
    const TerminalEntry &entry = runInTerminal(TerminalContexts::LocalKey, QStringLiteral("aws s3 ls"));
    // Why, as a click on the command's "denied" badge shows it.
    TerminalView *view = m_window.terminal()->view();
    view->showDecision(int(view->session().entries().size()) - 1);
    for (const iam::AuthorizationCheck &check : entry.authorizations)
        m_out << "  why: " << check.notAuthorizedMessage() << "\n";
    shoot(&m_window, QStringLiteral("terminal-laptop"));
    return endStep(entry.exitCode == 254 && !entry.allowed()
                       && entry.err.contains(QLatin1String(
                           "An error occurred (AccessDenied) when calling the ListBuckets operation: Access Denied")),
                   QStringLiteral("aws s3 ls on the laptop was not denied as the seed says"));
}

QPointer<QDialog> WalkthroughRunner::updateInstanceRole()
{
    m_window.navigation().go(ConsoleLocation::Page::Instance, QString::fromLatin1(kLabInstance));
    auto *action = m_window.currentPage()->findChild<QAction *>(QStringLiteral("actionModifyIamRole"));
    if (!action || !action->isEnabled())
        return nullptr;
    action->trigger();
    // It deletes itself once it has closed (accepted).
    const QPointer<QDialog> dialog = openChild<QDialog>(&m_window, QStringLiteral("modifyIamRoleDialog"));
    if (!dialog)
        return nullptr;
    auto *roles = child<QComboBox>(dialog, "iamRoleCombo");
    roles->setCurrentIndex(roles->findText(QStringLiteral("S3Access")));
    shoot(dialog, QStringLiteral("modify-iam-role"));
    child<QAbstractButton>(dialog, "updateIamRoleButton")->click();
    waitFor([] { return false; }, 50);
    return dialog;
}

const TerminalEntry &WalkthroughRunner::runInTerminal(const QString &context, const QString &command)
{
    TerminalDock *terminal = m_window.terminal();
    terminal->show();
    terminal->terminalSession()->setCurrentKey(context);
    type(terminal->view()->input(), command, true);
    const TerminalEntry &entry = terminal->terminalSession()->entries().back();
    m_out << "  " << entry.prompt.toStdString() << entry.commandLine.toStdString() << "\n";
    for (const QString &line : (entry.out + entry.err).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        m_out << "    " << line.toStdString() << "\n";
    m_out << "  (exit " << entry.exitCode << ")\n";
    return entry;
}

void WalkthroughRunner::beginStep(const QString &title)
{
    m_out << "\nStep " << ++m_step << ": " << title.toStdString() << std::endl;
}

bool WalkthroughRunner::endStep(bool ok, const QString &failure)
{
    const std::vector<iam::Event> &events = m_document.account().eventLog().events();
    for (std::size_t i = m_eventsSeen; i < events.size(); ++i) {
        const iam::Event &e = events[i];
        m_out << "  " << (e.allowed ? "allowed " : "DENIED  ") << e.action;
        if (!e.resources.empty())
            m_out << "  " << e.resources.front();
        if (!e.errorCode.empty())
            m_out << "  (" << e.errorCode << ")";
        m_out << "  by " << e.callerArn << "\n";
    }
    m_eventsSeen = events.size();
    m_out << (ok ? "  ok" : "  FAILED: " + failure.toStdString()) << std::endl;
    return ok;
}

void WalkthroughRunner::shoot(QWidget *widget, const QString &name)
{
    if (m_directory.isEmpty() || !widget)
        return;
    QApplication::processEvents();
    const QString path = QDir(m_directory).filePath(QStringLiteral("%1-%2.png").arg(m_step, 2, 10, QLatin1Char('0')).arg(name));
    if (widget->grab().save(path))
        m_out << "  screenshot " << path.toStdString() << "\n";
}

bool WalkthroughRunner::waitFor(const std::function<bool()> &condition, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > ms)
            return false;
        QApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}
