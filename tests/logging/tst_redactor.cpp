#include "logging/Redactor.h"

#include <QTest>
#include <thread>
#include <vector>

class TestRedactor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void redactPatterns_keyForms_valueMasked_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        auto row = [](const char *name, const char *input, const char *expected) {
            QTest::newRow(name) << QString::fromUtf8(input) << QString::fromUtf8(expected);
        };
        row("key first in query", "GET https://x.test/v1/models?key=abc123&alt=json",
            "GET https://x.test/v1/models?key=***&alt=json");
        row("key in the middle", "https://x.test/p?a=1&key=abc123&b=2", "https://x.test/p?a=1&key=***&b=2");
        row("key at the end", "https://x.test/p?a=1&key=abc123", "https://x.test/p?a=1&key=***");
        row("key before fragment", "https://x.test/p?key=abc123#top", "https://x.test/p?key=***#top");
        row("key with percent-encoded value", "?key=ab%2Bc%3D%3D&x=1", "?key=***&x=1");
        row("demo key param", "/simple/price?ids=bitcoin&x_cg_demo_api_key=CG-abc123",
            "/simple/price?ids=bitcoin&x_cg_demo_api_key=***");
        row("pro key param mid", "?x_cg_pro_api_key=CG-pro9&vs_currency=usd",
            "?x_cg_pro_api_key=***&vs_currency=usd");
        row("param name upper case", "?KEY=abc123&x=1", "?KEY=***&x=1");
        row("url-encoded url inside a url", "u=https%3A%2F%2Fx.test%2Fp%3Fkey%3Dabc123%26y%3D1",
            "u=https%3A%2F%2Fx.test%2Fp%3Fkey%3D***%26y%3D1");
        row("encoded key at end", "u=https%3A%2F%2Fx.test%2Fp%3Fa%3D1%26key%3Dabc123",
            "u=https%3A%2F%2Fx.test%2Fp%3Fa%3D1%26key%3D***");
        row("key in free text", "request failed (key=abc123 rejected)", "request failed (key=*** rejected)");
        row("two keys in one line", "?key=one1 then ?key=two2", "?key=*** then ?key=***");
        row("goog header", "x-goog-api-key: AIzaSyA-123_x", "x-goog-api-key: ***");
        row("goog header mixed case", "X-Goog-Api-Key: AIzaSyA-123_x", "X-Goog-Api-Key: ***");
        row("goog header upper case no space", "X-GOOG-API-KEY:AIzaSyA", "X-GOOG-API-KEY:***");
        row("cg demo header", "headers: x-cg-demo-api-key: CG-abc, accept: json",
            "headers: x-cg-demo-api-key: ***, accept: json");
        row("cg pro header", "X-Cg-Pro-Api-Key: CG-pro", "X-Cg-Pro-Api-Key: ***");
        row("json-ish header", R"({"x-goog-api-key":"AIzaSyA-123","accept":"json"})",
            R"({"x-goog-api-key":"***","accept":"json"})");
        row("json-ish header with spaces", R"({ "x-cg-demo-api-key" : "CG-abc" })",
            R"({ "x-cg-demo-api-key" : "***" })");
        row("qdebug header pair", R"(std::pair("x-goog-api-key","AIzaSyA-123"))",
            R"(std::pair("x-goog-api-key","***"))");
        row("similar param name untouched", "?monkey=banana&keys=3&key_id=7",
            "?monkey=banana&keys=3&key_id=7");
        row("empty key untouched", "?key=&x=1", "?key=&x=1");
        row("no keys untouched", "GET /coins/bitcoin/market_chart?vs_currency=usd&days=30 -> 200 412 ms",
            "GET /coins/bitcoin/market_chart?vs_currency=usd&days=30 -> 200 412 ms");
        row("empty text", "", "");
    }
    void redactPatterns_keyForms_valueMasked()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(ba::Redactor::redactPatterns(input), expected);
        ba::Redactor redactor;
        QCOMPARE(redactor.redact(input), expected);
    }

    void redact_configuredSecrets_data()
    {
        QTest::addColumn<QStringList>("secrets");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("secret in free text")
            << QStringList{QStringLiteral("s3cr3tValue")} << QStringLiteral("using s3cr3tValue for gemini")
            << QStringLiteral("using *** for gemini");
        QTest::newRow("secret twice")
            << QStringList{QStringLiteral("s3cr3tValue")} << QStringLiteral("s3cr3tValue/s3cr3tValue")
            << QStringLiteral("***/***");
        QTest::newRow("secret percent-encoded")
            << QStringList{QStringLiteral("ab+c/d==")} << QStringLiteral("body=ab%2Bc%2Fd%3D%3D")
            << QStringLiteral("body=***");
        QTest::newRow("longer secret containing shorter")
            << QStringList{QStringLiteral("abcd"), QStringLiteral("abcdefgh")}
            << QStringLiteral("x abcdefgh y") << QStringLiteral("x *** y");
        QTest::newRow("short secret not masked")
            << QStringList{QStringLiteral("abc")} << QStringLiteral("abc is not a key")
            << QStringLiteral("abc is not a key");
        QTest::newRow("whitespace around secret trimmed")
            << QStringList{QStringLiteral("  k3yV4lue\n")} << QStringLiteral("k3yV4lue")
            << QStringLiteral("***");
        QTest::newRow("empty secret ignored")
            << QStringList{QString()} << QStringLiteral("plain text") << QStringLiteral("plain text");
        QTest::newRow("text without secret unchanged")
            << QStringList{QStringLiteral("s3cr3tValue")} << QStringLiteral("nothing here")
            << QStringLiteral("nothing here");
    }
    void redact_configuredSecrets()
    {
        QFETCH(QStringList, secrets);
        QFETCH(QString, input);
        QFETCH(QString, expected);
        ba::Redactor redactor;
        redactor.setSecrets(secrets);
        QCOMPARE(redactor.redact(input), expected);
    }

    void setSecrets_replacesPreviousList()
    {
        ba::Redactor redactor;
        redactor.setSecrets({QStringLiteral("first-secret")});
        redactor.setSecrets({QStringLiteral("second-secret")});
        QCOMPARE(redactor.redact(QStringLiteral("first-secret second-secret")),
                 QStringLiteral("first-secret ***"));
    }

    void redact_concurrentWithSetSecrets_alwaysMasksPatterns()
    {
        ba::Redactor redactor;
        redactor.setSecrets({QStringLiteral("planted-secret")});
        std::atomic<int> leaks{0};
        std::vector<std::thread> readers;
        for (int t = 0; t < 3; ++t) {
            readers.emplace_back([&] {
                for (int i = 0; i < 2000; ++i) {
                    const QString out = redactor.redact(QStringLiteral("?key=abc123 planted-secret"));
                    if (out.contains(QLatin1String("abc123")) ||
                        out.contains(QLatin1String("planted-secret"))) {
                        ++leaks;
                    }
                }
            });
        }
        for (int i = 0; i < 200; ++i) {
            redactor.setSecrets({QStringLiteral("planted-secret"), QStringLiteral("other%1").arg(i)});
        }
        for (std::thread &reader : readers) {
            reader.join();
        }
        QCOMPARE(leaks.load(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRedactor)
#include "tst_redactor.moc"
