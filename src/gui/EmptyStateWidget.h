#pragma once

#include <QString>
#include <QWidget>

class QLabel;

namespace ba {

// Placeholder shown by a view that has no data yet: a large grey title and a smaller hint,
// centred. Both are plain text so that nothing from outside can inject markup.
class EmptyStateWidget : public QWidget
{
    Q_OBJECT
public:
    EmptyStateWidget(const QString &title, const QString &hint, QWidget *parent = nullptr);

    // The three views' placeholders until real views replace them.
    static EmptyStateWidget *forPrices(QWidget *parent = nullptr);
    static EmptyStateWidget *forNews(QWidget *parent = nullptr);
    static EmptyStateWidget *forAnalysis(QWidget *parent = nullptr);

    QString title() const;
    QString hint() const;
    void setTitle(const QString &title);
    void setHint(const QString &hint);

private:
    QLabel *m_title = nullptr;
    QLabel *m_hint = nullptr;
};

} // namespace ba
