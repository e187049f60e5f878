#include "gui/LogItemDelegate.h"
#include "gui/LogModel.h"

#include <QApplication>
#include <QFontMetrics>
#include <QImage>
#include <QPainter>
#include <QStyleOptionViewItem>
#include <QtTest>

using namespace ba;

namespace {

constexpr int kWidth = 700;
constexpr int kHeight = 28;

// Paints one message cell with the delegate on white, the way the table would.
QImage paintMessage(const QString &message, const QString &highlight)
{
    LogModel model;
    LogEntry entry;
    entry.sequence = 1;
    entry.category = QStringLiteral("ba.test");
    entry.message = message;
    model.appendEntries({entry});
    LogItemDelegate delegate;
    delegate.setHighlight(highlight);

    QImage image(kWidth, kHeight, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    QStyleOptionViewItem option;
    option.rect = QRect(0, 0, kWidth, kHeight);
    option.font = QApplication::font();
    option.fontMetrics = QFontMetrics(option.font);
    option.palette = QApplication::palette();
    option.palette.setColor(QPalette::Text, Qt::black);
    option.palette.setColor(QPalette::Base, Qt::white);
    option.state = QStyle::State_Enabled;
    delegate.paint(&painter, option, model.index(0, LogModel::MessageColumn));
    painter.end();
    return image;
}

// Horizontal extent of the dark (text) pixels.
int inkWidth(const QImage &image)
{
    int left = image.width();
    int right = -1;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qGray(image.pixel(x, y)) < 110) {
                left = std::min(left, x);
                right = std::max(right, x);
            }
        }
    }
    return right < left ? 0 : right - left + 1;
}

int inkLeft(const QImage &image)
{
    for (int x = 0; x < image.width(); ++x) {
        for (int y = 0; y < image.height(); ++y) {
            if (qGray(image.pixel(x, y)) < 110) {
                return x;
            }
        }
    }
    return -1;
}

bool hasInkBetween(const QImage &image, int fromX, int toX)
{
    for (int x = std::max(0, fromX); x <= std::min(toX, image.width() - 1); ++x) {
        for (int y = 0; y < image.height(); ++y) {
            if (qGray(image.pixel(x, y)) < 110) {
                return true;
            }
        }
    }
    return false;
}

int highlightPixels(const QImage &image)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.red() > 230 && c.green() > 190 && c.green() < 240 && c.blue() < 140) {
                ++count;
            }
        }
    }
    return count;
}

} // namespace

class TestLogItemDelegate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchRanges_findsEveryOccurrenceIgnoringCase_data();
    void matchRanges_findsEveryOccurrenceIgnoringCase();
    void paint_htmlInMessage_isDrawnLiterally();
    void paint_highlight_marksMatchesOnly();
    void oneLine_replacesEveryKindOfLineBreak();
    void paint_multiLineMessage_drawsEveryLineOnOneRow();
};

void TestLogItemDelegate::matchRanges_findsEveryOccurrenceIgnoringCase_data()
{
    using Ranges = QList<QPair<qsizetype, qsizetype>>;
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("needle");
    QTest::addColumn<Ranges>("expected");
    QTest::newRow("none") << QStringLiteral("GET /ping") << QStringLiteral("post") << Ranges{};
    QTest::newRow("empty needle") << QStringLiteral("GET /ping") << QString() << Ranges{};
    QTest::newRow("two, any case") << QStringLiteral("Key key KEY") << QStringLiteral("key")
                                   << Ranges{{0, 3}, {4, 3}, {8, 3}};
    QTest::newRow("no overlap") << QStringLiteral("aaaa") << QStringLiteral("aa") << Ranges{{0, 2}, {2, 2}};
    QTest::newRow("markup is text") << QStringLiteral("<b>x</b>") << QStringLiteral("<b>") << Ranges{{0, 3}};
}

void TestLogItemDelegate::matchRanges_findsEveryOccurrenceIgnoringCase()
{
    using Ranges = QList<QPair<qsizetype, qsizetype>>;
    QFETCH(QString, text);
    QFETCH(QString, needle);
    QFETCH(Ranges, expected);
    QCOMPARE(LogItemDelegate::matchRanges(text, needle), expected);
}

void TestLogItemDelegate::paint_htmlInMessage_isDrawnLiterally()
{
    const QString markup = QStringLiteral("<b>bold</b><br><i>x</i>");
    const QFontMetrics metrics(QApplication::font());
    const int literal = metrics.horizontalAdvance(markup);
    const int rendered = metrics.horizontalAdvance(QStringLiteral("boldx"));

    const int ink = inkWidth(paintMessage(markup, QString()));

    // Rich text would draw "bold" and "x" only (and break the line); the delegate draws every character.
    QVERIFY2(ink > rendered * 2, qPrintable(QStringLiteral("ink %1, rendered %2").arg(ink).arg(rendered)));
    QVERIFY2(qAbs(ink - literal) < literal / 5,
             qPrintable(QStringLiteral("ink %1, literal %2").arg(ink).arg(literal)));
}

void TestLogItemDelegate::paint_highlight_marksMatchesOnly()
{
    const QString message = QStringLiteral("GET /api/v3/ping -> 200 12 ms");
    QCOMPARE(highlightPixels(paintMessage(message, QString())), 0);
    QCOMPARE(highlightPixels(paintMessage(message, QStringLiteral("zzz"))), 0);

    const QImage marked = paintMessage(message, QStringLiteral("PING"));
    QVERIFY(highlightPixels(marked) > 20);
    // The mark sits over "ping", not at the start of the line.
    const QFontMetrics metrics(QApplication::font());
    const int start = metrics.horizontalAdvance(QStringLiteral("GET /api/v3/"));
    for (int y = 0; y < kHeight; ++y) {
        for (int x = 0; x < start - 2; ++x) {
            const QColor c = marked.pixelColor(x, y);
            QVERIFY2(!(c.red() > 230 && c.green() > 190 && c.green() < 240 && c.blue() < 140),
                     qPrintable(QStringLiteral("highlight at %1,%2").arg(x).arg(y)));
        }
    }
}

void TestLogItemDelegate::oneLine_replacesEveryKindOfLineBreak()
{
    QCOMPARE(LogItemDelegate::oneLine(QStringLiteral("a\r\nb\rc\nd\u2028e")),
             QStringLiteral("a \u23ce b \u23ce c \u23ce d \u23ce e"));
    QCOMPARE(LogItemDelegate::oneLine(QStringLiteral("plain")), QStringLiteral("plain"));
}

void TestLogItemDelegate::paint_multiLineMessage_drawsEveryLineOnOneRow()
{
    const QString first = QStringLiteral("first line");
    const QString second = QStringLiteral("second line");
    const int oneLineInk = inkWidth(paintMessage(first, QString()));

    const QImage image = paintMessage(first + QLatin1Char('\n') + second, QString());

    // Both lines are drawn side by side, not just the first.
    const QFontMetrics metrics(QApplication::font());
    QVERIFY2(inkWidth(image) > oneLineInk + metrics.horizontalAdvance(second) * 3 / 4,
             qPrintable(QStringLiteral("ink %1, one line %2").arg(inkWidth(image)).arg(oneLineInk)));
    // ... with the break symbol between them (a bare U+2028 would draw nothing there).
    const int left = inkLeft(image);
    const int from = left + metrics.horizontalAdvance(first + QLatin1Char(' ')) + 1;
    const int to = left + metrics.horizontalAdvance(first + QStringLiteral(" \u23ce")) - 1;
    QVERIFY2(hasInkBetween(image, from, to),
             qPrintable(QStringLiteral("no symbol in %1..%2").arg(from).arg(to)));
}

QTEST_MAIN(TestLogItemDelegate)
#include "tst_logitemdelegate.moc"
