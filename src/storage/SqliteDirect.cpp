#include "storage/SqliteDirect.h"

#include <QLoggingCategory>
#include <QSqlDriver>
#include <QVariant>
#include <atomic>
#include <cstring>
#include <string>
#if BA_SQLITE_DIRECT
#include <dlfcn.h>
#include <link.h>
#endif

namespace {
Q_LOGGING_CATEGORY(lc, "ba.storage.sqlitedirect")
} // namespace

namespace ba::sql {

namespace {

std::atomic_bool g_directWritesEnabled{true};

#if BA_SQLITE_DIRECT
// Path of the loaded Qt SQLite driver plugin; empty when it is not a shared object of its own.
std::string loadedQtSqlitePlugin()
{
    std::string path;
    dl_iterate_phdr(
        [](dl_phdr_info *info, size_t, void *data) {
            if (info->dlpi_name && std::strstr(info->dlpi_name, "libqsqlite")) {
                *static_cast<std::string *>(data) = info->dlpi_name;
                return 1;
            }
            return 0;
        },
        &path);
    return path;
}

// True when Qt's SQLite plugin calls into the very libsqlite3 this program links. Qt can also be
// built with SQLite compiled into the plugin; a handle from that copy must not be used here, as
// two copies of SQLite in one process break each other's file locks.
bool qtSharesOurSqlite()
{
    const std::string plugin = loadedQtSqlitePlugin();
    if (plugin.empty()) {
        return false;
    }
    void *handle = dlopen(plugin.c_str(), RTLD_LAZY | RTLD_NOLOAD);
    if (!handle) {
        return false;
    }
    // Looked up from the plugin: its own copy if it has one, else the library it links.
    void *theirs = dlsym(handle, "sqlite3_step");
    dlclose(handle);
    Dl_info theirInfo{};
    Dl_info ourInfo{};
    return theirs && dladdr(theirs, &theirInfo) &&
           dladdr(reinterpret_cast<void *>(&sqlite3_step), &ourInfo) &&
           theirInfo.dli_fbase == ourInfo.dli_fbase;
}
#else
// Without glibc's loader interfaces there is no telling which SQLite the plugin calls.
bool qtSharesOurSqlite()
{
    return false;
}
#endif

} // namespace

bool directWritesBuiltIn()
{
    return BA_SQLITE_DIRECT;
}

void setDirectWritesEnabled(bool enabled)
{
    g_directWritesEnabled = enabled;
}

sqlite3 *directHandle(const QSqlDatabase &db)
{
    static const bool shared = qtSharesOurSqlite();
    const bool direct = shared && g_directWritesEnabled;
    // Said once, and again whenever the answer changes.
    static std::atomic_int said{-1};
    if (said.exchange(int(direct)) != int(direct)) {
        qCInfo(lc) << (direct   ? "bulk writes bind through the SQLite C API"
                       : shared ? "bulk writes bind through QSqlQuery (the fast path is switched off)"
                                : "bulk writes bind through QSqlQuery (Qt's SQLite is not ours, or this "
                                  "build cannot tell)");
    }
    if (!direct || !db.isOpen() || !db.driver()) {
        return nullptr;
    }
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        return nullptr;
    }
    return *static_cast<sqlite3 *const *>(handle.constData());
}

DirectStatement::DirectStatement(sqlite3 *db, const QString &sql) : m_db(db)
{
    if (sqlite3_prepare16_v3(db, sql.utf16(), static_cast<int>(sql.size() * 2), 0, &m_stmt, nullptr) !=
        SQLITE_OK) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
}

DirectStatement::~DirectStatement()
{
    sqlite3_finalize(m_stmt);
}

bool DirectStatement::run()
{
    const int rc = sqlite3_step(m_stmt);
    sqlite3_reset(m_stmt);
    return rc == SQLITE_DONE;
}

QString DirectStatement::error() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

int directRowsPerStatement(sqlite3 *db, const BatchStatement &statement)
{
    const int variables = sqlite3_limit(db, SQLITE_LIMIT_VARIABLE_NUMBER, -1);
    const int fitting = (variables - statement.fixedParams) / std::max(statement.paramsPerRow, 1);
    return std::clamp(fitting, 1, 256);
}

} // namespace ba::sql
