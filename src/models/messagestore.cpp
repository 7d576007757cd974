// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagestore.h"

#include <cstring>

namespace porthole {

namespace {

// Chunks of 1 MiB keep the allocator out of the way (one allocation per ~4,000 small
// messages); a message bigger than a quarter chunk gets a chunk of its own, so dropping it
// frees its memory at once.
constexpr uint32_t kChunkBytes = 1024 * 1024;

uint32_t lengthOf(const std::optional<std::string>& s)
{
    return s ? uint32_t(s->size()) : MessageStore::kNull;
}

void put32(char*& p, uint32_t v)
{
    std::memcpy(p, &v, 4);
    p += 4;
}

uint32_t get32(const char*& p)
{
    uint32_t v;
    std::memcpy(&v, p, 4);
    p += 4;
    return v;
}

// Run ids are kept as text (at most RunId::kMaxLength each, one length byte before each):
// finding them again would mean scanning the value, which may be 100 MB.
size_t idsBytes(const RunIds& ids)
{
    return 3 + ids.workflowRun.text().size() + ids.nodeRun.text().size() +
           ids.actionRun.text().size();
}

} // namespace

uint16_t MessageStore::topicIndex(const std::string& topic)
{
    if (m_lastTopic < m_topics.size() && m_topics[m_lastTopic] == topic)
        return m_lastTopic;
    for (size_t i = 0; i < m_topics.size(); ++i)
        if (m_topics[i] == topic)
            return m_lastTopic = uint16_t(i);
    if (m_topics.size() >= UINT16_MAX)
        return m_lastTopic; // 65,535 topics in one table: the rest share a name (never seen)
    m_topics.push_back(topic);
    return m_lastTopic = uint16_t(m_topics.size() - 1);
}

char* MessageStore::reserve(size_t bytes, uint32_t* chunk, uint32_t* pos)
{
    Chunk* open = m_open == kNull ? nullptr : m_chunks[m_open - m_firstChunk].get();
    if (bytes > kChunkBytes / 4) {
        auto c = std::make_shared<Chunk>();
        c->data.reset(new char[bytes]);
        c->capacity = c->used = uint32_t(bytes);
        c->live = 1;
        m_chunks.push_back(std::move(c));
        *chunk = m_firstChunk + uint32_t(m_chunks.size() - 1);
        *pos = 0;
        return m_chunks.back()->data.get();
    }
    if (!open || open->capacity - open->used < bytes) {
        if (open && open->live == 0)
            m_chunks[m_open - m_firstChunk].reset();
        auto c = std::make_shared<Chunk>();
        c->data.reset(new char[kChunkBytes]);
        c->capacity = kChunkBytes;
        m_chunks.push_back(std::move(c));
        m_open = m_firstChunk + uint32_t(m_chunks.size() - 1);
        open = m_chunks.back().get();
    }
    *chunk = m_open;
    *pos = open->used;
    open->used += uint32_t(bytes);
    ++open->live;
    return open->data.get() + *pos;
}

uint64_t MessageStore::append(const WatchedMessage& m, uint8_t signature)
{
    const KafkaRecord& r = *m.record;
    Entry e;
    e.offset = r.offset;
    e.timestamp = r.timestamp;
    e.timestampType = uint8_t(r.timestampType);
    e.partition = r.partition;
    e.topic = topicIndex(r.topic);
    e.kind = uint8_t(m.info.kind);
    e.format = uint8_t(m.info.format);
    e.signature = signature;
    e.keyLen = lengthOf(r.key);
    e.valueLen = lengthOf(r.value);
    size_t headerBytes = 0;
    for (const auto& [name, val] : r.headers)
        headerBytes += 8 + name.size() + (val ? val->size() : 0);
    e.headersLen = uint32_t(headerBytes);
    e.idsLen = uint16_t(idsBytes(m.info.ids));
    const size_t total =
        (r.key ? r.key->size() : 0) + (r.value ? r.value->size() : 0) + headerBytes + e.idsLen;
    char* p = reserve(total, &e.chunk, &e.pos);
    if (r.key) {
        std::memcpy(p, r.key->data(), r.key->size());
        p += r.key->size();
    }
    if (r.value) {
        std::memcpy(p, r.value->data(), r.value->size());
        p += r.value->size();
    }
    for (const auto& [name, val] : r.headers) {
        put32(p, uint32_t(name.size()));
        std::memcpy(p, name.data(), name.size());
        p += name.size();
        put32(p, lengthOf(val));
        if (val) {
            std::memcpy(p, val->data(), val->size());
            p += val->size();
        }
    }
    for (const RunId* id : {&m.info.ids.workflowRun, &m.info.ids.nodeRun, &m.info.ids.actionRun}) {
        *p++ = char(uint8_t(id->text().size()));
        std::memcpy(p, id->text().data(), id->text().size());
        p += id->text().size();
    }
    m_entries.push_back(e);
    return nextSeq() - 1;
}

void MessageStore::dropFront(size_t n)
{
    n = std::min(n, m_entries.size());
    for (size_t i = 0; i < n; ++i) {
        const uint32_t c = m_entries[i].chunk;
        auto& chunk = m_chunks[c - m_firstChunk];
        // A chunk nobody points to goes (the open one stays for the next small messages);
        // a reader on another thread keeps its own reference until it is done.
        if (--chunk->live == 0 && c != m_open)
            chunk.reset();
    }
    m_entries.erase(m_entries.begin(), m_entries.begin() + long(n));
    m_firstSeq += n;
    while (!m_chunks.empty() && !m_chunks.front()) {
        m_chunks.pop_front();
        ++m_firstChunk;
    }
}

void MessageStore::clear()
{
    m_firstSeq = nextSeq();
    m_entries.clear();
    m_firstChunk += uint32_t(m_chunks.size());
    m_chunks.clear();
    m_open = kNull;
}

const char* MessageStore::bytesAt(const Entry& e) const
{
    return m_chunks[e.chunk - m_firstChunk]->data.get() + e.pos;
}

std::string_view MessageStore::key(const Entry& e) const
{
    if (e.keyLen == kNull)
        return {};
    return {bytesAt(e), e.keyLen};
}

std::string_view MessageStore::value(const Entry& e) const
{
    if (e.valueLen == kNull)
        return {};
    return {bytesAt(e) + (e.keyLen == kNull ? 0 : e.keyLen), e.valueLen};
}

RunIds MessageStore::ids(const Entry& e) const
{
    RunIds ids;
    const char* p = bytesAt(e) + (e.keyLen == kNull ? 0 : e.keyLen) +
                    (e.valueLen == kNull ? 0 : e.valueLen) + e.headersLen;
    for (RunId* id : {&ids.workflowRun, &ids.nodeRun, &ids.actionRun}) {
        const auto n = size_t(static_cast<unsigned char>(*p++));
        if (n > 0)
            *id = RunId::parse(std::string_view(p, n));
        p += n;
    }
    return ids;
}

std::string_view MessageStore::primaryId(const Entry& e) const
{
    if (!e.idsLen)
        return {};
    const char* p = bytesAt(e) + (e.keyLen == kNull ? 0 : e.keyLen) +
                    (e.valueLen == kNull ? 0 : e.valueLen) + e.headersLen;
    std::string_view found[3]; // workflow run, node run, action run: the block's order
    for (std::string_view& id : found) {
        const auto n = size_t(static_cast<unsigned char>(*p++));
        id = std::string_view(p, n);
        p += n;
    }
    return !found[1].empty() ? found[1] : !found[2].empty() ? found[2] : found[0];
}

MessageInfo MessageStore::info(const Entry& e) const
{
    MessageInfo info;
    info.kind = MessageKind(e.kind);
    info.format = ValueFormat(e.format);
    info.ids = ids(e);
    return info;
}

KafkaRecord MessageStore::record(const Entry& e) const
{
    KafkaRecord r;
    r.topic = std::string(topic(e));
    r.partition = e.partition;
    r.offset = e.offset;
    r.timestamp = e.timestamp;
    r.timestampType = TimestampType(e.timestampType);
    if (e.keyLen != kNull)
        r.key = std::string(key(e));
    if (e.valueLen != kNull)
        r.value = std::string(value(e));
    const char* p =
        bytesAt(e) + (e.keyLen == kNull ? 0 : e.keyLen) + (e.valueLen == kNull ? 0 : e.valueLen);
    const char* end = p + e.headersLen;
    while (p < end) {
        const uint32_t nameLen = get32(p);
        std::string name(p, nameLen);
        p += nameLen;
        const uint32_t valLen = get32(p);
        if (valLen == kNull) {
            r.headers.emplace_back(std::move(name), std::nullopt);
        } else {
            r.headers.emplace_back(std::move(name), std::string(p, valLen));
            p += valLen;
        }
    }
    return r;
}

uint64_t MessageStore::heldBy(const Entry& e)
{
    // Header bytes less their 8 length bytes each are not known without reading; the budget
    // counts the stored form, which is what memory holds.
    return uint64_t(e.keyLen == kNull ? 0 : e.keyLen) + // (the ids block is not message bytes)
           uint64_t(e.valueLen == kNull ? 0 : e.valueLen) + e.headersLen;
}

uint64_t MessageStore::allocatedBytes() const
{
    uint64_t n = m_entries.size() * sizeof(Entry);
    for (const auto& c : m_chunks)
        if (c)
            n += c->capacity;
    return n;
}

} // namespace porthole
