#pragma once

#include <QHash>
#include <QMenu>
#include <QSet>
#include <QStringList>

class QAction;

namespace ba {

// The dock's category filter: one checkable entry per category seen (sorted), plus "Show all"
// and "Hide all". Toggling an entry keeps the menu open, so several can be changed in one go.
class LogCategoryMenu : public QMenu
{
    Q_OBJECT
public:
    explicit LogCategoryMenu(QWidget *parent = nullptr);

    void addCategory(const QString &category); // shown (checked); no effect when already listed
    QStringList categories() const;
    QSet<QString> hiddenCategories() const;
    void setCategoryVisible(const QString &category, bool visible);
    void setAllVisible(bool visible);
    QAction *actionFor(const QString &category) const;

    // "Categories" or "Categories (2 hidden)", for the button that opens the menu.
    QString summary() const;

Q_SIGNALS:
    void hiddenCategoriesChanged(const QSet<QString> &hidden);

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void emitChange();

    QAction *m_categoriesStart = nullptr; // separator before the first category
    QHash<QString, QAction *> m_actions;
    bool m_bulkChange = false;
};

} // namespace ba
