// The news-sites profile file (--news-config): parsing, then the --news-url override on the result.
#include "FuzzSupport.h"
#include "news/NewsSiteProfile.h"

#include <QRegularExpression>

BA_FUZZ_QUIET_INITIALIZE()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace ba;
    NewsSiteConfigResult result =
        NewsSiteConfigLoader::parse(fuzz::bytesOf(data, size), QStringLiteral("fuzz.json"));
    if (!result.ok()) {
        BA_FUZZ_CHECK(result.config.sites.isEmpty()); // a broken file yields no half-read profiles
        BA_FUZZ_CHECK(!result.error->isEmpty());
        return 0;
    }
    // The id names a storage folder: it must stay a plain file name.
    static const QRegularExpression plainName(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
    for (const NewsSiteProfile &site : std::as_const(result.config.sites)) {
        BA_FUZZ_CHECK(plainName.match(site.id).hasMatch());
        BA_FUZZ_CHECK(site.url.scheme() == u"http" || site.url.scheme() == u"https");
        BA_FUZZ_CHECK(site.timeoutMs >= NewsSiteProfile::MinTimeoutMs &&
                      site.timeoutMs <= NewsSiteProfile::MaxTimeoutMs);
    }
    applyNewsUrlOverride(result.config, QUrl(QStringLiteral("http://127.0.0.1:8080/news/")));
    BA_FUZZ_CHECK(result.config.firstEnabled(NewsSiteProfile::Kind::Browser) != nullptr);
    return 0;
}
