#include "Breadcrumbs.h"

#include "Navigation.h"

Breadcrumbs::Breadcrumbs(Navigation &navigation, QWidget *parent)
    : QLabel(parent)
    , m_navigation(navigation)
{
    setObjectName(QStringLiteral("breadcrumbs"));
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(this, &QLabel::linkActivated, this, [this](const QString &link) {
        const int i = link.toInt();
        if (i >= 0 && i < m_crumbs.size())
            m_navigation.go(m_crumbs[i].location);
    });
}

void Breadcrumbs::setCrumbs(const QList<Crumb> &crumbs)
{
    m_crumbs = crumbs;
    QStringList parts;
    for (int i = 0; i < crumbs.size(); ++i) {
        const QString text = crumbs[i].text.toHtmlEscaped();
        parts << (i + 1 < crumbs.size() ? QStringLiteral("<a href=\"%1\">%2</a>").arg(i).arg(text) : text);
    }
    setText(parts.join(QStringLiteral("  &gt;  ")));
}

QStringList Breadcrumbs::texts() const
{
    QStringList texts;
    for (const Crumb &crumb : m_crumbs)
        texts << crumb.text;
    return texts;
}
