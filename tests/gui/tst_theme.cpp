#include "gui/HealthPanel.h"
#include "gui/LogItemDelegate.h"
#include "gui/LogModel.h"
#include "gui/Theme.h"
#include "gui/chart/ChartTheme.h"
#include "services/SourceHealth.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace ba;

namespace {

// WCAG 2.x relative luminance and contrast ratio; a translucent colour is first laid over the
// background it is painted on, as the screen shows it.
double channel(double value)
{
    return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

QColor over(const QColor &top, const QColor &below)
{
    const double a = top.alphaF();
    return QColor::fromRgbF(float(top.redF() * a + below.redF() * (1 - a)),
                            float(top.greenF() * a + below.greenF() * (1 - a)),
                            float(top.blueF() * a + below.blueF() * (1 - a)));
}

double contrast(const QColor &text, const QColor &background)
{
    const QColor solidBackground = background.alpha() == 255 ? background : over(background, Qt::white);
    const double a = luminance(over(text, solidBackground));
    const double b = luminance(solidBackground);
    return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

QColor withAlpha(QColor colour, int alpha)
{
    colour.setAlpha(alpha);
    return colour;
}

struct Pair
{
    const char *what;
    QColor text;
    QColor background;
};

// Every text/background pair the application paints, for one palette.
QList<Pair> pairsFor(const QPalette &p)
{
    using R = QPalette::ColorRole;
    const QColor base = p.color(R::Base);
    QList<Pair> pairs{
        {"WindowText on Window", p.color(R::WindowText), p.color(R::Window)},
        {"Text on Base", p.color(R::Text), base},
        {"Text on AlternateBase", p.color(R::Text), p.color(R::AlternateBase)},
        {"ButtonText on Button", p.color(R::ButtonText), p.color(R::Button)},
        {"HighlightedText on Highlight", p.color(R::HighlightedText), p.color(R::Highlight)},
        {"ToolTipText on ToolTipBase", p.color(R::ToolTipText), p.color(R::ToolTipBase)},
        {"PlaceholderText on Base (empty states)", p.color(R::PlaceholderText), base},
        {"PlaceholderText on Window (empty states)", p.color(R::PlaceholderText), p.color(R::Window)},
        {"Link on Base (log correlation ids)", p.color(R::Link), base},
    };
    const StatusColors status = StatusColors::forPalette(p);
    for (const QColor &background : {base, p.color(R::AlternateBase), p.color(R::Window)}) {
        pairs += {{"StatusColors.good", status.good, background},
                  {"StatusColors.warning", status.warning, background},
                  {"StatusColors.bad", status.bad, background},
                  {"StatusColors.muted", status.muted, background}};
    }
    // The log viewer: each level's text on its row tint (LogModel), search marks (LogItemDelegate).
    LogModel model;
    QList<LogEntry> entries;
    for (QtMsgType level : {QtDebugMsg, QtInfoMsg, QtWarningMsg, QtCriticalMsg}) {
        LogEntry entry;
        entry.sequence = quint64(entries.size() + 1);
        entry.level = level;
        entry.message = QStringLiteral("message");
        entries.append(entry);
    }
    model.appendEntries(entries);
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex cell = model.index(row, LogModel::MessageColumn);
        const QVariant text = cell.data(Qt::ForegroundRole);
        const QVariant tint = cell.data(Qt::BackgroundRole);
        pairs.append({"log level text on its row", text.isValid() ? text.value<QColor>() : p.color(R::Text),
                      tint.isValid() ? over(tint.value<QColor>(), base) : base});
    }
    pairs.append(
        {"log search mark", LogItemDelegate::highlightTextColour(), LogItemDelegate::highlightColour()});
    // The chart: axis labels, the readout box, the change pill on its tint, the banners.
    const chart::ChartTheme chart = chart::ChartTheme::fromPalette(p);
    const QColor plot = chart.background;
    const int pillAlpha = chart.dark ? 46 : 30; // ChartHeader's tint of the pill
    pairs += {{"chart text", chart.text, plot},
              {"chart axis labels (muted)", over(chart.mutedText, plot), plot},
              {"chart readout", chart.text, over(chart.readoutBackground, plot)},
              {"change pill up", chart.up, over(withAlpha(chart.up, pillAlpha), plot)},
              {"change pill down", chart.down, over(withAlpha(chart.down, pillAlpha), plot)},
              {"stale badge", chart.staleText, chart.staleBackground},
              {"chart error banner", chart.errorText, chart.errorBackground}};
    return pairs;
}

} // namespace

// The two palettes Settings offers, and the colours the app derives from them, read at WCAG AA
// (4.5:1 for text); Theme::apply switches the application live and back to the platform's look.
class TestTheme : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textContrast_isAtLeastAA_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::newRow("light") << Theme::lightPalette();
        QTest::newRow("dark") << Theme::darkPalette();
    }

    void textContrast_isAtLeastAA()
    {
        QFETCH(QPalette, palette);
        // The models read the application palette, as they do in the running app.
        QApplication::setPalette(palette);
        QStringList failures;
        const QList<Pair> pairs = pairsFor(palette);
        QVERIFY(pairs.size() > 30);
        for (const Pair &pair : pairs) {
            const double ratio = contrast(pair.text, pair.background);
            if (ratio < 4.5) {
                failures << QStringLiteral("%1: %2 on %3 = %4:1")
                                .arg(QLatin1String(pair.what), pair.text.name(QColor::HexArgb),
                                     pair.background.name(), QString::number(ratio, 'f', 2));
            }
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
    }

    void healthPills_readInEveryTheme()
    {
        // White bold text on each state's pill, whatever the palette around it.
        for (HealthState state : {HealthState::Unknown, HealthState::Ok, HealthState::Stale,
                                  HealthState::Failing, HealthState::Blocked}) {
            const QColor pill = HealthStateDelegate::stateColour(state);
            QVERIFY2(contrast(Qt::white, pill) >= 4.5, qPrintable(pill.name()));
        }
    }

    void palettes_areLightAndDark()
    {
        QVERIFY(!Theme::isDark(Theme::lightPalette()));
        QVERIFY(Theme::isDark(Theme::darkPalette()));
        QVERIFY(chart::ChartTheme::fromPalette(Theme::darkPalette()).dark);
        QVERIFY(!chart::ChartTheme::fromPalette(Theme::lightPalette()).dark);
    }

    void apply_switchesLiveAndBackToThePlatformLook()
    {
        QApplication::setPalette(QPalette()); // what the platform gave, before any theme
        const QString platformStyle = QApplication::style()->name();
        const QColor platformWindow = QApplication::palette().color(QPalette::Window);
        QWidget widget;
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));

        // Qt posts the palette change to each widget: it shows on the next turn of the event loop.
        Theme::apply(UiTheme::Dark);
        QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
        QTRY_COMPARE(widget.palette().color(QPalette::Window), Theme::darkPalette().color(QPalette::Window));
        QCOMPARE(StatusColors::forPalette(widget.palette()).bad,
                 StatusColors::forPalette(Theme::darkPalette()).bad);

        Theme::apply(UiTheme::Light);
        QTRY_COMPARE(widget.palette().color(QPalette::Base), Theme::lightPalette().color(QPalette::Base));

        Theme::apply(UiTheme::System);
        QCOMPARE(QApplication::style()->name(), platformStyle);
        QTRY_COMPARE(widget.palette().color(QPalette::Window), platformWindow);
    }

    void setting_defaultsToSystem_andKeepsTheChoice()
    {
        QTemporaryDir dir;
        QSettings file(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        AppSettings settings(&file);
        QCOMPARE(settings.uiTheme(), UiTheme::System);
        settings.setUiTheme(UiTheme::Dark);
        QCOMPARE(file.value(QString::fromLatin1(SettingsKeys::Theme)).toString(), QStringLiteral("dark"));
        QCOMPARE(settings.uiTheme(), UiTheme::Dark);
        file.setValue(QString::fromLatin1(SettingsKeys::Theme),
                      QStringLiteral("purple")); // a hand-edited file
        QCOMPARE(settings.uiTheme(), UiTheme::System);
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
