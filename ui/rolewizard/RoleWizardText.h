#pragma once

// The Create role wizard's recurring text widgets: section headings, the grey
// hints under fields, and the monospace font policy documents are shown in.

#include <QFont>
#include <QFontDatabase>
#include <QLabel>

namespace RoleWizardText {

// "Use case", "Trusted entity type": bold, a little larger than the body text.
inline QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.15);
    label->setFont(font);
    return label;
}

// The console's grey line under a heading or a field.
inline QLabel *hint(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setProperty("class", QStringLiteral("muted"));
    label->setWordWrap(true);
    return label;
}

inline QFont documentFont()
{
    return QFontDatabase::systemFont(QFontDatabase::FixedFont);
}

} // namespace RoleWizardText
