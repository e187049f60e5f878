#include "gui/chart/ChartHeader.h"

#include "gui/chart/ChartFormat.h"
#include "gui/chart/PillLabel.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

namespace ba::chart {

namespace {

QFont scaledFont(QFont font, qreal scale, QFont::Weight weight)
{
    if (font.pointSizeF() > 0) {
        font.setPointSizeF(font.pointSizeF() * scale);
    } else {
        font.setPixelSize(qRound(font.pixelSize() * scale));
    }
    font.setWeight(weight);
    return font;
}

void setTextColor(QLabel *label, const QColor &color)
{
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, color);
    label->setPalette(pal);
}

QColor tint(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

} // namespace

ChartHeader::ChartHeader(QWidget *parent)
    : QWidget(parent), m_now([] { return QDateTime::currentDateTime(); })
{
    buildLayout();
    m_ageTimer = new QTimer(this);
    m_ageTimer->setInterval(30 * 1000);
    connect(m_ageTimer, &QTimer::timeout, this, &ChartHeader::refreshAge);
    connect(m_coin, &QComboBox::activated, this,
            [this](int index) { Q_EMIT coinActivated(m_coin->itemData(index).toString()); });
    connect(m_currency, &QComboBox::activated, this,
            [this](int index) { Q_EMIT currencyActivated(m_currency->itemData(index).toString()); });
    applyTheme(ChartTheme::fromPalette(palette()));
}

void ChartHeader::buildLayout()
{
    m_coin = new QComboBox(this);
    m_coin->setObjectName(QStringLiteral("coinCombo"));
    m_coin->setToolTip(tr("Coin"));
    m_coin->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_currency = new QComboBox(this);
    m_currency->setObjectName(QStringLiteral("currencyCombo"));
    m_currency->setToolTip(tr("Currency"));
    m_currency->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_price = new QLabel(QStringLiteral("—"), this);
    m_price->setObjectName(QStringLiteral("priceLabel"));
    m_price->setFont(scaledFont(font(), 2.0, QFont::Bold));
    m_price->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_change = new PillLabel(this);
    m_change->setObjectName(QStringLiteral("changeLabel"));
    m_change->setFont(scaledFont(font(), 1.05, QFont::DemiBold));
    m_change->setToolTip(tr("Change over the last 24 hours"));
    m_stale = new PillLabel(this);
    m_stale->setObjectName(QStringLiteral("staleBadge"));
    m_stale->setText(tr("Stale"));
    m_stale->setFont(scaledFont(font(), 0.9, QFont::Bold));
    m_stale->setToolTip(tr("The last refresh failed: these figures may be out of date."));
    m_stale->hide();

    auto statBlock = [this](QLabel *&caption, QLabel *&value, const QString &title, const QString &name) {
        caption = new QLabel(title, this);
        caption->setFont(scaledFont(font(), 0.85, QFont::Normal));
        value = new QLabel(QStringLiteral("—"), this);
        value->setObjectName(name);
        value->setFont(scaledFont(font(), 1.1, QFont::DemiBold));
        auto *box = new QVBoxLayout;
        box->setSpacing(0);
        box->addWidget(caption, 0, Qt::AlignRight);
        box->addWidget(value, 0, Qt::AlignRight);
        return box;
    };
    m_updated = new QLabel(this);
    m_updated->setObjectName(QStringLiteral("updatedLabel"));
    m_updated->setFont(scaledFont(font(), 0.85, QFont::Normal));

    auto *pickers = new QHBoxLayout;
    pickers->setSpacing(6);
    pickers->addWidget(m_coin);
    pickers->addWidget(m_currency);
    pickers->addStretch(1);
    auto *price = new QHBoxLayout;
    price->setSpacing(10);
    price->addWidget(m_price, 0, Qt::AlignVCenter);
    price->addWidget(m_change, 0, Qt::AlignVCenter);
    price->addWidget(m_stale, 0, Qt::AlignVCenter);
    price->addStretch(1);
    auto *stats = new QHBoxLayout;
    stats->setSpacing(24);
    stats->addLayout(
        statBlock(m_marketCapCaption, m_marketCap, tr("Market cap"), QStringLiteral("marketCapLabel")));
    stats->addLayout(statBlock(m_volumeCaption, m_volume, tr("24h volume"), QStringLiteral("volumeLabel")));

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(12, 8, 12, 4);
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(2);
    grid->addLayout(pickers, 0, 0);
    grid->addWidget(m_updated, 0, 2, Qt::AlignRight | Qt::AlignVCenter);
    grid->addLayout(price, 1, 0);
    grid->addLayout(stats, 1, 2, Qt::AlignRight | Qt::AlignVCenter);
    grid->setColumnStretch(1, 1);
}

void ChartHeader::setSnapshot(const MarketSnapshot &snapshot, const QDateTime &fetchedAt, bool stale)
{
    m_snapshot = snapshot;
    m_fetchedAt = fetchedAt;
    m_isStale = stale;
    if (!snapshot.vsCurrency.isEmpty()) {
        setCurrentCurrency(snapshot.vsCurrency);
    }
    updateTexts();
    m_ageTimer->start();
}

void ChartHeader::clearSnapshot()
{
    m_snapshot.reset();
    m_fetchedAt = {};
    m_isStale = false;
    m_ageTimer->stop();
    updateTexts();
}

void ChartHeader::updateTexts()
{
    const QLocale locale;
    const QString currency =
        m_snapshot && !m_snapshot->vsCurrency.isEmpty() ? m_snapshot->vsCurrency : currentCurrency();
    const QString dash = QStringLiteral("—");
    m_price->setText(m_snapshot ? formatPrice(m_snapshot->price, currency, locale) : dash);
    const std::optional<double> change = m_snapshot ? m_snapshot->change24hPct : std::nullopt;
    m_change->setVisible(change.has_value());
    if (change) {
        const QColor color = *change >= 0 ? m_theme.up : m_theme.down;
        m_change->setText(formatChangeArrow(*change, locale));
        m_change->setColors(color, tint(color, m_theme.dark ? 46 : 30));
    }
    const auto compact = [&](std::optional<double> value) {
        return value ? formatCompactMoney(*value, currency, locale) : dash;
    };
    m_marketCap->setText(compact(m_snapshot ? m_snapshot->marketCap : std::nullopt));
    m_volume->setText(compact(m_snapshot ? m_snapshot->volume24h : std::nullopt));
    m_stale->setVisible(m_snapshot && m_isStale);
    if (m_snapshot && m_snapshot->lastUpdatedMs > 0) {
        m_updated->setToolTip(tr("Price as of %1").arg(formatReadoutTime(m_snapshot->lastUpdatedMs, locale)));
    } else {
        m_updated->setToolTip(QString());
    }
    refreshAge();
}

void ChartHeader::refreshAge()
{
    m_updated->setText(m_snapshot ? formatUpdatedAge(m_fetchedAt, m_now()) : QString());
}

void ChartHeader::setCoins(const QList<QPair<QString, QString>> &coins)
{
    const QString current = currentCoin();
    const QSignalBlocker blocker(m_coin);
    m_coin->clear();
    for (const auto &[id, label] : coins) {
        m_coin->addItem(label, id);
    }
    if (!current.isEmpty()) {
        selectData(m_coin, current, current);
    }
}

void ChartHeader::setCurrencies(const QStringList &codes)
{
    const QString current = currentCurrency();
    const QSignalBlocker blocker(m_currency);
    m_currency->clear();
    for (const QString &code : codes) {
        m_currency->addItem(code.toUpper(), code.toLower());
    }
    if (!current.isEmpty()) {
        selectData(m_currency, current, current.toUpper());
    }
}

void ChartHeader::setCurrentCoin(const QString &coinId)
{
    selectData(m_coin, coinId, coinId);
}

void ChartHeader::setCurrentCurrency(const QString &code)
{
    selectData(m_currency, code.toLower(), code.toUpper());
}

QString ChartHeader::currentCoin() const
{
    return m_coin->currentData().toString();
}

QString ChartHeader::currentCurrency() const
{
    return m_currency->currentData().toString();
}

void ChartHeader::selectData(QComboBox *combo, const QString &data, const QString &labelIfMissing)
{
    const QSignalBlocker blocker(combo);
    int index = combo->findData(data);
    if (index < 0) {
        // Unknown to the list (e.g. from --coin): add it rather than show something else.
        combo->addItem(labelIfMissing, data);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
}

void ChartHeader::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
    refreshAge();
}

void ChartHeader::applyTheme(const ChartTheme &theme)
{
    m_theme = theme;
    for (QLabel *muted : {m_marketCapCaption, m_volumeCaption, m_updated}) {
        setTextColor(muted, theme.mutedText);
    }
    m_stale->setColors(theme.staleText, theme.staleBackground);
    updateTexts();
}

} // namespace ba::chart
