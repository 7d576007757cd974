#include "messagedecoder.h"

#include "core/jswriter.h"

#include <QByteArray>
#include <QString>

#include <cstring>

namespace porthole::MessageDecoder {
namespace {

constexpr int kMaxDepth = 512; // deeper values are shown as text instead of risking the stack

// Facts about the top-level object that classification needs, gathered during validation.
struct Shape
{
    bool topObject = false;
    bool hasDiff = false;
    bool hasChangelogDestination = false;
    std::string_view resourceType;
    std::string_view contextRunId;
};

// One pass over the bytes: validates strict JSON, optionally writes it compactly, and notes
// the few top-level fields that tell the message kinds apart.
class Scanner
{
public:
    Scanner(std::string_view text, std::string* out)
        : m_p(text.data()), m_end(text.data() + text.size()), m_out(out)
    {}

    bool run(Shape* shape)
    {
        m_shape = shape;
        skipWs();
        if (m_p < m_end && *m_p == '{')
            m_shape->topObject = true;
        if (!value(0, Role::Top))
            return false;
        skipWs();
        return m_p == m_end;
    }

private:
    enum class Role
    {
        Top,
        Context,
        Other
    };

    const char* m_p;
    const char* m_end;
    std::string* m_out;
    Shape* m_shape = nullptr;

    void skipWs()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
            ++m_p;
    }
    void emit(const char* from, const char* to)
    {
        if (m_out)
            m_out->append(from, size_t(to - from));
    }
    void emit(char c)
    {
        if (m_out)
            m_out->push_back(c);
    }

    bool value(int depth, Role role)
    {
        skipWs();
        if (m_p >= m_end)
            return false;
        switch (*m_p) {
        case '{':
            return object(depth + 1, role);
        case '[':
            return array(depth + 1);
        case '"':
            return string(nullptr);
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    bool literal(const char* word)
    {
        const size_t n = std::strlen(word);
        if (size_t(m_end - m_p) < n || std::memcmp(m_p, word, n) != 0)
            return false;
        emit(m_p, m_p + n);
        m_p += n;
        return true;
    }

    static bool digit(char c) { return c >= '0' && c <= '9'; }

    bool number()
    {
        const char* s = m_p;
        if (m_p < m_end && *m_p == '-')
            ++m_p;
        if (m_p >= m_end || !digit(*m_p))
            return false;
        if (*m_p == '0')
            ++m_p;
        else
            while (m_p < m_end && digit(*m_p))
                ++m_p;
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            if (m_p >= m_end || !digit(*m_p))
                return false;
            while (m_p < m_end && digit(*m_p))
                ++m_p;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (m_p >= m_end || !digit(*m_p))
                return false;
            while (m_p < m_end && digit(*m_p))
                ++m_p;
        }
        emit(s, m_p);
        return true;
    }

    static int hex(char c)
    {
        if (digit(c))
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    // Escapes are validated and kept as written: the output stays byte-faithful.
    bool string(std::string_view* raw)
    {
        const char* s = m_p++;
        while (m_p < m_end) {
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                ++m_p;
                if (raw)
                    *raw = std::string_view(s + 1, size_t(m_p - s - 2));
                emit(s, m_p);
                return true;
            }
            if (c < 0x20)
                return false;
            if (c == '\\') {
                if (++m_p >= m_end)
                    return false;
                switch (*m_p) {
                case '"':
                case '\\':
                case '/':
                case 'b':
                case 'f':
                case 'n':
                case 'r':
                case 't':
                    ++m_p;
                    break;
                case 'u':
                    if (m_end - m_p < 5)
                        return false;
                    for (int i = 1; i <= 4; ++i)
                        if (hex(m_p[i]) < 0)
                            return false;
                    m_p += 5;
                    break;
                default:
                    return false;
                }
                continue;
            }
            if (c < 0x80) {
                ++m_p;
                continue;
            }
            const int len = utf8Length(m_p, m_end);
            if (len == 0)
                return false;
            m_p += len;
        }
        return false;
    }

    bool object(int depth, Role role)
    {
        if (depth > kMaxDepth)
            return false;
        emit(*m_p++);
        skipWs();
        if (m_p < m_end && *m_p == '}') {
            emit(*m_p++);
            return true;
        }
        for (;;) {
            skipWs();
            std::string_view key;
            if (m_p >= m_end || *m_p != '"' || !string(&key))
                return false;
            skipWs();
            if (m_p >= m_end || *m_p != ':')
                return false;
            emit(*m_p++);
            skipWs();
            if (!member(depth, role, key))
                return false;
            skipWs();
            if (m_p >= m_end)
                return false;
            if (*m_p == '}') {
                emit(*m_p++);
                return true;
            }
            if (*m_p != ',')
                return false;
            emit(*m_p++);
        }
    }

    // Remembers the handful of fields classification looks at, then scans the value.
    bool member(int depth, Role role, std::string_view key)
    {
        if (role == Role::Top) {
            if (key == "diff")
                m_shape->hasDiff = true;
            else if (key == "changelogDestination")
                m_shape->hasChangelogDestination = true;
            else if (key == "context" && m_p < m_end && *m_p == '{')
                return value(depth, Role::Context);
            else if (key == "resourceType" && m_p < m_end && *m_p == '"')
                return string(&m_shape->resourceType);
        } else if (role == Role::Context && key == "runId" && m_p < m_end && *m_p == '"') {
            return string(&m_shape->contextRunId);
        }
        return value(depth, Role::Other);
    }

    bool array(int depth)
    {
        if (depth > kMaxDepth)
            return false;
        emit(*m_p++);
        skipWs();
        if (m_p < m_end && *m_p == ']') {
            emit(*m_p++);
            return true;
        }
        for (;;) {
            if (!value(depth, Role::Other))
                return false;
            skipWs();
            if (m_p >= m_end)
                return false;
            if (*m_p == ']') {
                emit(*m_p++);
                return true;
            }
            if (*m_p != ',')
                return false;
            emit(*m_p++);
        }
    }

public:
    // Length of the well-formed UTF-8 sequence at p (non-ASCII lead byte), 0 if ill-formed.
    static int utf8Length(const char* p, const char* end)
    {
        const auto b0 = static_cast<unsigned char>(p[0]);
        int len;
        unsigned lo = 0x80, hi = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF)
            len = 2;
        else if (b0 >= 0xE0 && b0 <= 0xEF) {
            len = 3;
            if (b0 == 0xE0)
                lo = 0xA0;
            else if (b0 == 0xED)
                hi = 0x9F;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            len = 4;
            if (b0 == 0xF0)
                lo = 0x90;
            else if (b0 == 0xF4)
                hi = 0x8F;
        } else
            return 0;
        if (end - p < len)
            return 0;
        const auto b1 = static_cast<unsigned char>(p[1]);
        if (b1 < lo || b1 > hi)
            return 0;
        for (int i = 2; i < len; ++i)
            if ((static_cast<unsigned char>(p[i]) & 0xC0) != 0x80)
                return 0;
        return len;
    }
};

bool idChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The id whose '_' stands at `under`, if the bytes around it form prefix + 16 id characters
// with no id character glued on either side.
std::string_view idAt(std::string_view s, size_t under, std::string_view prefix)
{
    const size_t plen = prefix.size() - 1; // without '_'
    if (under < plen || s.compare(under - plen, plen, prefix.substr(0, plen)) != 0)
        return {};
    const size_t start = under - plen;
    if (start > 0 && (idChar(s[start - 1]) || s[start - 1] == '_'))
        return {};
    if (s.size() - under - 1 < 16)
        return {};
    for (size_t i = under + 1; i < under + 17; ++i)
        if (!idChar(s[i]))
            return {};
    if (under + 17 < s.size() && (idChar(s[under + 17]) || s[under + 17] == '_'))
        return {};
    return s.substr(start, plen + 17);
}

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

void appendId(std::string& out, const char* name, const std::string& id, bool comma)
{
    out += '"';
    out += name;
    out += "\":";
    out += id.empty() ? std::string("null") : JsWriter::quote(id);
    if (comma)
        out += ',';
}

} // namespace

bool isUtf8(std::string_view bytes)
{
    const char* p = bytes.data();
    const char* end = p + bytes.size();
    while (p < end) {
        if (static_cast<unsigned char>(*p) < 0x80) {
            ++p;
            continue;
        }
        const int len = Scanner::utf8Length(p, end);
        if (len == 0)
            return false;
        p += len;
    }
    return true;
}

bool compactJson(std::string_view text, std::string* out)
{
    Shape shape;
    out->clear();
    out->reserve(text.size());
    return Scanner(text, out).run(&shape);
}

RunIds findIds(std::string_view s)
{
    RunIds ids;
    for (size_t i = s.find('_'); i != std::string_view::npos; i = s.find('_', i + 1)) {
        if (ids.nodeRun.empty())
            if (auto id = idAt(s, i, "wfnr_"); !id.empty()) {
                ids.nodeRun = id;
                continue;
            }
        if (ids.workflowRun.empty())
            if (auto id = idAt(s, i, "wfr_"); !id.empty()) {
                ids.workflowRun = id;
                continue;
            }
        if (ids.actionRun.empty())
            if (auto id = idAt(s, i, "r_"); !id.empty())
                ids.actionRun = id;
        if (!ids.nodeRun.empty() && !ids.workflowRun.empty() && !ids.actionRun.empty())
            break;
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
    Shape shape;
    if (compactValue)
        compactValue->reserve(v.size());
    if (!v.empty() && Scanner(v, compactValue).run(&shape))
        info.format = ValueFormat::Json;
    else {
        shape = Shape{};
        if (compactValue)
            compactValue->clear();
        info.format = isUtf8(v) ? ValueFormat::Text : ValueFormat::Binary;
    }
    info.ids = findIds(v);
    // Port's own field wins over the first match elsewhere in the body.
    const RunIds ctx = findIds(shape.contextRunId);
    if (!ctx.nodeRun.empty() && ctx.nodeRun.size() == shape.contextRunId.size())
        info.ids.nodeRun = ctx.nodeRun;
    if (!ctx.actionRun.empty() && ctx.actionRun.size() == shape.contextRunId.size())
        info.ids.actionRun = ctx.actionRun;

    const std::string_view topic = record.topic;
    const bool changeTopic = topic.size() >= 11 && topic.substr(topic.size() - 11) == ".change.log";
    if (changeTopic || shape.hasChangelogDestination ||
        (shape.hasDiff && !shape.resourceType.empty()))
        info.kind = MessageKind::ChangeLog;
    else if (!info.ids.nodeRun.empty())
        info.kind = MessageKind::WorkflowNode;
    else if (!info.ids.actionRun.empty() || shape.resourceType == "run")
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
    out += ',';
    appendBytes(out, record.key, "key");
    out += ",\"headers\":{";
    bool first = true;
    for (const auto& [name, val] : record.headers) {
        if (!first)
            out += ',';
        first = false;
        out += JsWriter::quote(name);
        out += ':';
        // Header values are shown as text; ill-formed bytes become U+FFFD here (raw kept).
        out += val ? JsWriter::quote(
                         isUtf8(*val)
                             ? *val
                             : QString::fromUtf8(val->data(), qsizetype(val->size())).toStdString())
                   : std::string("null");
    }
    out += "},";
    switch (info.format) {
    case ValueFormat::Json:
        out += "\"value\":";
        out += compact;
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
    out += "}}";
    return out;
}

} // namespace porthole::MessageDecoder
