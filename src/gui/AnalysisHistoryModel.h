#pragma once

#include "domain/AnalysisRecord.h"

#include <QAbstractListModel>
#include <QList>

namespace ba {

// Past analyses of every selection, newest first, one row each:
// "time · Ethereum · EUR · 30D · provider · first line".
class AnalysisHistoryModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        RecordIdRole = Qt::UserRole + 1,
        ProviderRole,
        SelectionRole, // selectionText()
    };

    using QAbstractListModel::QAbstractListModel;

    void setRecords(const QList<ba::AnalysisRecord> &newestFirst);
    const QList<AnalysisRecord> &records() const { return m_records; }
    const AnalysisRecord &recordAt(int row) const { return m_records.at(row); }
    int rowOfId(qint64 id) const; // -1 when absent

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // The first line of prose in a Markdown answer: headings, quotes (the local label) and rules
    // are skipped, emphasis markers removed, elided to maxChars.
    static QString summaryLine(const QString &markdown, qsizetype maxChars = 120);
    // "Ethereum · EUR · 30D" (the range is left out for analyses stored before ranges were kept).
    static QString selectionText(const MarketSelection &selection);

private:
    QList<AnalysisRecord> m_records;
};

} // namespace ba
