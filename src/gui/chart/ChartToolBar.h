#pragma once

#include "gui/chart/ChartTypes.h"

#include <QMap>
#include <QWidget>

class QAbstractButton;
class QButtonGroup;
class QCheckBox;
class QProgressBar;
class QToolButton;

namespace ba::chart {

// The row under the header: range buttons (24H · 7D · 30D · 90D · 1Y · MAX), Line/Candles,
// overlay check boxes and "Reset zoom". Setters never emit; clicks do.
class ChartToolBar : public QWidget
{
    Q_OBJECT
public:
    explicit ChartToolBar(QWidget *parent = nullptr);

    static QString rangeLabel(ChartRange range);

    void setRange(ChartRange range);
    ChartRange range() const;
    void setMode(ChartMode mode);
    ChartMode mode() const;
    void setCandlesAvailable(bool available);
    void setOverlay(ChartOverlay overlay, bool on);
    bool overlay(ChartOverlay overlay) const;
    void setResetEnabled(bool enabled);
    void setBusy(bool busy);

    QAbstractButton *rangeButton(ChartRange range) const;

Q_SIGNALS:
    void rangeActivated(ba::ChartRange range);
    void modeActivated(ba::ChartMode mode);
    void overlayToggled(ba::ChartOverlay overlay, bool on);
    void resetActivated();

private:
    QToolButton *makeToggle(const QString &text, const QString &name);

    QButtonGroup *m_ranges = nullptr;
    QButtonGroup *m_modes = nullptr;
    QToolButton *m_candles = nullptr;
    QMap<ChartOverlay, QCheckBox *> m_overlays;
    QToolButton *m_reset = nullptr;
    QProgressBar *m_busy = nullptr;
};

} // namespace ba::chart
