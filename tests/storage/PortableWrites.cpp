#include "storage/SqliteDirect.h"

// Linked into test_pricestore_portable: the whole PriceStore suite again, with the SQLite C API
// fast path off before main() runs, so that every write takes the portable QSqlQuery path that
// builds without glibc use (BA_SQLITE_DIRECT=OFF).
namespace {
[[maybe_unused]] const bool portable = [] {
    ba::sql::setDirectWritesEnabled(false);
    return true;
}();
} // namespace
