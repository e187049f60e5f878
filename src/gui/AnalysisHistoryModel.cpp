#include "gui/AnalysisHistoryModel.h"

#include "gui/PlainToolTip.h"
#include "gui/chart/ChartToolBar.h"
#include "services/AnalysisService.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

namespace ba {

void AnalysisHistoryModel::setRecords(const QList<AnalysisRecord> &newestFirst)
{
    beginResetModel();
    m_records = newestFirst;
    endResetModel();
}

int AnalysisHistoryModel::rowOfId(qint64 id) const
{
    for (qsizetype row = 0; row < m_records.size(); ++row) {
        if (m_records.at(row).id == id) {
            return int(row);
        }
    }
    return -1;
}

int AnalysisHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

QVariant AnalysisHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const AnalysisRecord &record = m_records.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        const QString time =
            QLocale().toString(QDateTime::fromMSecsSinceEpoch(record.createdMs), QLocale::ShortFormat);
        return QStringLiteral("%1 · %2 · %3 · %4")
            .arg(time, selectionText(record.selection()),
                 AnalysisService::providerDisplayName(record.provider), summaryLine(record.response));
    }
    case Qt::ToolTipRole:
        return plainToolTip(summaryLine(record.response, 400)); // AI text: never rich text
    case RecordIdRole:
        return record.id;
    case ProviderRole:
        return record.provider;
    case SelectionRole:
        return selectionText(record.selection());
    default:
        return {};
    }
}

QString AnalysisHistoryModel::selectionText(const MarketSelection &selection)
{
    QString coin = selection.coinId;
    if (!coin.isEmpty()) {
        coin[0] = coin.at(0).toUpper();
    }
    QStringList parts{coin, selection.vsCurrency.toUpper()};
    if (const std::optional<PriceRange> range = priceRange::fromKey(selection.rangeKey)) {
        parts << chart::ChartToolBar::rangeLabel(*range);
    }
    return parts.join(QStringLiteral(" · "));
}

QString AnalysisHistoryModel::summaryLine(const QString &markdown, qsizetype maxChars)
{
    static const QRegularExpression markers(QStringLiteral("[*_`]+"));
    static const QRegularExpression rule(QStringLiteral("^([-*_]\\s*){3,}$"));
    const QStringList lines = markdown.split(QLatin1Char('\n'));
    for (const QString &raw : lines) {
        QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char('>')) ||
            rule.match(line).hasMatch()) {
            continue;
        }
        if (line.startsWith(QLatin1String("- "))) {
            line = line.mid(2);
        }
        line.remove(markers);
        line.remove(QLatin1Char('\\'));
        return line.size() > maxChars ? line.left(maxChars - 1) + QChar(0x2026) : line;
    }
    return {};
}

} // namespace ba
