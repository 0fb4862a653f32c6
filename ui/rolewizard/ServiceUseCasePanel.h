#pragma once

// "Use case" of the AWS service trusted entity type, as the console lays it out:
// "Commonly used services" (EC2, then Lambda) as radios, and "Use cases for other
// AWS services", a searchable service combo whose use cases appear below it as
// radios, each with the console's description. One use case is chosen at a time.
//
// Object names: ec2UseCaseRadio, lambdaUseCaseRadio, serviceCombo, useCaseList (its
// radios are named "useCase:<use case name>").

#include <QWidget>

struct RoleUseCase;
class QAbstractButton;
class QButtonGroup;
class QComboBox;
class QVBoxLayout;

class ServiceUseCasePanel : public QWidget
{
    Q_OBJECT

public:
    explicit ServiceUseCasePanel(QWidget *parent = nullptr);

    // The chosen use case, or nullptr.
    const RoleUseCase *selectedUseCase() const;

signals:
    void changed();

private:
    void createWidgets();
    void connectSignals();
    // Lists `service`'s use cases under the combo.
    void showService(const QString &service);
    QAbstractButton *addUseCaseRadio(int index, const QString &objectName, QWidget *parent, QVBoxLayout *layout);

    QButtonGroup *m_group = nullptr;
    QComboBox *m_serviceCombo = nullptr;
    QWidget *m_useCaseList = nullptr;
    QVBoxLayout *m_useCaseLayout = nullptr;
    int m_selected = -1;   // index into RoleUseCases::all()
};
