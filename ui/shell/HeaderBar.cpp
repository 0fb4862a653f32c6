#include "HeaderBar.h"

#include "IdentitiesModel.h"
#include "WorkspaceDocument.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>

HeaderBar::HeaderBar(WorkspaceDocument &document, QWidget *parent)
    : QFrame(parent)
    , m_document(document)
    , m_model(new IdentitiesModel(document, this))
{
    setObjectName(QStringLiteral("consoleHeader"));
    createWidgets();
    connectSignals();
    showSignedIn();
    showAccount();
}

void HeaderBar::createWidgets()
{
    auto *product = new QLabel(tr("IAM Studio"), this);
    product->setObjectName(QStringLiteral("productName"));
    auto *services = new QLabel(tr("Services:  IAM  ·  Global"), this);
    m_account = new QLabel(this);
    m_account->setObjectName(QStringLiteral("accountLabel"));
    auto *signedInAs = new QLabel(tr("Signed in as"), this);
    m_identities = new QComboBox(this);
    m_identities->setObjectName(QStringLiteral("identitySwitcher"));
    m_identities->setModel(m_model);
    m_identities->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_identities->setToolTip(tr("Every action in the console is an API call made as this identity"));
    signedInAs->setBuddy(m_identities);

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(16, 6, 16, 6);
    row->setSpacing(16);
    row->addWidget(product);
    row->addWidget(services);
    row->addStretch(1);
    row->addWidget(m_account);
    row->addWidget(signedInAs);
    row->addWidget(m_identities);
}

void HeaderBar::connectSignals()
{
    connect(m_identities, &QComboBox::activated, this,
            [this](int row) { m_document.setSignedIn(m_model->identityAt(row)); });
    connect(&m_document, &WorkspaceDocument::signedInChanged, this, &HeaderBar::showSignedIn);
    connect(&m_document, &WorkspaceDocument::accountReplaced, this, [this] {
        showSignedIn();
        showAccount();
    });
    // A user added or removed moves the rows: keep the signed-in one selected.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &HeaderBar::showSignedIn);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &HeaderBar::showSignedIn);
}

void HeaderBar::showSignedIn()
{
    m_identities->setCurrentIndex(m_model->rowOf(m_document.signedIn()));
}

// As the console writes an account id: 1111-2222-3333.
void HeaderBar::showAccount()
{
    const QString id = QString::fromStdString(m_document.account().accountId());
    const QString grouped = id.size() == 12 ? id.left(4) + u'-' + id.mid(4, 4) + u'-' + id.right(4) : id;
    m_account->setText(tr("Account ID: %1").arg(grouped));
}
