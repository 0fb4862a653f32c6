#pragma once

// What "Launch an instance" collects; "Launch instance" turns it into one command
// (launchInstanceCommand). The choices the page offers are here too, so tests and
// the dialog agree on them.

#include <QList>
#include <QString>
#include <QStringList>

struct LaunchDraft
{
    QString name;                                                   // the Name tag; empty: none
    QString imageId = QStringLiteral("ami-0abcdef1234567890");      // Amazon Linux 2023 AMI
    QString instanceType = QStringLiteral("t2.micro");
    QString instanceProfile;                                        // its name; empty: no IAM role
};

// One entry of "Application and OS Images (Amazon Machine Image)".
struct MachineImage
{
    QString name;          // "Amazon Linux 2023 AMI"
    QString id;            // "ami-0abcdef1234567890"
    QString description;   // the console's line under the name
};

// Quick Start, in the console's order. The ids are the simulation's own.
inline QList<MachineImage> quickStartImages()
{
    return {
        {QStringLiteral("Amazon Linux 2023 AMI"), QStringLiteral("ami-0abcdef1234567890"),
         QStringLiteral("Amazon Linux 2023 is a modern, general purpose Linux-based OS that comes with 5 years of "
                        "long term support.")},
        {QStringLiteral("Amazon Linux 2 AMI (HVM) - Kernel 5.10, SSD Volume Type"),
         QStringLiteral("ami-0a1b2c3d4e5f60718"),
         QStringLiteral("Amazon Linux 2 Kernel 5.10 AMI 2.0 x86_64 HVM gp2")},
        {QStringLiteral("Ubuntu Server 24.04 LTS (HVM), SSD Volume Type"), QStringLiteral("ami-04b70fa74e45c3917"),
         QStringLiteral("Canonical, Ubuntu, 24.04 LTS, amd64 noble image")},
        {QStringLiteral("Ubuntu Server 22.04 LTS (HVM), SSD Volume Type"), QStringLiteral("ami-0e001c9271cf7f3b9"),
         QStringLiteral("Canonical, Ubuntu, 22.04 LTS, amd64 jammy image")},
        {QStringLiteral("Red Hat Enterprise Linux 9 (HVM), SSD Volume Type"), QStringLiteral("ami-0583d8c7a9c35822c"),
         QStringLiteral("Red Hat Enterprise Linux version 9 (HVM), EBS General Purpose (SSD) Volume Type")},
        {QStringLiteral("Microsoft Windows Server 2022 Base"), QStringLiteral("ami-0f9c44e98edf38a2b"),
         QStringLiteral("Microsoft Windows 2022 Datacenter edition. [English]")},
    };
}

// The instance types the page offers; the first is the default.
inline QStringList launchInstanceTypes()
{
    return {QStringLiteral("t2.micro"), QStringLiteral("t2.small"), QStringLiteral("t2.medium"),
            QStringLiteral("t3.micro"), QStringLiteral("t3.small"), QStringLiteral("m5.large")};
}
