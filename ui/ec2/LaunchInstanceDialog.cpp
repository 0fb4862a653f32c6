#include "LaunchInstanceDialog.h"

#include "ConsoleStyle.h"
#include "CreateRoleWizard.h"
#include "Ec2Commands.h"
#include "InstanceProfileChoices.h"
#include "MessageBar.h"
#include "WorkspaceDocument.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

QLabel *mutedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setProperty("class", QStringLiteral("muted"));
    return label;
}

} // namespace

LaunchInstanceDialog::LaunchInstanceDialog(WorkspaceDocument &document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_profiles(new InstanceProfileChoices(document, tr("Select"), this))
{
    setObjectName(QStringLiteral("launchInstanceDialog"));
    setWindowTitle(tr("Launch an instance"));
    createWidgets();
    connectSignals();
    updateImageDetails();
    setAdvancedDetailsExpanded(false);
}

LaunchDraft LaunchInstanceDialog::draft() const
{
    LaunchDraft draft;
    draft.name = m_nameEdit->text().trimmed();
    draft.imageId = m_imageCombo->currentData().toString();
    draft.instanceType = m_typeCombo->currentText();
    draft.instanceProfile = m_profiles->profileAt(m_profileCombo->currentIndex());
    return draft;
}

void LaunchInstanceDialog::setAdvancedDetailsExpanded(bool expanded)
{
    m_advancedToggle->setChecked(expanded);
    m_advancedToggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_advanced->setVisible(expanded);
}

void LaunchInstanceDialog::createWidgets()
{
    auto *heading = new QLabel(tr("Launch an instance"), this);
    QFont big = heading->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    heading->setFont(big);
    auto *about = mutedLabel(tr("Amazon EC2 allows you to create virtual machines, or instances, that run on the "
                                "AWS Cloud. Quickly get started by following the simple steps below."),
                             this);
    m_messageBar = new MessageBar(this);
    m_messageBar->setObjectName(QStringLiteral("dialogMessageBar"));

    auto *nameBox = new QGroupBox(tr("Name and tags"), this);
    m_nameEdit = new QLineEdit(nameBox);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameEdit->setPlaceholderText(tr("e.g. My Web Server"));
    auto *nameForm = new QFormLayout(nameBox);
    nameForm->addRow(tr("Name"), m_nameEdit);

    auto *typeBox = new QGroupBox(tr("Instance type"), this);
    m_typeCombo = new QComboBox(typeBox);
    m_typeCombo->setObjectName(QStringLiteral("instanceTypeCombo"));
    m_typeCombo->addItems(launchInstanceTypes());
    m_typeCombo->setCurrentText(LaunchDraft().instanceType);
    auto *typeForm = new QFormLayout(typeBox);
    typeForm->addRow(tr("Instance type"), m_typeCombo);

    auto *form = new QWidget(this);
    auto *sections = new QVBoxLayout(form);
    sections->setContentsMargins(0, 0, 0, 0);
    sections->addWidget(nameBox);
    sections->addWidget(createImageSection());
    sections->addWidget(typeBox);
    sections->addWidget(createAdvancedSection());
    sections->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    m_launchButton = buttons->addButton(tr("Launch instance"), QDialogButtonBox::ActionRole);
    m_launchButton->setObjectName(QStringLiteral("launchInstanceButton"));
    ConsoleStyle::markPrimary(m_launchButton);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(about);
    layout->addWidget(m_messageBar);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    resize(760, 680);
}

QGroupBox *LaunchInstanceDialog::createImageSection()
{
    auto *box = new QGroupBox(tr("Application and OS Images (Amazon Machine Image)"), this);
    auto *about = mutedLabel(tr("An AMI is a template that contains the software configuration (operating system, "
                                "application server, and applications) required to launch your instance."),
                             box);
    m_imageCombo = new QComboBox(box);
    m_imageCombo->setObjectName(QStringLiteral("imageCombo"));
    for (const MachineImage &image : quickStartImages())
        m_imageCombo->addItem(image.name, image.id);
    m_imageDetails = new QLabel(box);
    m_imageDetails->setObjectName(QStringLiteral("imageIdLabel"));
    m_imageDetails->setWordWrap(true);
    m_imageDetails->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(about);
    layout->addWidget(new QLabel(tr("Amazon Machine Image (AMI)"), box));
    layout->addWidget(m_imageCombo);
    layout->addWidget(m_imageDetails);
    return box;
}

QGroupBox *LaunchInstanceDialog::createAdvancedSection()
{
    auto *box = new QGroupBox(this);
    m_advancedToggle = new QToolButton(box);
    m_advancedToggle->setObjectName(QStringLiteral("advancedDetailsToggle"));
    m_advancedToggle->setText(tr("Advanced details"));
    m_advancedToggle->setCheckable(true);
    m_advancedToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advancedToggle->setAutoRaise(true);

    m_advanced = new QWidget(box);
    m_advanced->setObjectName(QStringLiteral("advancedDetails"));
    m_profileCombo = new QComboBox(m_advanced);
    m_profileCombo->setObjectName(QStringLiteral("iamInstanceProfileCombo"));
    m_profileCombo->setModel(m_profiles);
    m_profileCombo->setMinimumWidth(300);
    m_createProfileButton = new QPushButton(tr("Create new IAM profile"), m_advanced);
    m_createProfileButton->setObjectName(QStringLiteral("createProfileButton"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_profileCombo, 1);
    row->addWidget(m_createProfileButton);
    auto *advanced = new QVBoxLayout(m_advanced);
    advanced->setContentsMargins(0, 0, 0, 0);
    advanced->addWidget(new QLabel(tr("IAM instance profile"), m_advanced));
    advanced->addWidget(mutedLabel(tr("Select an IAM instance profile to attach to the instance."), m_advanced));
    advanced->addLayout(row);

    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_advancedToggle, 0, Qt::AlignLeft);
    layout->addWidget(m_advanced);
    return box;
}

void LaunchInstanceDialog::connectSignals()
{
    connect(m_advancedToggle, &QToolButton::toggled, this, &LaunchInstanceDialog::setAdvancedDetailsExpanded);
    connect(m_imageCombo, &QComboBox::currentIndexChanged, this, &LaunchInstanceDialog::updateImageDetails);
    connect(m_launchButton, &QPushButton::clicked, this, &LaunchInstanceDialog::launch);
    connect(m_createProfileButton, &QPushButton::clicked, this, [this] {
        CreateRoleWizard *wizard = CreateRoleWizard::openFor(m_document, this);
        connect(wizard, &CreateRoleWizard::roleCreated, this, [this](const QString &roleName) {
            for (const iam::InstanceProfile &profile : m_document.account().instanceProfiles()) {
                if (profile.role == roleName.toStdString())
                    m_profileCombo->setCurrentIndex(m_profiles->rowOfProfile(QString::fromStdString(profile.name)));
            }
        });
    });
}

void LaunchInstanceDialog::updateImageDetails()
{
    const QList<MachineImage> images = quickStartImages();
    const int index = m_imageCombo->currentIndex();
    if (index < 0 || index >= images.size())
        return;
    m_imageDetails->setText(QStringLiteral("%1\n%2").arg(images[index].id, images[index].description));
}

void LaunchInstanceDialog::launch()
{
    ApiCommand *command = launchInstanceCommand(m_document, draft());
    const CommandOutcome outcome = m_document.execute(command);
    if (!outcome.ok) {
        // As the console's launch page: a red "Instance launch failed" with EC2's text.
        m_messageBar->showError(tr("Instance launch failed"), outcome.message);
        return;
    }
    // The command is on the undo stack now, its results kept.
    const QStringList ids = launchedInstanceIds(*command);
    m_messageBar->dismiss();
    emit launched(ids, tr("Successfully initiated launch of instance (%1)").arg(ids.join(QStringLiteral(", "))));
    accept();
}
