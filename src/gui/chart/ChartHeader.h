#pragma once

#include "domain/MarketTypes.h"
#include "gui/chart/ChartTheme.h"

#include <QDateTime>
#include <QPair>
#include <QStringList>
#include <QWidget>
#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QTimer;

namespace ba::chart {

class PillLabel;

// The strip above the chart: coin and currency pickers, the current price in large type, the
// 24 h change as a green ▲ or red ▼ pill, market cap and volume in compact form, "updated N
// min ago" (recomputed every 30 s) and an orange "Stale" badge for data that is known to be old.
class ChartHeader : public QWidget
{
    Q_OBJECT
public:
    explicit ChartHeader(QWidget *parent = nullptr);

    void setSnapshot(const MarketSnapshot &snapshot, const QDateTime &fetchedAt, bool stale);
    void clearSnapshot();

    // Pickers. Setting them never emits; only a user's choice does.
    void setCoins(const QList<QPair<QString, QString>> &coins);
    void setCurrencies(const QStringList &codes);
    void setCurrentCoin(const QString &coinId);
    void setCurrentCurrency(const QString &code);
    QString currentCoin() const;
    QString currentCurrency() const;

    // The clock behind "updated N min ago"; tests pass a fixed one.
    void setClock(std::function<QDateTime()> now);
    void applyTheme(const ChartTheme &theme);
    // Recomputes the relative age text now (also runs every 30 s).
    void refreshAge();

Q_SIGNALS:
    void coinActivated(const QString &coinId);
    void currencyActivated(const QString &code);

private:
    void buildLayout();
    void updateTexts();
    static void selectData(QComboBox *combo, const QString &data, const QString &labelIfMissing);

    QComboBox *m_coin = nullptr;
    QComboBox *m_currency = nullptr;
    QLabel *m_price = nullptr;
    PillLabel *m_change = nullptr;
    PillLabel *m_stale = nullptr;
    QLabel *m_marketCapCaption = nullptr;
    QLabel *m_marketCap = nullptr;
    QLabel *m_volumeCaption = nullptr;
    QLabel *m_volume = nullptr;
    QLabel *m_updated = nullptr;
    QTimer *m_ageTimer = nullptr;

    std::optional<MarketSnapshot> m_snapshot;
    QDateTime m_fetchedAt;
    bool m_isStale = false;
    ChartTheme m_theme;
    std::function<QDateTime()> m_now;
};

} // namespace ba::chart
