// Create role, clicked through as a learner would: the walkthrough's "Steps to Create
// the Role" 1-6 as the administrator, the same steps refused for lab-user, the role
// name rules, a custom trust policy, an AWS account with an external ID, Cancel.
// The account is checked afterwards, and undo / redo of the created role.

#include "CreateRolePermissionsPage.h"
#include "CreateRoleReviewPage.h"
#include "CreateRoleWizard.h"
#include "MessageBar.h"
#include "PolicyEditor.h"
#include "PolicyPickerModel.h"
#include "WorkspaceDocument.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QTableWidget>
#include <QUndoStack>
#include <QtTest>

#include <Qsci/qsciscintilla.h>

namespace {

const QString kS3ReadOnly = QStringLiteral("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
const QString kSsmCore = QStringLiteral("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore");
const QString kEc2Description = QStringLiteral("Allows EC2 instances to call AWS services on your behalf.");

// DESIGN.md, "The PassRole walkthrough".
const QByteArray kEc2Trust = R"({"Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": ["sts:AssumeRole"],
                   "Principal": {"Service": ["ec2.amazonaws.com"]}}]})";

template <typename T>
T *find(const QWidget &parent, const QString &name)
{
    T *child = parent.findChild<T *>(name);
    if (!child)
        qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return child;
}

QJsonObject parsed(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

QAbstractButton *next(CreateRoleWizard &wizard)
{
    return wizard.button(QWizard::NextButton);
}

QAbstractButton *createRole(CreateRoleWizard &wizard)
{
    return wizard.button(QWizard::FinishButton);
}

} // namespace

class tst_CreateRoleWizard : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void consoleWording();
    void nextWaitsForAUseCase();
    void walkthroughStepsOneToSix();
    void deniedForLabUser();
    void nameRules_data();
    void nameRules();
    void policyPreviewShowsTheDocument();
    void useCaseSuggestionsAreCheckedAndSwapped();
    void editGoesBackAndKeepsInput();
    void customTrustPolicy();
    void anotherAccountWithExternalId();
    void webIdentityGoogle();
    void samlFederation();
    void openForDeletesItselfWhenClosed();
    void tagsAndBoundaryReachTheRole();
    void fiftyTagsAtMost();
    void cancelLeavesNoTrace();

private:
    // Step 1: AWS service, EC2 from "Use cases for other AWS services", use case "EC2".
    void chooseEc2UseCase(CreateRoleWizard &wizard);
    // Step 2: search the policy list and check the only match.
    void checkPolicy(CreateRoleWizard &wizard, const QString &search, const QString &arn);
    // Steps 1-5 of the walkthrough, ending on Name, review, and create named `name`.
    void fillWalkthrough(CreateRoleWizard &wizard, const QString &name);
};

void tst_CreateRoleWizard::cleanup()
{
    QTRY_VERIFY(QApplication::topLevelWidgets().isEmpty());
}

void tst_CreateRoleWizard::chooseEc2UseCase(CreateRoleWizard &wizard)
{
    QCOMPARE(wizard.currentId(), int(CreateRoleWizard::TrustedEntityPage));
    auto *service = find<QRadioButton>(wizard, "awsServiceRadio");
    QVERIFY(service);
    service->click();
    QVERIFY(service->isChecked());
    auto *combo = find<QComboBox>(wizard, "serviceCombo");
    QVERIFY(combo);
    // Searchable: type the service's name and press Enter.
    combo->lineEdit()->clear();
    QTest::keyClicks(combo->lineEdit(), "EC2");
    QTest::keyClick(combo->lineEdit(), Qt::Key_Return);
    QCOMPARE(combo->currentText(), QStringLiteral("EC2"));
    auto *list = find<QWidget>(wizard, "useCaseList");
    QVERIFY(list);
    QVERIFY(list->isVisibleTo(&wizard));
    const QList<QRadioButton *> useCases = list->findChildren<QRadioButton *>();
    QVERIFY(useCases.size() >= 3);
    QCOMPARE(useCases.front()->text(), QStringLiteral("EC2"));
    QCOMPARE(useCases.at(1)->text(), QStringLiteral("EC2 Role for AWS Systems Manager"));
    const QList<QLabel *> descriptions = list->findChildren<QLabel *>();
    QVERIFY(std::any_of(descriptions.begin(), descriptions.end(),
                        [](const QLabel *label) { return label->text() == kEc2Description; }));
    useCases.front()->click();
    QVERIFY(next(wizard)->isEnabled());
}

void tst_CreateRoleWizard::checkPolicy(CreateRoleWizard &wizard, const QString &search, const QString &arn)
{
    QCOMPARE(wizard.currentId(), int(CreateRoleWizard::PermissionsPage));
    auto *searchEdit = find<QLineEdit>(wizard, "policySearchEdit");
    auto *table = find<QTableView>(wizard, "policyTable");
    QVERIFY(searchEdit && table);
    searchEdit->clear();
    QTest::keyClicks(searchEdit, search);
    QTRY_COMPARE(table->model()->rowCount(), 1);
    const QModelIndex match = table->model()->index(0, PolicyPickerModel::NameColumn);
    QCOMPARE(match.data(PolicyPickerModel::KeyRole).toString(), arn);
    table->setCurrentIndex(match);
    QTest::keyClick(table, Qt::Key_Space);   // the row's checkbox
    QCOMPARE(match.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
}

void tst_CreateRoleWizard::fillWalkthrough(CreateRoleWizard &wizard, const QString &name)
{
    chooseEc2UseCase(wizard);
    next(wizard)->click();
    checkPolicy(wizard, QStringLiteral("AmazonS3ReadOnly"), kS3ReadOnly);
    auto *count = find<QLabel>(wizard, "policyCountLabel");
    QVERIFY(count);
    QVERIFY2(count->text().startsWith(QStringLiteral("Permissions policies (Selected 1/")), qPrintable(count->text()));
    next(wizard)->click();
    QCOMPARE(wizard.currentId(), int(CreateRoleWizard::ReviewPage));
    auto *nameEdit = find<QLineEdit>(wizard, "roleNameEdit");
    QVERIFY(nameEdit);
    QTest::keyClicks(nameEdit, name);
}

void tst_CreateRoleWizard::consoleWording()
{
    WorkspaceDocument doc(Catalogs::bundled());
    CreateRoleWizard wizard(doc);
    wizard.show();
    QCOMPARE(wizard.currentPage()->title(), QStringLiteral("Select trusted entity"));
    QCOMPARE(wizard.page(CreateRoleWizard::PermissionsPage)->title(), QStringLiteral("Add permissions"));
    QCOMPARE(wizard.page(CreateRoleWizard::ReviewPage)->title(), QStringLiteral("Name, review, and create"));
    QCOMPARE(createRole(wizard)->text(), QStringLiteral("Create role"));
    QCOMPARE(createRole(wizard)->property("primary").toBool(), true);
    const QStringList radios = {"awsServiceRadio", "awsAccountRadio", "webIdentityRadio", "samlRadio",
                                "customTrustPolicyRadio"};
    const QStringList titles = {"AWS service", "AWS account", "Web identity", "SAML 2.0 federation",
                                "Custom trust policy"};
    for (int i = 0; i < radios.size(); ++i) {
        auto *radio = find<QRadioButton>(wizard, radios[i]);
        QVERIFY(radio);
        QCOMPARE(radio->text(), titles[i]);
    }
    // The console opens on AWS service, with EC2 first among the commonly used services.
    QVERIFY(find<QRadioButton>(wizard, "awsServiceRadio")->isChecked());
    auto *ec2 = find<QRadioButton>(wizard, "ec2UseCaseRadio");
    auto *lambda = find<QRadioButton>(wizard, "lambdaUseCaseRadio");
    QVERIFY(ec2 && lambda);
    QVERIFY(ec2->y() < lambda->y());
    QCOMPARE(find<QComboBox>(wizard, "serviceCombo")->findText("EC2"), 0);
    QCOMPARE(find<QComboBox>(wizard, "serviceCombo")->findText("Lambda"), 1);
}

void tst_CreateRoleWizard::nextWaitsForAUseCase()
{
    WorkspaceDocument doc(Catalogs::bundled());
    CreateRoleWizard wizard(doc);
    wizard.show();
    QVERIFY(!next(wizard)->isEnabled());
    find<QRadioButton>(wizard, "lambdaUseCaseRadio")->click();
    QVERIFY(next(wizard)->isEnabled());
    // The common EC2 radio is the same use case as "EC2" in EC2's list.
    find<QRadioButton>(wizard, "ec2UseCaseRadio")->click();
    next(wizard)->click();
    QCOMPARE(wizard.currentId(), int(CreateRoleWizard::PermissionsPage));
    QVERIFY(wizard.draft().createInstanceProfile);
    QCOMPARE(parsed(wizard.draft().trustPolicy.toUtf8()), parsed(kEc2Trust));
}

void tst_CreateRoleWizard::walkthroughStepsOneToSix()
{
    WorkspaceDocument doc(Catalogs::bundled());
    const int undoCount = doc.undoStack()->count();
    CreateRoleWizard wizard(doc);
    QSignalSpy created(&wizard, &CreateRoleWizard::roleCreated);
    wizard.show();
    fillWalkthrough(wizard, QStringLiteral("S3Access"));

    // The review: description prefilled from the use case, the generated trust policy.
    auto *description = find<QPlainTextEdit>(wizard, "descriptionEdit");
    QVERIFY(description);
    QCOMPARE(description->toPlainText(), kEc2Description);
    auto *trust = find<QPlainTextEdit>(wizard, "trustPolicyView");
    QVERIFY(trust);
    QVERIFY(trust->isReadOnly());
    QVERIFY(trust->toPlainText().contains(QStringLiteral("ec2.amazonaws.com")));
    QVERIFY(trust->toPlainText().contains(QStringLiteral("sts:AssumeRole")));
    QVERIFY(trust->toPlainText().contains(QStringLiteral("\n    \"Statement\": [\n")));   // 4-space indent
    auto *summary = find<QTableWidget>(wizard, "permissionsSummaryTable");
    QVERIFY(summary);
    QCOMPARE(summary->rowCount(), 1);
    QCOMPARE(summary->item(0, 0)->text(), QStringLiteral("AmazonS3ReadOnlyAccess"));
    QCOMPARE(summary->item(0, 1)->text(), QStringLiteral("AWS managed"));
    QCOMPARE(summary->item(0, 2)->text(), QStringLiteral("Permissions policy"));

    QVERIFY(createRole(wizard)->isEnabled());
    createRole(wizard)->click();
    QTRY_VERIFY(!wizard.isVisible());
    QCOMPARE(wizard.result(), int(QDialog::Accepted));
    QCOMPARE(created.count(), 1);
    QCOMPARE(created.front().front().toString(), QStringLiteral("S3Access"));

    // The account: the role with the console's trust policy, the policy, the instance profile.
    const iam::Account &account = doc.account();
    const iam::Role *role = account.findRole("S3Access");
    QVERIFY(role);
    QCOMPARE(parsed(QByteArray::fromStdString(role->trustPolicy)), parsed(kEc2Trust));
    QCOMPARE(QString::fromStdString(role->description), kEc2Description);
    QCOMPARE(role->attachedPolicies, std::vector<std::string>{kS3ReadOnly.toStdString()});
    const iam::InstanceProfile *profile = account.findInstanceProfile("S3Access");
    QVERIFY(profile);
    QCOMPARE(profile->role, std::string("S3Access"));
    QCOMPARE(doc.undoStack()->count(), undoCount + 1);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Create role S3Access"));

    // One undo step takes both away; redo brings them back as they were.
    const std::string roleId = role->id;
    const std::string profileId = profile->id;
    doc.undoStack()->undo();
    QVERIFY(!doc.account().findRole("S3Access"));
    QVERIFY(!doc.account().findInstanceProfile("S3Access"));
    doc.undoStack()->redo();
    QVERIFY(doc.account().findRole("S3Access"));
    QVERIFY(doc.account().findInstanceProfile("S3Access"));
    QCOMPARE(doc.account().findRole("S3Access")->id, roleId);
    QCOMPARE(doc.account().findInstanceProfile("S3Access")->id, profileId);
    QCOMPARE(doc.account().findRole("S3Access")->attachedPolicies.size(), std::size_t(1));
}

void tst_CreateRoleWizard::deniedForLabUser()
{
    WorkspaceDocument doc(Catalogs::bundled());
    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));
    const int undoCount = doc.undoStack()->count();
    const std::size_t roles = doc.account().roles().size();
    const std::size_t profiles = doc.account().instanceProfiles().size();
    CreateRoleWizard wizard(doc);
    QSignalSpy created(&wizard, &CreateRoleWizard::roleCreated);
    wizard.show();
    fillWalkthrough(wizard, QStringLiteral("S3Access"));
    auto *flash = wizard.reviewPage()->messageBar();
    QVERIFY(!flash->isVisible());
    createRole(wizard)->click();

    // The console's red flash with AWS's text; the wizard stays on the review.
    QTRY_VERIFY(flash->isVisible());
    QCOMPARE(flash->kind(), MessageBar::Kind::Error);
    QCOMPARE(flash->title(), QStringLiteral("Failed to create role S3Access"));
    QVERIFY2(flash->text().contains(QStringLiteral("is not authorized to perform: iam:CreateRole")),
             qPrintable(flash->text()));
    QVERIFY2(flash->text().contains(QStringLiteral("user/lab-user")), qPrintable(flash->text()));
    QVERIFY(wizard.isVisible());
    QCOMPARE(wizard.currentId(), int(CreateRoleWizard::ReviewPage));
    QCOMPARE(created.count(), 0);

    // Nothing was created, nothing to undo.
    QVERIFY(!doc.account().findRole("S3Access"));
    QVERIFY(!doc.account().findInstanceProfile("S3Access"));
    QCOMPARE(doc.account().roles().size(), roles);
    QCOMPARE(doc.account().instanceProfiles().size(), profiles);
    QCOMPARE(doc.undoStack()->count(), undoCount);
    wizard.reject();
}

void tst_CreateRoleWizard::nameRules_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("hint");
    const QString constraint = QStringLiteral("Maximum 64 characters. Use alphanumeric and '+=,.@-_' characters.");
    QTest::newRow("empty") << "" << false << constraint;
    QTest::newRow("64-characters") << QString(64, QLatin1Char('a')) << true << constraint;
    QTest::newRow("65-characters") << QString(65, QLatin1Char('a')) << false << constraint;
    QTest::newRow("space-and-bang") << "bad name!" << false << constraint;
    QTest::newRow("existing-other-case") << "EXISTINGROLE" << false << "Role with name EXISTINGROLE already exists.";
    QTest::newRow("allowed-punctuation") << "S3Access+=,.@-_" << true << constraint;
}

void tst_CreateRoleWizard::nameRules()
{
    QFETCH(QString, name);
    QFETCH(bool, accepted);
    QFETCH(QString, hint);
    WorkspaceDocument doc(Catalogs::bundled());
    {
        // A role to clash with: made through the wizard itself.
        CreateRoleWizard first(doc);
        first.show();
        fillWalkthrough(first, QStringLiteral("ExistingRole"));
        createRole(first)->click();
        QTRY_VERIFY(!first.isVisible());
        QVERIFY(doc.account().findRole("ExistingRole"));
    }
    CreateRoleWizard wizard(doc);
    wizard.show();
    fillWalkthrough(wizard, name);
    auto *hintLabel = find<QLabel>(wizard, "roleNameHint");
    QVERIFY(hintLabel);
    QCOMPARE(hintLabel->text(), hint);
    QCOMPARE(createRole(wizard)->isEnabled(), accepted);
    // Shown as an error (red) only when something wrong was typed.
    QCOMPARE(hintLabel->styleSheet().contains(QStringLiteral("#d13212")), !accepted && !name.isEmpty());
    // Pressing Create role anyway changes nothing.
    const int undoCount = doc.undoStack()->count();
    if (!accepted) {
        createRole(wizard)->click();
        QCOMPARE(doc.undoStack()->count(), undoCount);
        QVERIFY(wizard.isVisible());
    }
    wizard.reject();
}

void tst_CreateRoleWizard::policyPreviewShowsTheDocument()
{
    WorkspaceDocument doc(Catalogs::bundled());
    CreateRoleWizard wizard(doc);
    wizard.show();
    chooseEc2UseCase(wizard);
    next(wizard)->click();
    checkPolicy(wizard, QStringLiteral("AmazonS3ReadOnly"), kS3ReadOnly);
    auto *preview = find<QPlainTextEdit>(wizard, "policyPreview");
    QVERIFY(preview);
    QVERIFY(preview->isReadOnly());
    const QString text = preview->toPlainText();
    const std::optional<std::string> document = doc.account().managedPolicyDocument(kS3ReadOnly.toStdString());
    QVERIFY(document);
    QCOMPARE(parsed(text.toUtf8()), parsed(QByteArray::fromStdString(*document)));
    QVERIFY2(text.startsWith(QStringLiteral("{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [")),
             qPrintable(text.left(80)));

    // The type filter: customer managed shows none in a new account.
    auto *filter = find<QComboBox>(wizard, "policyTypeFilter");
    auto *table = find<QTableView>(wizard, "policyTable");
    QVERIFY(filter && table);
    QCOMPARE(filter->itemText(0), QStringLiteral("All types"));
    find<QLineEdit>(wizard, "policySearchEdit")->clear();
    filter->setCurrentIndex(filter->findText(QStringLiteral("Customer managed")));
    QCOMPARE(table->model()->rowCount(), 0);
    filter->setCurrentIndex(filter->findText(QStringLiteral("AWS managed - job function")));
    QVERIFY(table->model()->rowCount() > 0);
    wizard.reject();
}

void tst_CreateRoleWizard::useCaseSuggestionsAreCheckedAndSwapped()
{
    WorkspaceDocument doc(Catalogs::bundled());
    CreateRoleWizard wizard(doc);
    wizard.show();
    chooseEc2UseCase(wizard);
    auto *ssm = find<QRadioButton>(wizard, "useCase:EC2 Role for AWS Systems Manager");
    QVERIFY(ssm);
    ssm->click();
    next(wizard)->click();
    PolicyPickerModel *model = wizard.permissionsPage()->findChild<PolicyPickerModel *>();
    QVERIFY(model);
    QCOMPARE(model->checkedPolicyArns(), QStringList{kSsmCore});
    checkPolicy(wizard, QStringLiteral("AmazonS3ReadOnly"), kS3ReadOnly);

    // Back to the plain EC2 use case: its (no) suggestion replaces SSM's; the user's pick stays.
    wizard.back();
    find<QRadioButton>(wizard, "ec2UseCaseRadio")->click();
    next(wizard)->click();
    QCOMPARE(model->checkedPolicyArns(), QStringList{kS3ReadOnly});
    wizard.reject();
}

void tst_CreateRoleWizard::editGoesBackAndKeepsInput()
{
    WorkspaceDocument doc(Catalogs::bundled());
    CreateRoleWizard wizard(doc);
    wizard.show();
    fillWalkthrough(wizard, QStringLiteral("S3Access"));
    find<QPushButton>(wizard, "editPermissionsButton")->click();
    QCOMPARE(wizard.currentId(), int(CreateRoleWizard::PermissionsPage));
    QCOMPARE(wizard.permissionsPage()->findChild<PolicyPickerModel *>()->checkedPolicyArns(), QStringList{kS3ReadOnly});
    next(wizard)->click();
    QCOMPARE(find<QLineEdit>(wizard, "roleNameEdit")->text(), QStringLiteral("S3Access"));
    find<QPushButton>(wizard, "editTrustedEntityButton")->click();
    QCOMPARE(wizard.currentId(), int(CreateRoleWizard::TrustedEntityPage));
    QVERIFY(next(wizard)->isEnabled());   // the use case is still chosen
    wizard.reject();
}

void tst_CreateRoleWizard::customTrustPolicy()
{
    WorkspaceDocument doc(Catalogs::bundled());
    CreateRoleWizard wizard(doc);
    wizard.show();
    find<QRadioButton>(wizard, "customTrustPolicyRadio")->click();
    auto *editor = find<PolicyEditor>(wizard, "customTrustPolicyEditor");
    QVERIFY(editor);
    QVERIFY(editor->isVisibleTo(&wizard));
    // The console's skeleton: one statement, an empty principal to fill in.
    const QJsonObject skeleton = parsed(editor->text().toUtf8());
    QCOMPARE(skeleton.value("Statement").toArray().at(0).toObject().value("Principal").toObject(), QJsonObject());

    // Not JSON: Next waits.
    editor->textEdit()->setText(QStringLiteral("{\"Version\": \"2012-10-17\", \"Statement\": ["));
    QTRY_VERIFY(!next(wizard)->isEnabled());
    const QString lambdaTrust = QStringLiteral(
        "{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {\n            \"Effect\": \"Allow\",\n"
        "            \"Principal\": {\"Service\": \"lambda.amazonaws.com\"},\n"
        "            \"Action\": \"sts:AssumeRole\"\n        }\n    ]\n}");
    editor->textEdit()->setText(lambdaTrust);
    QTRY_VERIFY(next(wizard)->isEnabled());
    next(wizard)->click();
    QCOMPARE(wizard.currentId(), int(CreateRoleWizard::PermissionsPage));
    next(wizard)->click();
    // No use case: no description suggested; the policy as written, read-only here.
    QCOMPARE(find<QPlainTextEdit>(wizard, "descriptionEdit")->toPlainText(), QString());
    auto *trust = find<QPlainTextEdit>(wizard, "trustPolicyView");
    QCOMPARE(trust->toPlainText(), lambdaTrust);
    QVERIFY(trust->isReadOnly());
    QTest::keyClicks(find<QLineEdit>(wizard, "roleNameEdit"), "LambdaCustom");
    createRole(wizard)->click();
    QTRY_VERIFY(!wizard.isVisible());
    const iam::Role *role = doc.account().findRole("LambdaCustom");
    QVERIFY(role);
    QCOMPARE(QString::fromStdString(role->trustPolicy), lambdaTrust);
    QVERIFY(role->attachedPolicies.empty());
    // Not EC2's: no instance profile.
    QVERIFY(!doc.account().findInstanceProfile("LambdaCustom"));
}

void tst_CreateRoleWizard::anotherAccountWithExternalId()
{
    WorkspaceDocument doc(Catalogs::bundled());
    CreateRoleWizard wizard(doc);
    wizard.show();
    find<QRadioButton>(wizard, "awsAccountRadio")->click();
    auto *thisAccount = find<QRadioButton>(wizard, "thisAccountRadio");
    QVERIFY(thisAccount);
    QCOMPARE(thisAccount->text(), QStringLiteral("This account (111122223333)"));
    QVERIFY(next(wizard)->isEnabled());
    find<QRadioButton>(wizard, "anotherAccountRadio")->click();
    QVERIFY(!next(wizard)->isEnabled());
    QTest::keyClicks(find<QLineEdit>(wizard, "accountIdEdit"), "444455556666");
    QVERIFY(next(wizard)->isEnabled());
    find<QCheckBox>(wizard, "requireExternalIdCheck")->click();
    QVERIFY(!next(wizard)->isEnabled());   // the external ID is required once asked for
    QTest::keyClicks(find<QLineEdit>(wizard, "externalIdEdit"), "Unique-ID-42");
    QVERIFY(next(wizard)->isEnabled());
    next(wizard)->click();
    next(wizard)->click();

    const QJsonObject statement = parsed(find<QPlainTextEdit>(wizard, "trustPolicyView")->toPlainText().toUtf8())
                                      .value("Statement").toArray().at(0).toObject();
    const QJsonObject principal{{"AWS", "arn:aws:iam::444455556666:root"}};
    const QJsonObject condition{{"StringEquals", QJsonObject{{"sts:ExternalId", "Unique-ID-42"}}}};
    QCOMPARE(statement.value("Principal").toObject(), principal);
    QCOMPARE(statement.value("Action").toString(), QStringLiteral("sts:AssumeRole"));
    QCOMPARE(statement.value("Condition").toObject(), condition);

    QTest::keyClicks(find<QLineEdit>(wizard, "roleNameEdit"), "PartnerAccess");
    createRole(wizard)->click();
    QTRY_VERIFY(!wizard.isVisible());
    const iam::Role *role = doc.account().findRole("PartnerAccess");
    QVERIFY(role);
    const QJsonObject stored = parsed(QByteArray::fromStdString(role->trustPolicy));
    QCOMPARE(stored.value("Statement").toArray().at(0).toObject().value("Condition").toObject(), condition);
    QVERIFY(!doc.account().findInstanceProfile("PartnerAccess"));
}

void tst_CreateRoleWizard::webIdentityGoogle()
{
    WorkspaceDocument doc(Catalogs::bundled());
    CreateRoleWizard wizard(doc);
    wizard.show();
    find<QRadioButton>(wizard, "webIdentityRadio")->click();
    auto *provider = find<QComboBox>(wizard, "identityProviderCombo");
    QVERIFY(provider);
    QCOMPARE(provider->itemText(0), QStringLiteral("Amazon Cognito"));
    provider->setCurrentIndex(provider->findText(QStringLiteral("Google")));
    QCOMPARE(find<QLabel>(wizard, "audienceLabel")->text(), QStringLiteral("Audience"));
    QVERIFY(!next(wizard)->isEnabled());
    QTest::keyClicks(find<QLineEdit>(wizard, "audienceEdit"), "666777888999000");
    QVERIFY(next(wizard)->isEnabled());
    next(wizard)->click();
    const QJsonObject statement =
        parsed(wizard.draft().trustPolicy.toUtf8()).value("Statement").toArray().at(0).toObject();
    const QJsonObject principal{{"Federated", "accounts.google.com"}};
    const QJsonObject condition{{"StringEquals", QJsonObject{{"accounts.google.com:aud", "666777888999000"}}}};
    QCOMPARE(statement.value("Action").toString(), QStringLiteral("sts:AssumeRoleWithWebIdentity"));
    QCOMPARE(statement.value("Principal").toObject(), principal);
    QCOMPARE(statement.value("Condition").toObject(), condition);
    QVERIFY(!wizard.draft().createInstanceProfile);
    wizard.reject();
}

void tst_CreateRoleWizard::samlFederation()
{
    WorkspaceDocument doc(Catalogs::bundled());
    CreateRoleWizard wizard(doc);
    wizard.show();
    find<QRadioButton>(wizard, "samlRadio")->click();
    QVERIFY(find<QRadioButton>(wizard, "samlConsoleRadio")->isChecked());
    QVERIFY(!next(wizard)->isEnabled());
    QTest::keyClicks(find<QLineEdit>(wizard, "samlProviderEdit"), "arn:aws:iam::111122223333:saml-provider/ExampleIdP");
    QVERIFY(next(wizard)->isEnabled());
    // Programmatic access only needs an attribute value.
    find<QRadioButton>(wizard, "samlProgrammaticRadio")->click();
    QVERIFY(!next(wizard)->isEnabled());
    find<QRadioButton>(wizard, "samlConsoleRadio")->click();
    next(wizard)->click();
    const QJsonObject statement =
        parsed(wizard.draft().trustPolicy.toUtf8()).value("Statement").toArray().at(0).toObject();
    const QJsonObject condition{{"StringEquals", QJsonObject{{"SAML:aud", "https://signin.aws.amazon.com/saml"}}}};
    QCOMPARE(statement.value("Action").toString(), QStringLiteral("sts:AssumeRoleWithSAML"));
    QCOMPARE(statement.value("Condition").toObject(), condition);
    wizard.reject();
}

void tst_CreateRoleWizard::openForDeletesItselfWhenClosed()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QWidget window;
    window.show();
    QPointer<CreateRoleWizard> wizard = CreateRoleWizard::openFor(doc, &window);
    QVERIFY(wizard);
    QVERIFY(wizard->isVisible());
    QCOMPARE(wizard->windowModality(), Qt::WindowModal);
    wizard->button(QWizard::CancelButton)->click();
    QTRY_VERIFY(wizard.isNull());
}

void tst_CreateRoleWizard::tagsAndBoundaryReachTheRole()
{
    WorkspaceDocument doc(Catalogs::bundled());
    CreateRoleWizard wizard(doc);
    wizard.show();
    chooseEc2UseCase(wizard);
    next(wizard)->click();
    checkPolicy(wizard, QStringLiteral("AmazonS3ReadOnly"), kS3ReadOnly);
    // Set permissions boundary - optional: asked for, a policy is required.
    find<QAbstractButton>(wizard, "permissionsBoundaryToggle")->click();
    find<QRadioButton>(wizard, "useBoundaryRadio")->click();
    QVERIFY(!next(wizard)->isEnabled());
    auto *boundary = find<QComboBox>(wizard, "boundaryCombo");
    boundary->setCurrentIndex(boundary->findText(QStringLiteral("AmazonS3FullAccess")));
    QVERIFY(next(wizard)->isEnabled());
    next(wizard)->click();

    auto *summary = find<QTableWidget>(wizard, "permissionsSummaryTable");
    QCOMPARE(summary->rowCount(), 2);
    QCOMPARE(summary->item(1, 2)->text(), QStringLiteral("Permissions boundary"));
    QTest::keyClicks(find<QLineEdit>(wizard, "roleNameEdit"), "Tagged");
    find<QPushButton>(wizard, "addTagButton")->click();
    QTest::keyClicks(find<QLineEdit>(wizard, "tagKeyEdit_0"), "project");
    QTest::keyClicks(find<QLineEdit>(wizard, "tagValueEdit_0"), "lab 1");
    find<QPushButton>(wizard, "addTagButton")->click();
    QTest::keyClicks(find<QLineEdit>(wizard, "tagKeyEdit_1"), "Project");   // a duplicate key
    QVERIFY(!createRole(wizard)->isEnabled());
    find<QPushButton>(wizard, "removeTagButton_1")->click();
    QTRY_VERIFY(createRole(wizard)->isEnabled());
    createRole(wizard)->click();
    QTRY_VERIFY(!wizard.isVisible());
    const iam::Role *role = doc.account().findRole("Tagged");
    QVERIFY(role);
    QCOMPARE(role->tags, (std::vector<iam::Tag>{{"project", "lab 1"}}));
    QCOMPARE(role->permissionsBoundary, std::string("arn:aws:iam::aws:policy/AmazonS3FullAccess"));
}

void tst_CreateRoleWizard::fiftyTagsAtMost()
{
    WorkspaceDocument doc(Catalogs::bundled());
    CreateRoleWizard wizard(doc);
    wizard.show();
    fillWalkthrough(wizard, QStringLiteral("ManyTags"));
    auto *add = find<QPushButton>(wizard, "addTagButton");
    auto *remaining = find<QLabel>(wizard, "tagsRemainingLabel");
    QVERIFY(add && remaining);
    QCOMPARE(remaining->text(), QStringLiteral("You can add up to 50 more tags."));
    for (int i = 0; i < 50; ++i) {
        QVERIFY(add->isEnabled());
        add->click();
        QTest::keyClicks(find<QLineEdit>(wizard, QStringLiteral("tagKeyEdit_%1").arg(i)), QStringLiteral("k%1").arg(i));
    }
    QVERIFY(!add->isEnabled());
    QCOMPARE(remaining->text(), QStringLiteral("You can add up to 50 tags."));
    createRole(wizard)->click();
    QTRY_VERIFY(!wizard.isVisible());
    QCOMPARE(doc.account().findRole("ManyTags")->tags.size(), std::size_t(50));
}

void tst_CreateRoleWizard::cancelLeavesNoTrace()
{
    WorkspaceDocument doc(Catalogs::bundled());
    const int undoCount = doc.undoStack()->count();
    const std::size_t events = doc.account().eventLog().events().size();
    CreateRoleWizard wizard(doc);
    wizard.show();
    fillWalkthrough(wizard, QStringLiteral("S3Access"));
    wizard.button(QWizard::CancelButton)->click();
    QTRY_VERIFY(!wizard.isVisible());
    QCOMPARE(wizard.result(), int(QDialog::Rejected));
    QCOMPARE(doc.undoStack()->count(), undoCount);
    QVERIFY(doc.account().roles().empty());
    QVERIFY(doc.account().instanceProfiles().empty());
    QCOMPARE(doc.account().eventLog().events().size(), events);
    QVERIFY(!doc.isModified());
}

QTEST_MAIN(tst_CreateRoleWizard)
#include "tst_CreateRoleWizard.moc"
