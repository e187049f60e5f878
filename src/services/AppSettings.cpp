#include "services/AppSettings.h"

#include "domain/AppConfig.h"
#include "domain/SourceIds.h"

#include <QSettings>
#include <cmath>
#include <initializer_list>

namespace ba {

namespace {

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

// An integer from the file, or the default when it is missing or not a number; clamped to range
// because the file may be edited by hand.
int readInt(const QSettings &settings, const char *name, int fallback, int min, int max)
{
    bool ok = false;
    const int value = settings.value(key(name)).toInt(&ok);
    return ok ? qBound(min, value, max) : fallback;
}

QString readString(const QSettings &settings, const char *name, const QString &fallback)
{
    const QString value = settings.value(key(name)).toString().trimmed();
    return value.isEmpty() ? fallback : value;
}

// The value among `values` whose wire name (AppSettings::toString) is `text`, ignoring case.
template <typename Enum>
std::optional<Enum> fromWireName(const QString &text, std::initializer_list<Enum> values)
{
    for (Enum value : values) {
        if (text.trimmed().compare(AppSettings::toString(value), Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return std::nullopt;
}

} // namespace

AppSettings::AppSettings(QSettings *settings, QString defaultGeminiModel)
    : m_settings(settings), m_defaultGeminiModel(std::move(defaultGeminiModel))
{
    Q_ASSERT(m_settings != nullptr);
    if (m_defaultGeminiModel.isEmpty()) {
        m_defaultGeminiModel = QString::fromLatin1(ConfigDefaults::GeminiModel);
    }
}

void AppSettings::sync()
{
    m_settings->sync();
}

int AppSettings::refreshIntervalMinutes() const
{
    return readInt(*m_settings, SettingsKeys::RefreshInterval, DefaultRefreshIntervalMinutes, 0,
                   MaxRefreshIntervalMinutes);
}

void AppSettings::setRefreshIntervalMinutes(int minutes)
{
    m_settings->setValue(key(SettingsKeys::RefreshInterval), qBound(0, minutes, MaxRefreshIntervalMinutes));
}

CoinGeckoPlan AppSettings::coinGeckoPlan() const
{
    return coinGeckoPlanFromString(m_settings->value(key(SettingsKeys::CoinGeckoPlan)).toString())
        .value_or(CoinGeckoPlan::Keyless);
}

void AppSettings::setCoinGeckoPlan(CoinGeckoPlan plan)
{
    m_settings->setValue(key(SettingsKeys::CoinGeckoPlan), toString(plan));
}

int AppSettings::coinGeckoRequestsPerMinute() const
{
    return readInt(*m_settings, SettingsKeys::CoinGeckoRequestsPerMinute, 0, 0, MaxRequestsPerMinute);
}

void AppSettings::setCoinGeckoRequestsPerMinute(int perMinute)
{
    m_settings->setValue(key(SettingsKeys::CoinGeckoRequestsPerMinute),
                         qBound(0, perMinute, MaxRequestsPerMinute));
}

AiProviderKind AppSettings::aiProvider() const
{
    return aiProviderFromString(m_settings->value(key(SettingsKeys::AiProvider)).toString())
        .value_or(AiProviderKind::Gemini);
}

void AppSettings::setAiProvider(AiProviderKind provider)
{
    m_settings->setValue(key(SettingsKeys::AiProvider), toString(provider));
}

QString AppSettings::geminiModel() const
{
    return readString(*m_settings, SettingsKeys::GeminiModel, m_defaultGeminiModel);
}

void AppSettings::setGeminiModel(const QString &model)
{
    m_settings->setValue(key(SettingsKeys::GeminiModel), model.trimmed());
}

double AppSettings::temperature() const
{
    bool ok = false;
    const double value = m_settings->value(key(SettingsKeys::Temperature)).toDouble(&ok);
    return ok && std::isfinite(value) ? qBound(0.0, value, MaxTemperature) : DefaultTemperature;
}

void AppSettings::setTemperature(double temperature)
{
    const double value =
        std::isfinite(temperature) ? qBound(0.0, temperature, MaxTemperature) : DefaultTemperature;
    m_settings->setValue(key(SettingsKeys::Temperature), value);
}

int AppSettings::maxOutputTokens() const
{
    return readInt(*m_settings, SettingsKeys::MaxOutputTokens, DefaultMaxOutputTokens, MinOutputTokens,
                   MaxOutputTokens);
}

void AppSettings::setMaxOutputTokens(int tokens)
{
    m_settings->setValue(key(SettingsKeys::MaxOutputTokens),
                         qBound(MinOutputTokens, tokens, MaxOutputTokens));
}

QUrl AppSettings::openaiBaseUrl() const
{
    // Stored as text: QUrl would be written as an unreadable @Variant blob.
    const QUrl url(readString(*m_settings, SettingsKeys::OpenAiBaseUrl, QString()), QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (url.isValid() && (scheme == u"http" || scheme == u"https") && !url.host().isEmpty()) {
        return url;
    }
    return QUrl(QString::fromLatin1(DefaultOpenAiBaseUrl));
}

void AppSettings::setOpenaiBaseUrl(const QUrl &url)
{
    m_settings->setValue(key(SettingsKeys::OpenAiBaseUrl), url.toString());
}

QString AppSettings::openaiModel() const
{
    return readString(*m_settings, SettingsKeys::OpenAiModel, QString::fromLatin1(DefaultOpenAiModel));
}

void AppSettings::setOpenaiModel(const QString &model)
{
    m_settings->setValue(key(SettingsKeys::OpenAiModel), model.trimmed());
}

AiSettings AppSettings::aiSettings() const
{
    AiSettings ai;
    ai.provider = aiProvider();
    ai.geminiModel = geminiModel();
    ai.temperature = temperature();
    ai.maxOutputTokens = maxOutputTokens();
    ai.openaiBaseUrl = openaiBaseUrl();
    ai.openaiModel = openaiModel();
    return ai;
}

void AppSettings::setAiSettings(const AiSettings &ai)
{
    setAiProvider(ai.provider);
    setGeminiModel(ai.geminiModel);
    setTemperature(ai.temperature);
    setMaxOutputTokens(ai.maxOutputTokens);
    setOpenaiBaseUrl(ai.openaiBaseUrl);
    setOpenaiModel(ai.openaiModel);
}

int AppSettings::newsRetentionDays() const
{
    return readInt(*m_settings, SettingsKeys::NewsRetentionDays, DefaultRetentionDays, MinRetentionDays,
                   MaxRetentionDays);
}

void AppSettings::setNewsRetentionDays(int days)
{
    m_settings->setValue(key(SettingsKeys::NewsRetentionDays),
                         qBound(MinRetentionDays, days, MaxRetentionDays));
}

std::optional<QStringList> AppSettings::enabledFeeds() const
{
    if (!m_settings->contains(key(SettingsKeys::NewsEnabledFeeds))) {
        return std::nullopt;
    }
    QStringList ids = m_settings->value(key(SettingsKeys::NewsEnabledFeeds)).toStringList();
    ids.removeAll(QString()); // an empty list can come back as one empty string
    return ids;
}

void AppSettings::setEnabledFeeds(const QStringList &ids)
{
    m_settings->setValue(key(SettingsKeys::NewsEnabledFeeds), ids);
}

QString AppSettings::language() const
{
    const QString value = m_settings->value(key(SettingsKeys::Language)).toString().trimmed().toLower();
    return value == u"en" || value == u"fr" ? value : QString();
}

void AppSettings::setLanguage(const QString &language)
{
    const QString value = language.trimmed().toLower();
    m_settings->setValue(key(SettingsKeys::Language), value == u"en" || value == u"fr" ? value : QString());
}

UiTheme AppSettings::uiTheme() const
{
    return uiThemeFromString(m_settings->value(key(SettingsKeys::Theme)).toString())
        .value_or(UiTheme::System);
}

void AppSettings::setUiTheme(UiTheme theme)
{
    m_settings->setValue(key(SettingsKeys::Theme), toString(theme));
}

PriceRange AppSettings::chartRange() const
{
    return static_cast<PriceRange>(readInt(*m_settings, SettingsKeys::ChartRange, int(PriceRange::Month),
                                           int(PriceRange::Day), int(PriceRange::Max)));
}

void AppSettings::setChartRange(PriceRange range)
{
    m_settings->setValue(key(SettingsKeys::ChartRange), int(range));
}

namespace {

const QList<std::pair<ChartOverlay, QString>> &overlayNames()
{
    static const QList<std::pair<ChartOverlay, QString>> names{
        {ChartOverlay::Volume, QStringLiteral("volume")},
        {ChartOverlay::Sma20, QStringLiteral("sma20")},
        {ChartOverlay::Ema50, QStringLiteral("ema50")},
        {ChartOverlay::Bollinger, QStringLiteral("bollinger")},
    };
    return names;
}

} // namespace

ChartMode AppSettings::chartMode() const
{
    return m_settings->value(key(SettingsKeys::ChartMode)).toString() == u"candles" ? ChartMode::Candles
                                                                                    : ChartMode::Line;
}

void AppSettings::setChartMode(ChartMode mode)
{
    m_settings->setValue(key(SettingsKeys::ChartMode),
                         mode == ChartMode::Candles ? QStringLiteral("candles") : QStringLiteral("line"));
}

std::optional<QList<ChartOverlay>> AppSettings::chartOverlays() const
{
    const QVariant stored = m_settings->value(key(SettingsKeys::ChartOverlays));
    if (!stored.isValid()) {
        return std::nullopt;
    }
    const QStringList names = stored.toStringList();
    QList<ChartOverlay> overlays;
    for (const auto &[overlay, name] : overlayNames()) {
        if (names.contains(name)) {
            overlays.append(overlay);
        }
    }
    return overlays;
}

void AppSettings::setChartOverlays(const QList<ChartOverlay> &overlays)
{
    QStringList names;
    for (const auto &[overlay, name] : overlayNames()) {
        if (overlays.contains(overlay)) {
            names.append(name);
        }
    }
    // An empty list would not survive an INI file as "set": "none" says every layer is off.
    m_settings->setValue(key(SettingsKeys::ChartOverlays),
                         names.isEmpty() ? QStringList{QStringLiteral("none")} : names);
}

void AppSettings::setSelectedMarket(const QString &coinId, const QString &currency)
{
    m_settings->setValue(key(SettingsKeys::SelectedCoin), coinId);
    m_settings->setValue(key(SettingsKeys::SelectedCurrency), currency);
}

CoinListCache AppSettings::coinList() const
{
    CoinListCache list;
    for (const QString &entry : m_settings->value(key(SettingsKeys::CoinList)).toStringList()) {
        const qsizetype tab = entry.indexOf(u'\t');
        if (tab > 0 && tab + 1 < entry.size()) {
            list.coins.append({entry.left(tab), entry.mid(tab + 1)});
        }
    }
    if (!list.coins.isEmpty()) {
        list.fetchedMs = m_settings->value(key(SettingsKeys::CoinListFetched)).toLongLong();
    }
    return list;
}

void AppSettings::setCoinList(const CoinListCache &list)
{
    QStringList entries;
    for (const CoinChoice &coin : list.coins) {
        entries.append(coin.id + u'\t' + coin.label);
    }
    m_settings->setValue(key(SettingsKeys::CoinList), entries);
    m_settings->setValue(key(SettingsKeys::CoinListFetched), list.fetchedMs);
}

WindowLayout AppSettings::windowLayout() const
{
    WindowLayout layout;
    layout.geometry = m_settings->value(key(SettingsKeys::WindowGeometry)).toByteArray();
    layout.state = m_settings->value(key(SettingsKeys::WindowState)).toByteArray();
    layout.splitMain = m_settings->value(key(SettingsKeys::WindowSplitMain)).toByteArray();
    layout.splitBottom = m_settings->value(key(SettingsKeys::WindowSplitBottom)).toByteArray();
    return layout;
}

void AppSettings::setWindowLayout(const WindowLayout &layout)
{
    m_settings->setValue(key(SettingsKeys::WindowGeometry), layout.geometry);
    m_settings->setValue(key(SettingsKeys::WindowState), layout.state);
    m_settings->setValue(key(SettingsKeys::WindowSplitMain), layout.splitMain);
    m_settings->setValue(key(SettingsKeys::WindowSplitBottom), layout.splitBottom);
}

std::optional<QString> AppSettings::configValue(const QString &configKey) const
{
    const QString name = configKey == QLatin1String(ConfigKeys::GeminiModel)
                             ? key(SettingsKeys::GeminiModel)
                             : key(SettingsKeys::ConfigPrefix) + configKey;
    const QVariant value = m_settings->value(name);
    return value.isValid() ? std::optional<QString>(value.toString()) : std::nullopt;
}

QString AppSettings::toString(AiProviderKind provider)
{
    switch (provider) {
    case AiProviderKind::Gemini:
        return SourceIds::Gemini;
    case AiProviderKind::OpenAiCompatible:
        return SourceIds::OpenAiCompatible;
    case AiProviderKind::None:
        break;
    }
    return QStringLiteral("none");
}

std::optional<AiProviderKind> AppSettings::aiProviderFromString(const QString &text)
{
    return fromWireName(text,
                        {AiProviderKind::Gemini, AiProviderKind::OpenAiCompatible, AiProviderKind::None});
}

QString AppSettings::toString(CoinGeckoPlan plan)
{
    switch (plan) {
    case CoinGeckoPlan::Demo:
        return QStringLiteral("demo");
    case CoinGeckoPlan::Pro:
        return QStringLiteral("pro");
    case CoinGeckoPlan::Keyless:
        break;
    }
    return QStringLiteral("keyless");
}

std::optional<CoinGeckoPlan> AppSettings::coinGeckoPlanFromString(const QString &text)
{
    return fromWireName(text, {CoinGeckoPlan::Keyless, CoinGeckoPlan::Demo, CoinGeckoPlan::Pro});
}

QString AppSettings::toString(UiTheme theme)
{
    switch (theme) {
    case UiTheme::Light:
        return QStringLiteral("light");
    case UiTheme::Dark:
        return QStringLiteral("dark");
    case UiTheme::System:
        break;
    }
    return QStringLiteral("system");
}

std::optional<UiTheme> AppSettings::uiThemeFromString(const QString &text)
{
    return fromWireName(text, {UiTheme::System, UiTheme::Light, UiTheme::Dark});
}

} // namespace ba
