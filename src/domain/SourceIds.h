#pragma once

#include <QLatin1String>

namespace ba {

// The ids of the outside sources: one name per source for HttpRequest::source, the health rows and
// their metrics, AiProvider::providerId() and the `provider` column of stored analyses. They
// appear in the log and the diagnostic report, so they never change.
namespace SourceIds {
inline constexpr QLatin1String CoinGecko{"coingecko"};
inline constexpr QLatin1String Gemini{"gemini"};
inline constexpr QLatin1String OpenAiCompatible{"openai-compatible"};
inline constexpr QLatin1String NewsBrowser{"news-browser"}; // the hidden-browser scrape of the news site
inline constexpr QLatin1String RssPrefix{"rss:"};           // "rss:<profile id>", one per feed
} // namespace SourceIds

} // namespace ba
