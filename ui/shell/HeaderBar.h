#pragma once

// The console's dark bar across the top: the product, the account, and the
// "signed in as" switcher whose choice is the caller of every console action.

#include <QFrame>

class IdentitiesModel;
class QComboBox;
class QLabel;
class WorkspaceDocument;

class HeaderBar : public QFrame
{
    Q_OBJECT

public:
    explicit HeaderBar(WorkspaceDocument &document, QWidget *parent = nullptr);

    QComboBox *identitySwitcher() const { return m_identities; }

private:
    void createWidgets();
    void connectSignals();
    void showSignedIn();
    void showAccount();

    WorkspaceDocument &m_document;
    IdentitiesModel *m_model = nullptr;
    QComboBox *m_identities = nullptr;
    QLabel *m_account = nullptr;
};
