// SPDX-License-Identifier: GPL-3.0-or-later
#include "consumerenvironment.h"

#include <QRandomGenerator>

namespace porthole {

QProcessEnvironment consumerEnvironment(const ConsumerConnection& c)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Real credentials from the caller's environment must not reach the consumer under test.
    for (const char* name : {"PORT_TOKEN", "KAFKA_USERNAME", "KAFKA_PASSWORD"})
        env.remove(QString::fromLatin1(name));
    const auto set = [&env](const char* name, const QString& value) {
        env.insert(QString::fromLatin1(name), value);
    };
    set("KAFKA_BOOTSTRAP_SERVERS", c.bootstrap);
    set("KAFKA_TOPIC", c.topic);
    set("KAFKA_GROUP_ID", c.group);
    set("PORT_ORG_ID", c.org);
    set("PORT_API_BASE_URL", c.apiUrl);
    set("PORT_CLIENT_ID", c.clientId);
    set("PORT_CLIENT_SECRET", c.clientSecret);
    // The names Port's execution agent reads.
    set("KAFKA_CONSUMER_BOOTSTRAP_SERVERS", c.bootstrap);
    set("KAFKA_CONSUMER_GROUP_ID", c.group);
    set("KAFKA_CONSUMER_SECURITY_PROTOCOL", QStringLiteral("plaintext"));
    // A Python consumer killed at the end would lose its buffered output: the last lines matter.
    if (!env.contains(QStringLiteral("PYTHONUNBUFFERED")))
        set("PYTHONUNBUFFERED", QStringLiteral("1"));
    return env;
}

QString checkToken(int length)
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString s;
    for (int i = 0; i < length; ++i)
        s += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(36)]);
    return s;
}

} // namespace porthole
