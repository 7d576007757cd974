// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kafkarecord.h"
#include "runid.h"

#include <string>
#include <string_view>

namespace porthole {

/// What a message on Port's topics looks like (port-reference.md §4).
enum class MessageKind
{
    WorkflowNode,
    ActionRun,
    ChangeLog,
    Unknown
};

/// How a value's bytes read: null (tombstone), JSON text, other UTF-8 text, or binary.
enum class ValueFormat
{
    Null,
    Json,
    Text,
    Binary
};

/// Run ids found in a message; null when absent. Port's 16-character form wins over an
/// unusual (hand-made) id of the same kind.
struct RunIds
{
    RunId workflowRun; ///< wfr_…
    RunId nodeRun;     ///< wfnr_…
    RunId actionRun;   ///< r_…

    RunId& of(RunId::Kind kind)
    {
        return kind == RunId::Kind::WorkflowRun ? workflowRun
               : kind == RunId::Kind::NodeRun   ? nodeRun
                                                : actionRun;
    }
    const RunId& of(RunId::Kind kind) const { return const_cast<RunIds*>(this)->of(kind); }
};

/// The result of looking at a record once: cheap to keep beside the raw bytes.
struct MessageInfo
{
    MessageKind kind = MessageKind::Unknown;
    ValueFormat format = ValueFormat::Null;
    RunIds ids;
};

// Decoding never throws and never trusts the bytes: any value (empty, binary, deeply nested,
// 10 MB) is classified in one linear pass; the JSON tree itself is left to whoever shows it.
namespace MessageDecoder {

/// Classifies the record and extracts run ids; fills `compactValue` (if given) with the value
/// as compact JSON when it is JSON.
MessageInfo decode(const KafkaRecord& record, std::string* compactValue = nullptr);

/// Validates JSON text (RFC 8259, UTF-8) and writes it without insignificant whitespace.
bool compactJson(std::string_view text, std::string* out);

/// Finds run ids anywhere in the bytes by pattern: of each kind the first in Port's form, else
/// the first unusual one.
RunIds findIds(std::string_view bytes);

/// "workflow-node", "action-run", "change-log" or "unknown".
const char* kindName(MessageKind kind);

/// The watch command's JSON line (no newline): topic, partition, offset, timestamp,
/// timestampType ("create"/"logAppend", omitted when none), key, headers, value, kind, ids; binary
/// keys/values as base64 with keyEncoding/valueEncoding, binary header values as base64 named in
/// "headerEncodings"; a JSON value that is a string or null has "valueEncoding":"json"; a JSON
/// value with whitespace also has its exact text in "valueText" (WatchLineParser reads every line
/// back to the exact record); "unusualIds" names the ids not in Port's 16-character form, when
/// there are any.
std::string toJsonLine(const KafkaRecord& record);

/// True when the bytes are well-formed UTF-8.
bool isUtf8(std::string_view bytes);

} // namespace MessageDecoder
} // namespace porthole
