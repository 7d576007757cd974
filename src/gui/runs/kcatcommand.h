// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafkarecord.h"
#include "kafka/kafkaconfig.h"

#include <QString>

namespace porthole {

/// A shell command that produces one message again with kcat: same topic, partition, key,
/// headers and value bytes (the value goes through a temporary file, so any bytes survive;
/// binary ones as base64). Everything is single-quoted for POSIX shells. Never a secret: a
/// SASL password is written as "$KAFKA_PASSWORD".
class KcatCommand
{
public:
    /// The command for `record` against `bootstrap`, with the connection's security settings.
    static QString forRecord(const KafkaRecord& record, const QString& bootstrap,
                             const KafkaConfig& connection = {});
    /// `text` quoted for a POSIX shell.
    static QString quote(const QString& text);
};

} // namespace porthole
