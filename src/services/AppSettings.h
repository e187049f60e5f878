#pragma once

#include "domain/ChartStyle.h"
#include "domain/MarketTypes.h"
#include "domain/PriceRange.h"
#include "net/CoinGeckoTypes.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <optional>

class QSettings;

namespace ba {

// Which narrator writes the analysis ("ai/provider" in the settings file).
enum class AiProviderKind
{
    Gemini,           // "gemini"
    OpenAiCompatible, // "openai-compatible": Ollama, llama.cpp, LM Studio, ...
    None,             // "none": local report only
};

// CoinGeckoPlan (net/CoinGeckoTypes.h) decides the base URL, the key header and the request budget;
// stored as "keyless", "demo" or "pro".

// The colours of the interface ("ui/theme"): the platform's, or our light or dark palette.
enum class UiTheme
{
    System, // "system": the desktop's style and palette
    Light,  // "light"
    Dark,   // "dark"
};

// The AI part of the settings in one value, as the analysis wiring needs it. Never holds a key.
struct AiSettings
{
    AiProviderKind provider = AiProviderKind::Gemini;
    QString geminiModel;
    double temperature = 0.4;
    int maxOutputTokens = 4096;
    QUrl openaiBaseUrl;
    QString openaiModel;

    friend bool operator==(const AiSettings &, const AiSettings &) = default;
};

// The coin picker's last list from CoinGecko and when it was fetched (Unix ms).
struct CoinListCache
{
    QList<CoinChoice> coins;
    qint64 fetchedMs = 0;
};

// The main window's saved geometry, dock state and splitter positions (Qt's opaque blobs).
struct WindowLayout
{
    QByteArray geometry;
    QByteArray state;
    QByteArray splitMain;
    QByteArray splitBottom;
};

// Names in the settings file (settings.ini with --data-dir). Part of the on-disk format.
namespace SettingsKeys {
inline constexpr auto RefreshInterval = "refresh/intervalMinutes";
inline constexpr auto CoinGeckoPlan = "coingecko/plan";
inline constexpr auto CoinGeckoRequestsPerMinute = "coingecko/requestsPerMinute";
inline constexpr auto AiProvider = "ai/provider";
inline constexpr auto GeminiModel = "ai/geminiModel";
inline constexpr auto Temperature = "ai/temperature";
inline constexpr auto MaxOutputTokens = "ai/maxOutputTokens";
inline constexpr auto OpenAiBaseUrl = "ai/openaiBaseUrl";
inline constexpr auto OpenAiModel = "ai/openaiModel";
inline constexpr auto NewsRetentionDays = "news/retentionDays";
inline constexpr auto NewsEnabledFeeds = "news/enabledFeeds";
inline constexpr auto Language = "ui/language";
inline constexpr auto Theme = "ui/theme";
inline constexpr auto ChartRange = "chart/range";
inline constexpr auto ChartMode = "chart/mode";         // "line" or "candles"
inline constexpr auto ChartOverlays = "chart/overlays"; // "volume", "sma20", "ema50", "bollinger"
// The coin and currency picked in the window are the settings twins of --coin and --currency, so
// that the command line still wins (AppConfig's precedence).
inline constexpr auto SelectedCoin = "config/coin";
inline constexpr auto SelectedCurrency = "config/currency";
inline constexpr auto CoinList = "coins/topList";             // "id\tlabel" per entry
inline constexpr auto CoinListFetched = "coins/topFetchedMs"; // Unix ms of that list
inline constexpr auto WindowGeometry = "window/geometry";
inline constexpr auto WindowState = "window/state";
inline constexpr auto WindowSplitMain = "window/splitMain";
inline constexpr auto WindowSplitBottom = "window/splitBottom";
inline constexpr auto ConfigPrefix = "config/"; // settings twins of command-line options
} // namespace SettingsKeys

// Typed access to the user's settings with defaults and ranges. A thin wrapper: it owns no state,
// every getter reads the QSettings it was given. Secrets never go here: API keys live in KeyStore.
class AppSettings
{
public:
    // Ranges enforced by the setters and by the getters (a hand-edited file is clamped).
    static constexpr int MaxRefreshIntervalMinutes = 1440;
    static constexpr int MaxRequestsPerMinute = 1000;
    static constexpr double MaxTemperature = 2.0;
    static constexpr int MinOutputTokens = 256;
    static constexpr int MaxOutputTokens = 65536;
    static constexpr int MinRetentionDays = 1;
    static constexpr int MaxRetentionDays = 3650;

    // Defaults.
    static constexpr int DefaultRefreshIntervalMinutes = 5;
    static constexpr double DefaultTemperature = 0.4;
    static constexpr int DefaultMaxOutputTokens = 4096;
    static constexpr int DefaultRetentionDays = 30;
    static constexpr auto DefaultOpenAiBaseUrl = "http://localhost:11434/v1";
    static constexpr auto DefaultOpenAiModel = "llama3.1";

    // `settings` must outlive this object. `defaultGeminiModel` is what ai/geminiModel falls back
    // to (AppConfig's model, i.e. command line > environment > built-in default).
    explicit AppSettings(QSettings *settings, QString defaultGeminiModel = QString());

    QSettings *settings() const { return m_settings; }
    void sync(); // writes pending changes to disk now

    // refresh/intervalMinutes: 0 = auto-refresh off.
    int refreshIntervalMinutes() const;
    void setRefreshIntervalMinutes(int minutes);

    // coingecko/plan and coingecko/requestsPerMinute (0 = the plan's default budget).
    CoinGeckoPlan coinGeckoPlan() const;
    void setCoinGeckoPlan(CoinGeckoPlan plan);
    int coinGeckoRequestsPerMinute() const;
    void setCoinGeckoRequestsPerMinute(int perMinute);

    // ai/*
    AiProviderKind aiProvider() const;
    void setAiProvider(AiProviderKind provider);
    QString geminiModel() const;
    void setGeminiModel(const QString &model);
    double temperature() const;
    void setTemperature(double temperature);
    int maxOutputTokens() const;
    void setMaxOutputTokens(int tokens);
    QUrl openaiBaseUrl() const;
    void setOpenaiBaseUrl(const QUrl &url);
    QString openaiModel() const;
    void setOpenaiModel(const QString &model);
    AiSettings aiSettings() const;
    void setAiSettings(const AiSettings &ai);

    // news/retentionDays and news/enabledFeeds (profile ids). nullopt = never chosen, i.e. every
    // profile keeps its own "enabled" flag; an empty list means the user switched all feeds off.
    int newsRetentionDays() const;
    void setNewsRetentionDays(int days);
    std::optional<QStringList> enabledFeeds() const;
    void setEnabledFeeds(const QStringList &ids);

    // ui/language: "" = system locale, "en" or "fr". Takes effect after a restart.
    QString language() const;
    void setLanguage(const QString &language);

    // ui/theme: System unless the user chose Light or Dark. Applied at once (gui/Theme).
    UiTheme uiTheme() const;
    void setUiTheme(UiTheme theme);

    // chart/range: the range last shown (30 days until the user picks one).
    PriceRange chartRange() const;
    void setChartRange(PriceRange range);
    // chart/mode: line until the user picks candles.
    ChartMode chartMode() const;
    void setChartMode(ChartMode mode);
    // chart/overlays: the layers switched on; nullopt until the user has toggled one (the chart's
    // own default then applies).
    std::optional<QList<ChartOverlay>> chartOverlays() const;
    void setChartOverlays(const QList<ChartOverlay> &overlays);
    // config/coin and config/currency: the market last picked in the window. Read back through
    // configValue() at start-up, below the command line.
    void setSelectedMarket(const QString &coinId, const QString &currency);

    // coins/topList and coins/topFetchedMs. No coins when nothing usable is stored.
    CoinListCache coinList() const;
    void setCoinList(const CoinListCache &list);

    // window/*: empty blobs when nothing was saved.
    WindowLayout windowLayout() const;
    void setWindowLayout(const WindowLayout &layout);

    // The settings value of a command-line option (AppConfig's ConfigKeys name), for the
    // precedence command line > environment > settings > default. The Gemini model is the one
    // picked in Settings (ai/geminiModel); other options are read from "config/<key>".
    std::optional<QString> configValue(const QString &configKey) const;

    // Wire names, shared with the settings file and the command line.
    static QString toString(AiProviderKind provider);
    static std::optional<AiProviderKind> aiProviderFromString(const QString &text);
    static QString toString(CoinGeckoPlan plan);
    static QString toString(UiTheme theme);
    static std::optional<UiTheme> uiThemeFromString(const QString &text);
    static std::optional<CoinGeckoPlan> coinGeckoPlanFromString(const QString &text);

private:
    QSettings *m_settings;
    QString m_defaultGeminiModel;
};

} // namespace ba
