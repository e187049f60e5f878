#include "app/Bootstrap.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace ba;

// The translation machinery as `--lang` drives it: the catalogue built from translations/*.ts into
// the program, and Bootstrap installing ours and Qt's own (qtbase_fr.qm, from
// qt6-translations-l10n) so that Qt's buttons and dialogs speak the same language as ours.
// Whether the catalogue is complete is scripts/check-translations.sh's job (label "translations").
class TestTranslations : public QObject
{
    Q_OBJECT

    struct Entry
    {
        QString context, source, comment, translation;
        bool numerus = false;
    };

    // The finished entries of a .ts file (plural entries with their first form).
    static QList<Entry> finishedEntries(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return {};
        }
        QList<Entry> entries;
        QXmlStreamReader xml(&file);
        QString context;
        Entry entry;
        bool unfinished = false;
        while (!xml.atEnd()) {
            const QXmlStreamReader::TokenType token = xml.readNext();
            if (token == QXmlStreamReader::EndElement && xml.name() == u"message" && !unfinished) {
                entries.append(entry);
            }
            if (token != QXmlStreamReader::StartElement) {
                continue;
            }
            const QString name = xml.name().toString();
            if (name == u"name") {
                context = xml.readElementText();
            } else if (name == u"message") {
                entry =
                    Entry{context, {}, {}, {}, xml.attributes().value(QLatin1String("numerus")) == u"yes"};
                unfinished = false;
            } else if (name == u"source") {
                entry.source = xml.readElementText();
            } else if (name == u"comment") {
                entry.comment = xml.readElementText();
            } else if (name == u"translation") {
                unfinished = !xml.attributes().value(QLatin1String("type")).isEmpty();
                if (!entry.numerus) {
                    entry.translation = xml.readElementText();
                }
            } else if (name == u"numerusform" && entry.translation.isEmpty()) {
                entry.translation = xml.readElementText();
            }
        }
        return entries;
    }

    static QString cancelButtonText()
    {
        QDialogButtonBox box(QDialogButtonBox::Cancel);
        return box.button(QDialogButtonBox::Cancel)->text();
    }

    static void startWith(const QStringList &arguments)
    {
        auto outcome =
            Bootstrap::prepare(QStringList{QStringLiteral("bitcoin-analyzer"), QStringLiteral("--data-dir"),
                                           QStringLiteral("/nonexistent")} +
                                   arguments,
                               {});
        QVERIFY(!outcome.exitCode);
        Bootstrap::installTranslations(outcome.prepared.config);
    }

private Q_SLOTS:
    void catalogue_isBuiltIntoTheProgram()
    {
        const QString path = QStringLiteral(":/i18n/bitcoin-analyzer_fr.qm");
        QVERIFY2(QFile::exists(path), "lrelease output missing from the ba_app resources");
        QTranslator translator;
        QVERIFY(translator.load(path));
        QCOMPARE(translator.language(), QStringLiteral("fr_FR"));
    }

    void catalogue_givesEveryFinishedTranslationOfTheSource()
    {
        const QList<Entry> entries = finishedEntries(QStringLiteral(BA_TS_FR));
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/bitcoin-analyzer_fr.qm")));
        for (const Entry &entry : entries) {
            const QByteArray context = entry.context.toUtf8();
            const QByteArray source = entry.source.toUtf8();
            const QByteArray comment = entry.comment.toUtf8();
            const QString got = translator.translate(context.constData(), source.constData(),
                                                     comment.isEmpty() ? nullptr : comment.constData(),
                                                     entry.numerus ? 1 : -1);
            QVERIFY2(!got.isEmpty(), qPrintable(entry.context + u'/' + entry.source));
            if (!entry.numerus) {
                QCOMPARE(got, entry.translation);
            }
        }
        qInfo("%lld finished entries checked", static_cast<long long>(entries.size()));
    }

    // Runs before the French test: installed translators stay for the rest of the process.
    void langEn_leavesQtAndTheAppInEnglish()
    {
        startWith({QStringLiteral("--lang"), QStringLiteral("en")});
        QCOMPARE(QLocale().language(), QLocale::English);
        QCOMPARE(cancelButtonText(), QStringLiteral("Cancel"));
    }

    void langFr_loadsOurCatalogueAndQtsOwn()
    {
        // Bootstrap warns "No translation for fr_FR" when our catalogue does not load.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("No translation")));
        startWith({QStringLiteral("--lang"), QStringLiteral("fr")});
        QCOMPARE(QLocale().language(), QLocale::French);
        // qtbase_fr.qm: the standard buttons and dialogs of Qt itself.
        QCOMPARE(cancelButtonText(), QStringLiteral("Annuler"));
        QCOMPARE(QLocale().toString(1234.5, 'f', 1), QStringLiteral("1\u202f234,5"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
