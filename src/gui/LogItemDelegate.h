#pragma once

#include <QList>
#include <QPair>
#include <QStyledItemDelegate>

namespace ba {

// Paints log cells as plain text only: log content is never interpreted as markup. In the message
// and category columns every case-insensitive match of the search text gets a highlight behind it;
// a message's line breaks show as "⏎" so a row stays one line; correlation ids look like links
// (clicking one filters the dock to that refresh).
class LogItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit LogItemDelegate(QObject *parent = nullptr);

    void setHighlight(const QString &text); // empty: no highlight
    QString highlight() const { return m_highlight; }

    static QColor highlightColour();
    static QColor highlightTextColour(); // the text on highlightColour()

    // Start and length of every non-overlapping, case-insensitive occurrence of needle, in order.
    static QList<QPair<qsizetype, qsizetype>> matchRanges(const QString &text, const QString &needle);
    // The single line a message cell shows.
    static QString oneLine(const QString &message);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    void paintText(QPainter *painter, const QStyleOptionViewItem &option, const QString &text,
                   bool link) const;

    QString m_highlight;
};

} // namespace ba
