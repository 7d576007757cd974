// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagedecoder.h"

#include "jswriter.h"
#include "messagescanner_p.h"
#include "utf8.h"

#include <QByteArray>
#include <QString>

namespace porthole::MessageDecoder {
namespace {

void appendBytes(std::string& out, const std::optional<std::string>& bytes, const char* name)
{
    out += '"';
    out += name;
    out += "\":";
    if (!bytes)
        out += "null";
    else if (isUtf8(*bytes))
        out += JsWriter::quote(*bytes);
    else {
        out += '"';
        out += QByteArray::fromRawData(bytes->data(), qsizetype(bytes->size()))
                   .toBase64()
                   .toStdString();
        out += "\",\"";
        out += name;
        out += "Encoding\":\"base64\"";
    }
}

void appendId(std::string& out, const char* name, const RunId& id, bool comma)
{
    out += '"';
    out += name;
    out += "\":";
    out += id.isNull() ? std::string("null") : JsWriter::quote(id.text());
    if (comma)
        out += ',';
}

} // namespace

bool isUtf8(std::string_view bytes)
{
    return Utf8::isValid(bytes);
}

bool compactJson(std::string_view text, std::string* out)
{
    MessageShape shape;
    out->clear();
    out->reserve(text.size());
    return MessageScanner(text, out).run(&shape);
}

RunIds findIds(std::string_view s)
{
    RunIds ids;
    int portForm = 0;
    for (size_t pos = 0; pos < s.size() && portForm < 3;) {
        RunId id = RunId::findNext(s, pos);
        if (id.isNull())
            break;
        // Port's own form first: an unusual id only fills a kind that has none yet.
        RunId& slot = ids.of(id.kind());
        if (!id.isUnusual() && (slot.isNull() || slot.isUnusual())) {
            slot = std::move(id);
            ++portForm;
        } else if (slot.isNull()) {
            slot = std::move(id);
        }
    }
    return ids;
}

MessageInfo decode(const KafkaRecord& record, std::string* compactValue)
{
    MessageInfo info;
    if (compactValue)
        compactValue->clear();
    if (!record.value)
        return info; // a tombstone: kind unknown, no ids
    const std::string& v = *record.value;
    MessageShape shape;
    if (compactValue)
        compactValue->reserve(v.size());
    if (!v.empty() && MessageScanner(v, compactValue).run(&shape))
        info.format = ValueFormat::Json;
    else {
        shape = MessageShape{};
        if (compactValue)
            compactValue->clear();
        info.format = isUtf8(v) ? ValueFormat::Text : ValueFormat::Binary;
    }
    info.ids = findIds(v);
    // Port's own field wins over the first match elsewhere in the body (an unusual id in it
    // only over other unusual ones). Mostly it is the id found already: no second parse.
    const std::string_view ctxText = shape.contextRunId;
    if (!ctxText.empty() && ctxText != info.ids.nodeRun.text() &&
        ctxText != info.ids.actionRun.text()) {
        RunId ctx = RunId::parse(ctxText);
        if (!ctx.isNull() && ctx.kind() != RunId::Kind::WorkflowRun) {
            RunId& slot = info.ids.of(ctx.kind());
            if (!ctx.isUnusual() || slot.isNull() || slot.isUnusual())
                slot = std::move(ctx);
        }
    }

    const std::string_view topic = record.topic;
    const bool changeTopic = topic.size() >= 11 && topic.substr(topic.size() - 11) == ".change.log";
    if (changeTopic || shape.hasChangelogDestination ||
        (shape.hasDiff && !shape.resourceType.empty()))
        info.kind = MessageKind::ChangeLog;
    else if (!info.ids.nodeRun.isNull())
        info.kind = MessageKind::WorkflowNode;
    else if (!info.ids.actionRun.isNull() || shape.resourceType == "run")
        info.kind = MessageKind::ActionRun;
    return info;
}

const char* kindName(MessageKind kind)
{
    switch (kind) {
    case MessageKind::WorkflowNode:
        return "workflow-node";
    case MessageKind::ActionRun:
        return "action-run";
    case MessageKind::ChangeLog:
        return "change-log";
    case MessageKind::Unknown:
        break;
    }
    return "unknown";
}

std::string toJsonLine(const KafkaRecord& record)
{
    std::string compact;
    const MessageInfo info = decode(record, &compact);
    std::string out;
    out.reserve(compact.size() + record.topic.size() + 256);
    out += "{\"topic\":";
    out += JsWriter::quote(record.topic);
    out += ",\"partition\":";
    out += std::to_string(record.partition);
    out += ",\"offset\":";
    out += std::to_string(record.offset);
    out += ",\"timestamp\":";
    out += record.timestamp < 0 ? std::string("null") : std::to_string(record.timestamp);
    if (record.timestampType != TimestampType::None)
        out += record.timestampType == TimestampType::CreateTime
                   ? ",\"timestampType\":\"create\""
                   : ",\"timestampType\":\"logAppend\"";
    out += ',';
    appendBytes(out, record.key, "key");
    out += ",\"headers\":{";
    bool first = true;
    std::string binaryHeaders; // names of headers whose values are written as base64
    for (const auto& [name, val] : record.headers) {
        if (!first)
            out += ',';
        first = false;
        out += JsWriter::quote(name);
        out += ':';
        if (!val) {
            out += "null";
        } else if (isUtf8(*val)) {
            out += JsWriter::quote(*val);
        } else {
            // Ill-formed UTF-8 as base64, named in headerEncodings: --replay restores the bytes.
            out += '"';
            out += QByteArray::fromRawData(val->data(), qsizetype(val->size()))
                       .toBase64()
                       .toStdString();
            out += '"';
            binaryHeaders +=
                (binaryHeaders.empty() ? "" : ",") + JsWriter::quote(name) + ":\"base64\"";
        }
    }
    out += "},";
    if (!binaryHeaders.empty())
        out += "\"headerEncodings\":{" + binaryHeaders + "},";
    switch (info.format) {
    case ValueFormat::Json:
        out += "\"value\":";
        out += compact;
        // A JSON string or null would read back as text or a tombstone: say it is JSON.
        if (compact.front() == '"' || compact == "null")
            out += ",\"valueEncoding\":\"json\"";
        // Whitespace the compact form dropped: the exact text too, so a replay is byte-exact.
        if (compact != *record.value) {
            out += ",\"valueText\":";
            out += JsWriter::quote(*record.value);
        }
        break;
    case ValueFormat::Null:
    case ValueFormat::Text:
    case ValueFormat::Binary:
        appendBytes(out, record.value, "value");
        break;
    }
    out += ",\"kind\":\"";
    out += kindName(info.kind);
    out += "\",\"ids\":{";
    appendId(out, "workflowRun", info.ids.workflowRun, true);
    appendId(out, "nodeRun", info.ids.nodeRun, true);
    appendId(out, "actionRun", info.ids.actionRun, false);
    out += '}';
    // Ids not in Port's 16-character form (hand-made ones) are named, so a filter can tell.
    std::string unusual;
    for (const auto& [name, id] :
         {std::pair{"workflowRun", &info.ids.workflowRun}, std::pair{"nodeRun", &info.ids.nodeRun},
          std::pair{"actionRun", &info.ids.actionRun}})
        if (id->isUnusual())
            unusual += (unusual.empty() ? "\"" : ",\"") + std::string(name) + '"';
    if (!unusual.empty())
        out += ",\"unusualIds\":[" + unusual + ']';
    out += '}';
    return out;
}

} // namespace porthole::MessageDecoder
