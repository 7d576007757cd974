// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include "kafka/connectionresolver.h"
#include "kafka/kafkaproducer.h"
#include "template/noderenderer.h"

#include <optional>
#include <string>
#include <variant>

namespace porthole::cli {

/// What `porthole-cli publish` was asked to do, checked but not yet done (no file read yet).
struct PublishOptions
{
    QString nodeFile;
    QString contextFile;  ///< empty: {}
    QString envelopeFile; ///< empty: the default envelope
    bool raw = false;     ///< nodeFile holds ready message values, one per line
    QString replayFile;   ///< --replay: lines of `watch` sent again exactly (nodeFile empty)
    bool replayToLineTopic = false; ///< --replay without --org/--topic: each line's own topic
    RenderOptions render;           ///< strict, array mode, orgId
    OutgoingMessage proto;          ///< topic, key and headers of every message (value empty)
    long long times = 1;            ///< --repeat
    bool sameIds = false;           ///< --same-ids: every repeat keeps the messages' run ids
    double perSecond = 0;           ///< --rate; 0 = as fast as possible
    ResolvedConnection connection;
    /// --sign: the client secret (PORT_CLIENT_SECRET or --client-secret) to sign with.
    std::optional<std::string> signingSecret;
};

/// Parses publish's arguments (args[0] is "publish"). An int is the exit code after --help or
/// a usage error, already printed as the command always has.
std::variant<int, PublishOptions> parsePublishArgs(const QStringList& args);

} // namespace porthole::cli
