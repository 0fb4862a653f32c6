#pragma once

// The Entities attached tab's "Attach": the account's users, groups and roles that
// do not yet attach the policy, with checkboxes and a filter box; "Attach policy"
// closes it accepted and the page attaches the policy to the checked ones (one
// undoable step).
//
// Object names: entitySearchEdit, entityList (a QTreeWidget: Entity name, Entity
// type), attachPolicyButton.

#include "PolicyCommands.h"

#include <QDialog>

class QLineEdit;
class QPushButton;
class QTreeWidget;
class WorkspaceDocument;

class AttachEntitiesDialog : public QDialog
{
    Q_OBJECT

public:
    AttachEntitiesDialog(const WorkspaceDocument &document, const QString &policyArn, QWidget *parent = nullptr);

    // The checked entities, users then groups then roles.
    QList<PolicyHolder> checkedEntities() const;

private:
    void createWidgets(const QString &policyName);
    void fill(const WorkspaceDocument &document, const QString &policyArn);
    void filter(const QString &text);
    void updateAttachButton();

    QLineEdit *m_search = nullptr;
    QTreeWidget *m_list = nullptr;
    QPushButton *m_attachButton = nullptr;
};
