#pragma once

// EC2 > Instances > Launch instances: "Launch an instance", its sections as the
// console lays them out: Name and tags (Name), Application and OS Images (Amazon
// Machine Image), Instance type, and the collapsed "Advanced details" holding the
// "IAM instance profile" dropdown (instance profiles by name; "Select" chooses
// none). "Launch instance" runs RunInstances as the signed-in caller, with
// IamInstanceProfile when one is chosen, so EC2 checks iam:PassRole on its role.
// A refusal shows AWS's text in the dialog's flash and creates nothing; success
// emits launched(instance ids, flash text) and accepts.
//
// Object names: dialogMessageBar, nameEdit, imageCombo, imageIdLabel,
// instanceTypeCombo, advancedDetailsToggle, advancedDetails, iamInstanceProfileCombo,
// createProfileButton, cancelButton, launchInstanceButton.

#include "LaunchDraft.h"

#include <QDialog>

class InstanceProfileChoices;
class MessageBar;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;
class WorkspaceDocument;

class LaunchInstanceDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LaunchInstanceDialog(WorkspaceDocument &document, QWidget *parent = nullptr);

    // What the form says now.
    LaunchDraft draft() const;
    void setAdvancedDetailsExpanded(bool expanded);

    // Launch instance.
    void launch();

signals:
    void launched(const QStringList &instanceIds, const QString &successText);

private:
    void createWidgets();
    QGroupBox *createImageSection();
    QGroupBox *createAdvancedSection();
    void connectSignals();
    void updateImageDetails();

    WorkspaceDocument &m_document;
    InstanceProfileChoices *m_profiles = nullptr;
    MessageBar *m_messageBar = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QComboBox *m_imageCombo = nullptr;
    QLabel *m_imageDetails = nullptr;
    QComboBox *m_typeCombo = nullptr;
    QToolButton *m_advancedToggle = nullptr;
    QWidget *m_advanced = nullptr;
    QComboBox *m_profileCombo = nullptr;
    QPushButton *m_createProfileButton = nullptr;
    QPushButton *m_launchButton = nullptr;
};
