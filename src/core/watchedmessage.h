// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kafkarecord.h"
#include "messagedecoder.h"

#include <QMetaType>

#include <memory>
#include <vector>

namespace porthole {

/// A received record with its classification; the raw bytes are shared, never copied again.
/// Plain data in core so the runs model (QtCore only) takes batches without seeing librdkafka.
struct WatchedMessage
{
    std::shared_ptr<const KafkaRecord> record;
    MessageInfo info;
};

/// An immutable batch handed from the watch worker's thread to the UI.
using MessageBatch = std::shared_ptr<const std::vector<WatchedMessage>>;

} // namespace porthole

Q_DECLARE_METATYPE(porthole::MessageBatch)
