#pragma once

// Small conversions between optional C++ values and SQL NULL, shared by the stores (internal).

#include <QMetaType>
#include <QString>
#include <QVariant>
#include <optional>

namespace ba::sql {

template <typename T> QVariant nullable(const std::optional<T> &value)
{
    // A typed null keeps the binding's type explicit; QSQLITE binds it as NULL.
    return value ? QVariant::fromValue(*value) : QVariant(QMetaType::fromType<T>());
}

// Empty strings are stored as NULL for optional text columns.
inline QVariant nullableText(const QString &value)
{
    return value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value);
}

// A null QString would bind as NULL; NOT NULL text columns get an empty string instead.
inline QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(value);
}

inline std::optional<double> optionalDouble(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

inline std::optional<qint64> optionalInt64(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

} // namespace ba::sql
