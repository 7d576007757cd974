#pragma once

#include "kafkarecord.h"

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

/// Run ids found in a message; empty when absent.
struct RunIds
{
    std::string workflowRun; ///< wfr_ + 16 letters/digits
    std::string nodeRun;     ///< wfnr_ + 16
    std::string actionRun;   ///< r_ + 16
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

/// Finds run ids anywhere in the bytes by pattern (first match of each kind).
RunIds findIds(std::string_view bytes);

/// "workflow-node", "action-run", "change-log" or "unknown".
const char* kindName(MessageKind kind);

/// The watch command's JSON line (no newline): topic, partition, offset, timestamp, key,
/// headers, value, kind, ids; binary keys/values as base64 with keyEncoding/valueEncoding.
std::string toJsonLine(const KafkaRecord& record);

/// True when the bytes are well-formed UTF-8.
bool isUtf8(std::string_view bytes);

} // namespace MessageDecoder
} // namespace porthole
