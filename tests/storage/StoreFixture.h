#pragma once

// A fresh, fully migrated database in a temporary folder for each store test function.

#include "storage/Database.h"

#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace ba::test {

class StoreFixture
{
public:
    // Returns false (and the test should fail) when the database could not be opened.
    bool setUp(const QString &connectionName)
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_database = std::make_unique<Database>(connectionName);
        return m_dir->isValid() && m_database->open(m_dir->filePath(QStringLiteral("store.sqlite"))).status ==
                                       Database::OpenStatus::Ok;
    }

    // Call after the store (which holds a connection handle) is gone.
    void tearDown()
    {
        m_database.reset();
        m_dir.reset();
    }

    QSqlDatabase connection() const { return m_database->connection(); }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
};

} // namespace ba::test
