// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kafka/kafkaconfig.h"

#include <QMetaType>
#include <QString>

namespace porthole {

/// Where the Publish and Runs tabs send and read: librdkafka properties (the password in memory
/// only, never written anywhere) and the organisation's runs topic.
struct KafkaTarget
{
    QString name;       ///< the connection's name as the user sees it
    KafkaConfig config; ///< bootstrap.servers, security and SASL properties
    QString topic;      ///< "<org>.runs"

    /// A PLAINTEXT target: brokers and topic only (the sandbox, a local broker).
    static KafkaTarget plain(const QString& bootstrap, const QString& topic)
    {
        KafkaTarget t;
        t.config.set("bootstrap.servers", bootstrap.toStdString());
        t.topic = topic;
        return t;
    }

    QString bootstrap() const
    {
        return QString::fromStdString(config.get("bootstrap.servers").value_or(std::string()));
    }
};

} // namespace porthole

Q_DECLARE_METATYPE(porthole::KafkaTarget)
