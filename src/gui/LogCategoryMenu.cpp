#include "gui/LogCategoryMenu.h"

#include <QMouseEvent>

namespace ba {

LogCategoryMenu::LogCategoryMenu(QWidget *parent) : QMenu(parent)
{
    setObjectName(QStringLiteral("logCategoryMenu"));
    QAction *all = addAction(tr("Show all"));
    all->setObjectName(QStringLiteral("showAllCategories"));
    connect(all, &QAction::triggered, this, [this] { setAllVisible(true); });
    QAction *none = addAction(tr("Hide all"));
    none->setObjectName(QStringLiteral("hideAllCategories"));
    connect(none, &QAction::triggered, this, [this] { setAllVisible(false); });
    m_categoriesStart = addSeparator();
}

void LogCategoryMenu::addCategory(const QString &category)
{
    if (m_actions.contains(category)) {
        return;
    }
    auto *action = new QAction(category, this);
    action->setCheckable(true);
    action->setChecked(true);
    connect(action, &QAction::toggled, this, [this] {
        if (!m_bulkChange) {
            emitChange();
        }
    });
    // Sorted insert: the menu reads like the category tree (ba.net.coingecko under ba.net.http...).
    QAction *before = nullptr;
    const QList<QAction *> all = actions();
    for (qsizetype i = all.indexOf(m_categoriesStart) + 1; i < all.size(); ++i) {
        if (all.at(i)->text() > category) {
            before = all.at(i);
            break;
        }
    }
    insertAction(before, action);
    m_actions.insert(category, action);
}

QStringList LogCategoryMenu::categories() const
{
    QStringList names = m_actions.keys();
    names.sort();
    return names;
}

QSet<QString> LogCategoryMenu::hiddenCategories() const
{
    QSet<QString> hidden;
    for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it) {
        if (!it.value()->isChecked()) {
            hidden.insert(it.key());
        }
    }
    return hidden;
}

void LogCategoryMenu::setCategoryVisible(const QString &category, bool visible)
{
    if (QAction *action = m_actions.value(category)) {
        action->setChecked(visible); // toggled() reports the change
    }
}

void LogCategoryMenu::setAllVisible(bool visible)
{
    m_bulkChange = true;
    for (QAction *action : std::as_const(m_actions)) {
        action->setChecked(visible);
    }
    m_bulkChange = false;
    emitChange();
}

QAction *LogCategoryMenu::actionFor(const QString &category) const
{
    return m_actions.value(category);
}

QString LogCategoryMenu::summary() const
{
    const qsizetype hidden = hiddenCategories().size();
    return hidden == 0 ? tr("Categories") : tr("Categories (%1 hidden)").arg(hidden);
}

void LogCategoryMenu::mouseReleaseEvent(QMouseEvent *event)
{
    QAction *action = actionAt(event->position().toPoint());
    if (action && action->isCheckable() && action->isEnabled()) {
        action->trigger(); // toggles without closing the menu
        return;
    }
    QMenu::mouseReleaseEvent(event);
}

void LogCategoryMenu::emitChange()
{
    Q_EMIT hiddenCategoriesChanged(hiddenCategories());
}

} // namespace ba
