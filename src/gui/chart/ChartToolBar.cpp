#include "gui/chart/ChartToolBar.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QProgressBar>
#include <QToolButton>

namespace ba::chart {

namespace {

constexpr ChartRange kRanges[] = {ChartRange::Day,     ChartRange::Week, ChartRange::Month,
                                  ChartRange::Quarter, ChartRange::Year, ChartRange::Max};

QFrame *separator(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}

} // namespace

ChartToolBar::ChartToolBar(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 2, 10, 2);
    layout->setSpacing(2);

    m_ranges = new QButtonGroup(this);
    m_ranges->setExclusive(true);
    int key = 1;
    for (const ChartRange range : kRanges) {
        QToolButton *button = makeToggle(rangeLabel(range), QStringLiteral("rangeButton%1").arg(int(range)));
        button->setToolTip(tr("Show %1 (key %2)").arg(rangeLabel(range)).arg(key++));
        m_ranges->addButton(button, int(range));
        layout->addWidget(button);
    }
    connect(m_ranges, &QButtonGroup::idClicked, this,
            [this](int id) { Q_EMIT rangeActivated(static_cast<ChartRange>(id)); });

    layout->addSpacing(8);
    layout->addWidget(separator(this));
    layout->addSpacing(8);
    m_modes = new QButtonGroup(this);
    QToolButton *line = makeToggle(tr("Line"), QStringLiteral("lineModeButton"));
    m_candles = makeToggle(tr("Candles"), QStringLiteral("candlesModeButton"));
    m_modes->addButton(line, int(ChartMode::Line));
    m_modes->addButton(m_candles, int(ChartMode::Candles));
    layout->addWidget(line);
    layout->addWidget(m_candles);
    connect(m_modes, &QButtonGroup::idClicked, this,
            [this](int id) { Q_EMIT modeActivated(static_cast<ChartMode>(id)); });

    layout->addSpacing(8);
    layout->addWidget(separator(this));
    layout->addSpacing(8);
    const QList<std::pair<ChartOverlay, QString>> overlays = {
        {ChartOverlay::Volume, tr("Volume")},
        {ChartOverlay::Sma20, tr("SMA 20")},
        {ChartOverlay::Ema50, tr("EMA 50")},
        {ChartOverlay::Bollinger, tr("Bollinger 20, 2")}};
    for (const auto &[overlay, text] : overlays) {
        auto *box = new QCheckBox(text, this);
        box->setObjectName(QStringLiteral("overlay%1").arg(int(overlay)));
        connect(box, &QCheckBox::toggled, this,
                [this, o = overlay](bool on) { Q_EMIT overlayToggled(o, on); });
        m_overlays.insert(overlay, box);
        layout->addWidget(box);
        layout->addSpacing(6);
    }
    m_overlays.value(ChartOverlay::Volume)->setChecked(true);

    layout->addStretch(1);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busy->setRange(0, 0); // indeterminate
    m_busy->setTextVisible(false);
    m_busy->setFixedSize(80, 6);
    m_busy->setToolTip(tr("Refreshing…"));
    m_busy->hide();
    layout->addWidget(m_busy);
    layout->addSpacing(8);
    m_reset = new QToolButton(this);
    m_reset->setObjectName(QStringLiteral("resetZoomButton"));
    m_reset->setText(tr("Reset zoom"));
    m_reset->setToolTip(tr("Show the whole range again (double-click or key 0)"));
    m_reset->setAutoRaise(true);
    m_reset->setEnabled(false);
    connect(m_reset, &QToolButton::clicked, this, &ChartToolBar::resetActivated);
    layout->addWidget(m_reset);

    setRange(ChartRange::Month);
    setMode(ChartMode::Line);
}

QString ChartToolBar::rangeLabel(ChartRange range)
{
    switch (range) {
    case ChartRange::Day:
        return tr("24H");
    case ChartRange::Week:
        return tr("7D");
    case ChartRange::Month:
        return tr("30D");
    case ChartRange::Quarter:
        return tr("90D");
    case ChartRange::Year:
        return tr("1Y");
    case ChartRange::Max:
        break;
    }
    return tr("MAX");
}

QToolButton *ChartToolBar::makeToggle(const QString &text, const QString &name)
{
    auto *button = new QToolButton(this);
    button->setObjectName(name);
    button->setText(text);
    button->setCheckable(true);
    button->setAutoRaise(true);
    button->setMinimumWidth(38);
    button->setFocusPolicy(Qt::TabFocus);
    return button;
}

void ChartToolBar::setRange(ChartRange range)
{
    if (QAbstractButton *button = m_ranges->button(int(range))) {
        button->setChecked(true);
    }
}

ChartRange ChartToolBar::range() const
{
    return static_cast<ChartRange>(m_ranges->checkedId());
}

void ChartToolBar::setMode(ChartMode mode)
{
    m_modes->button(int(mode))->setChecked(true);
}

ChartMode ChartToolBar::mode() const
{
    return static_cast<ChartMode>(m_modes->checkedId());
}

void ChartToolBar::setCandlesAvailable(bool available)
{
    m_candles->setEnabled(available);
    m_candles->setToolTip(available ? tr("Open, high, low and close per period")
                                    : tr("No OHLC data for this range yet"));
}

void ChartToolBar::setOverlay(ChartOverlay overlay, bool on)
{
    QCheckBox *box = m_overlays.value(overlay);
    const QSignalBlocker blocker(box);
    box->setChecked(on);
}

bool ChartToolBar::overlay(ChartOverlay overlay) const
{
    return m_overlays.value(overlay)->isChecked();
}

void ChartToolBar::setResetEnabled(bool enabled)
{
    m_reset->setEnabled(enabled);
}

void ChartToolBar::setBusy(bool busy)
{
    m_busy->setVisible(busy);
}

QAbstractButton *ChartToolBar::rangeButton(ChartRange range) const
{
    return m_ranges->button(int(range));
}

} // namespace ba::chart
