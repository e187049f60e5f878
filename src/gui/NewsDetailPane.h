#pragma once

#include <QWidget>

class QLabel;
class QModelIndex;
class QPushButton;

namespace ba {

// Under the news table: the selected article's title, source, author and age, its summary and
// its link, with Copy Link and Open in Browser. Every text is shown as plain text.
class NewsDetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit NewsDetailPane(QWidget *parent = nullptr);

    // An index of a NewsTableModel (or a proxy over it); invalid shows the "select" hint.
    void showArticle(const QModelIndex &index);

    QLabel *titleLabel() const { return m_title; }
    QLabel *summaryLabel() const { return m_summary; }

Q_SIGNALS:
    void openRequested();
    void copyLinkRequested();

private:
    QLabel *m_title = nullptr;
    QLabel *m_meta = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_link = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_copy = nullptr;
};

} // namespace ba
