#include "gui/LogItemDelegate.h"

#include "gui/LogModel.h"

#include <QApplication>
#include <QPainter>

namespace ba {

LogItemDelegate::LogItemDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

void LogItemDelegate::setHighlight(const QString &text)
{
    m_highlight = text.trimmed();
}

QColor LogItemDelegate::highlightColour()
{
    // Opaque amber under dark text: the same reading on light and dark palettes and on the level
    // tints, where a translucent mark under the palette's light text would not read on dark rows.
    return QColor(0xff, 0xd5, 0x4f);
}

QColor LogItemDelegate::highlightTextColour()
{
    return QColor(0x1a, 0x1a, 0x1a);
}

QList<QPair<qsizetype, qsizetype>> LogItemDelegate::matchRanges(const QString &text, const QString &needle)
{
    QList<QPair<qsizetype, qsizetype>> ranges;
    if (needle.isEmpty()) {
        return ranges;
    }
    qsizetype from = 0;
    for (;;) {
        const qsizetype at = text.indexOf(needle, from, Qt::CaseInsensitive);
        if (at < 0) {
            break;
        }
        ranges.append({at, needle.size()});
        from = at + needle.size();
    }
    return ranges;
}

QString LogItemDelegate::oneLine(const QString &message)
{
    const QChar separator(QChar::LineSeparator);
    if (!message.contains(QLatin1Char('\n')) && !message.contains(QLatin1Char('\r')) &&
        !message.contains(separator)) {
        return message;
    }
    QString line = message;
    line.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    line.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    line.replace(separator, QLatin1Char('\n'));
    line.replace(QLatin1Char('\n'), QStringLiteral(" \u23ce "));
    return line;
}

void LogItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const int column = index.column();
    const bool custom = column == LogModel::MessageColumn || column == LogModel::CategoryColumn ||
                        column == LogModel::CorrelationColumn;
    if (!custom) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The raw value: initStyleOption has already turned line breaks into U+2028, which would draw
    // as nothing at all.
    const QString raw = index.data(Qt::DisplayRole).toString();
    const QString text = column == LogModel::MessageColumn ? oneLine(raw) : raw;
    const bool link = column == LogModel::CorrelationColumn &&
                      !index.data(LogModel::CorrelationIdRole).toString().isEmpty();
    // The style draws background, selection and focus; the text is ours.
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    opt.text = text;
    paintText(painter, opt, text, link);
}

void LogItemDelegate::paintText(QPainter *painter, const QStyleOptionViewItem &option, const QString &text,
                                bool link) const
{
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QRect rect =
        style->subElementRect(QStyle::SE_ItemViewItemText, &option, widget).adjusted(2, 0, -2, 0);
    if (rect.width() <= 0) {
        return;
    }
    const bool selected = option.state & QStyle::State_Selected;
    QColor colour = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QFont font = option.font;
    if (link && !selected) {
        colour = option.palette.color(QPalette::Link);
        font.setUnderline(true);
    }
    const QFontMetrics metrics(font);
    const QString shown = metrics.elidedText(text, Qt::ElideRight, rect.width());
    const int baseline = rect.top() + (rect.height() - metrics.height()) / 2 + metrics.ascent();

    painter->save();
    painter->setClipRect(rect);
    painter->setFont(font);
    // The line in the palette's colour, then each match on its mark in dark text, clipped to the
    // mark. drawText with a QString never interprets markup.
    painter->setPen(colour);
    painter->drawText(QPoint(rect.left(), baseline), shown);
    for (const auto &[start, length] : matchRanges(shown, m_highlight)) {
        const int x = rect.left() + metrics.horizontalAdvance(shown.left(start));
        const int width = metrics.horizontalAdvance(shown.mid(start, length));
        const QRect mark(x, rect.top() + 1, width, rect.height() - 2);
        painter->fillRect(mark, highlightColour());
        painter->save();
        painter->setClipRect(mark.intersected(rect));
        painter->setPen(highlightTextColour());
        painter->drawText(QPoint(rect.left(), baseline), shown);
        painter->restore();
    }
    painter->restore();
}

} // namespace ba
