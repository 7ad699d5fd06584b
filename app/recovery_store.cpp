#include "recovery_store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace ascope {

RecoveryStore::RecoveryStore(QString directory)
    : m_directory(std::move(directory))
{}

QString RecoveryStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery");
}

QString RecoveryStore::fileFor(const QString &path) const
{
    const QByteArray key = QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha1).toHex();
    return m_directory + QLatin1Char('/') + QString::fromLatin1(key) + QStringLiteral(".json");
}

bool RecoveryStore::keep(const QString &path, const QString &text)
{
    if (m_directory.isEmpty() || !QDir().mkpath(m_directory))
        return false;
    QJsonObject record;
    record.insert(QStringLiteral("path"), path);
    record.insert(QStringLiteral("text"), text);
    QSaveFile file(fileFor(path));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(record).toJson(QJsonDocument::Compact));
    return file.commit();
}

std::optional<QString> RecoveryStore::find(const QString &path) const
{
    QFile file(fileFor(path));
    if (m_directory.isEmpty() || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject record = QJsonDocument::fromJson(file.readAll()).object();
    if (record.value(QStringLiteral("path")).toString() != path || !record.value(QStringLiteral("text")).isString())
        return std::nullopt;
    return record.value(QStringLiteral("text")).toString();
}

void RecoveryStore::discard(const QString &path)
{
    if (!m_directory.isEmpty())
        QFile::remove(fileFor(path));
}

} // namespace ascope
