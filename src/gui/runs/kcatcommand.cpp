// SPDX-License-Identifier: GPL-3.0-or-later
#include "kcatcommand.h"

#include "core/messagedecoder.h"

#include <QByteArray>
#include <QStringList>

#include <algorithm>

namespace porthole {
namespace {

QString fromBytes(const std::string& bytes)
{
    return QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
}

// Bytes a command line can carry as they are: UTF-8 without NUL.
bool arguable(const std::string& bytes)
{
    return bytes.find('\0') == std::string::npos && MessageDecoder::isUtf8(bytes);
}

} // namespace

QString KcatCommand::quote(const QString& text)
{
    if (!text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) {
            return c.isLetterOrNumber() && c.unicode() < 128
                       ? true
                       : QStringLiteral("-_./:,=@%+").contains(c);
        }))
        return text;
    QString out = text;
    out.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

QString KcatCommand::forRecord(const KafkaRecord& r, const QString& bootstrap,
                               const KafkaConfig& connection)
{
    QStringList notes;
    QStringList args{QStringLiteral("kcat"), QStringLiteral("-P"), QStringLiteral("-b"),
                     quote(bootstrap)};
    // The connection's security, never its password: the shell fills that in from the
    // environment.
    for (const char* property : {"security.protocol", "sasl.mechanisms", "sasl.mechanism",
                                 "sasl.username", "ssl.ca.location"})
        if (const auto v = connection.get(property); v && !v->empty())
            args << QStringLiteral("-X")
                 << quote(QStringLiteral("%1=%2").arg(QLatin1String(property),
                                                      QString::fromStdString(*v)));
    if (connection.get("sasl.password"))
        args << QStringLiteral("-X") << QStringLiteral("sasl.password=\"$KAFKA_PASSWORD\"");
    args << QStringLiteral("-t") << quote(QString::fromStdString(r.topic)) << QStringLiteral("-p")
         << QString::number(r.partition);
    if (r.key) {
        if (arguable(*r.key))
            args << QStringLiteral("-k") << quote(fromBytes(*r.key));
        else
            notes << QStringLiteral("# the key holds bytes a command line cannot carry (NUL or "
                                    "not UTF-8): it is left out");
    }
    for (const auto& [name, value] : r.headers) {
        if (!value)
            args << QStringLiteral("-H") << quote(QString::fromStdString(name)); // null value
        else if (arguable(*value))
            args << QStringLiteral("-H")
                 << quote(QString::fromStdString(name) + QLatin1Char('=') + fromBytes(*value));
        else
            notes << QStringLiteral("# header %1 holds bytes a command line cannot carry: left out")
                         .arg(QString::fromStdString(name));
    }
    // kcat sends each file argument as one message, byte for byte; -Z makes an empty one null.
    if (!r.value)
        args << QStringLiteral("-Z");
    args << QStringLiteral("\"$f\"");
    QString write;
    if (!r.value || r.value->empty())
        write = QStringLiteral(": > \"$f\"");
    else if (arguable(*r.value))
        write = QStringLiteral("printf '%s' %1 > \"$f\"").arg(quote(fromBytes(*r.value)));
    else
        write = QStringLiteral("printf '%s' %1 | base64 -d > \"$f\"")
                    .arg(QString::fromLatin1(
                        QByteArray(r.value->data(), qsizetype(r.value->size())).toBase64()));
    QString command = QStringLiteral("f=$(mktemp) && %1 && %2; rm -f \"$f\"")
                          .arg(write, args.join(QLatin1Char(' ')));
    if (!notes.isEmpty())
        command = notes.join(QLatin1Char('\n')) + QLatin1Char('\n') + command;
    return command;
}

} // namespace porthole
