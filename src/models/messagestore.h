// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/watchedmessage.h"

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace porthole {

/// A million messages held compactly: each message's key, value and headers are copied once
/// into large shared byte chunks, beside a small fixed-size entry (offset, time, kind, where
/// the run ids sit in the value). Nothing is formatted here; the model formats visible rows.
/// Messages are numbered by a sequence that only grows, so a position survives trimming.
class MessageStore
{
public:
    static constexpr uint32_t kNull = UINT32_MAX;

    /// One message's fixed part (48 bytes); run ids follow the headers in the chunk.
    struct Entry
    {
        int64_t offset = 0;
        int64_t timestamp = -1;
        uint32_t chunk = 0; ///< absolute chunk number
        uint32_t pos = 0;   ///< where key, value and headers start in the chunk
        uint32_t keyLen = kNull;
        uint32_t valueLen = kNull;
        uint32_t headersLen = 0;
        int32_t partition = 0;
        uint16_t topic = 0;
        uint16_t idsLen = 0; ///< the run ids block after the headers
        uint8_t kind = 0;
        uint8_t format = 0;
        uint8_t signature = 0;     ///< set by the model (an index into its texts), 0: none
        uint8_t timestampType = 0; ///< TimestampType (the last padding byte)
    };
    // A million rows: every byte of the entry counts (RunsTableModel's compactness test).
    static_assert(sizeof(Entry) == 48, "MessageStore::Entry must stay 48 bytes");

    /// Bytes of one chunk; written once, then only read (safe to share with other threads).
    struct Chunk
    {
        std::unique_ptr<char[]> data;
        uint32_t capacity = 0;
        uint32_t used = 0;
        uint32_t live = 0; ///< entries pointing into it
    };

    /// Appends a received message; returns its sequence number.
    uint64_t append(const WatchedMessage& m, uint8_t signature = 0);
    /// Drops the `n` oldest messages.
    void dropFront(size_t n);
    /// Drops everything (sequence numbers keep growing).
    void clear();

    size_t size() const { return m_entries.size(); }
    bool empty() const { return m_entries.empty(); }
    /// The sequence number of the oldest message held (== nextSeq() when empty).
    uint64_t firstSeq() const { return m_firstSeq; }
    uint64_t nextSeq() const { return m_firstSeq + m_entries.size(); }

    const Entry& entry(size_t i) const { return m_entries[i]; }
    std::string_view topic(const Entry& e) const { return m_topics[e.topic]; }
    /// Key and value bytes (empty view for a null one: check keyLen/valueLen against kNull).
    std::string_view key(const Entry& e) const;
    std::string_view value(const Entry& e) const;
    /// Run ids as found by the decoder (empty when absent).
    RunIds ids(const Entry& e) const;
    /// The bytes of the id a run is filed under (node run, else action run, else workflow run;
    /// RunLedger::primaryRunId), without parsing or copying: empty when the message names none.
    std::string_view primaryId(const Entry& e) const;
    MessageInfo info(const Entry& e) const;
    /// The whole record again, headers included.
    KafkaRecord record(const Entry& e) const;
    /// The message bytes (key + value + header names and values), as the byte budget counts.
    static uint64_t heldBy(const Entry& e);

    /// Bytes allocated for chunks and entries (what the store itself costs).
    uint64_t allocatedBytes() const;

private:
    std::deque<Entry> m_entries;
    std::deque<std::shared_ptr<Chunk>> m_chunks; ///< null once no entry points into it
    uint32_t m_firstChunk = 0;                   ///< absolute number of m_chunks.front()
    uint32_t m_open = kNull; ///< absolute number of the chunk small messages fill
    uint64_t m_firstSeq = 0;
    std::vector<std::string> m_topics;
    uint16_t m_lastTopic = 0;

    char* reserve(size_t bytes, uint32_t* chunk, uint32_t* pos);
    uint16_t topicIndex(const std::string& topic);
    const char* bytesAt(const Entry& e) const;
};

} // namespace porthole
