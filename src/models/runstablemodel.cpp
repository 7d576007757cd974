// SPDX-License-Identifier: GPL-3.0-or-later
#include "runstablemodel.h"

#include <QDateTime>
#include <QLocale>

#include "core/messagedecoder.h"
#include "core/portsignature.h"
#include "groupcommits.h"
#include "runledger.h"

namespace porthole {

namespace {

// Only the start of a value is shown in the table; the detail view shows it whole.
constexpr size_t kPreviewBytes = 300;
// Text search looks at most this much of one value (a 100 MB value must not stall filtering).
constexpr size_t kSearchBytes = 1024 * 1024;

char lowerAscii(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c + 32) : c;
}

// `needle` is lower case ASCII: a byte-wise case-insensitive search, no allocation.
bool containsAscii(std::string_view hay, std::string_view needle)
{
    if (needle.size() > hay.size())
        return false;
    const char first = needle[0];
    const size_t last = hay.size() - needle.size();
    for (size_t i = 0; i <= last; ++i) {
        if (lowerAscii(hay[i]) != first)
            continue;
        size_t k = 1;
        while (k < needle.size() && lowerAscii(hay[i + k]) == needle[k])
            ++k;
        if (k == needle.size())
            return true;
    }
    return false;
}

bool isAscii(const QString& s)
{
    for (const QChar c : s)
        if (c.unicode() >= 0x80)
            return false;
    return true;
}

// The Signature cell and its explanation (sign's rules, unchanged: checked once when the
// message arrives for the cell; the explanation again when a row is looked at).
void signatureCell(const KafkaRecord& r, const std::string& secret, QString* cell, QString* why)
{
    if (!r.value)
        return;
    const std::string& v = *r.value;
    // Checked in the UI thread once per message: a huge value is not parsed again here.
    constexpr size_t kMaxCheckedBytes = 1 << 20;
    if (v.size() > kMaxCheckedBytes) {
        *cell = QStringLiteral("not checked");
        *why = QStringLiteral("Over 1 MiB: the signature is not checked here (watch --verify "
                              "checks any size).");
        return;
    }
    const bool agent = PortSignature::addressedToAgent(v);
    if (v.find(PortSignature::kSignatureHeader) == std::string::npos) {
        *cell = QStringLiteral("missing");
        *why = QStringLiteral("No headers.X-Port-Signature: Port's agent skips this message.");
    } else if (secret.empty()) {
        *cell = QStringLiteral("present");
        *why = QStringLiteral("Signed; give the client secret (Report tab) to verify it.");
    } else {
        const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
        const PortSignature::Check c = PortSignature::verify(v, secret, now);
        *cell = QString::fromLatin1(PortSignature::statusName(c.status));
        *why = c.status == PortSignature::Status::Valid
                   ? QStringLiteral("Valid: signed with this client secret.")
                   : QString::fromStdString(c.reason);
        if (c.status == PortSignature::Status::Valid && c.ageS && *c.ageS > 300) {
            *cell = QStringLiteral("older than 5 min");
            *why += QStringLiteral(" Signed %1 s before it arrived.").arg(qint64(*c.ageS));
        }
    }
    if (agent) {
        *cell += QStringLiteral(" · agent");
        *why += QStringLiteral(" Addressed to Port's execution agent "
                               "(payload.action.invocationMethod.agent is true).");
    }
}

} // namespace

uint8_t RunsTableModel::signatureIndex(const QString& text)
{
    if (text.isEmpty())
        return 0;
    for (size_t i = 0; i < m_signatureTexts.size(); ++i)
        if (m_signatureTexts[i] == text)
            return uint8_t(i + 1);
    if (m_signatureTexts.size() >= 255)
        return 0; // (a handful of texts exist; never reached)
    m_signatureTexts.push_back(text);
    return uint8_t(m_signatureTexts.size());
}

QString RunsTableModel::signatureWhy(int row) const
{
    QString cell, why;
    const std::string secret = m_secretSource ? m_secretSource().toStdString() : std::string();
    signatureCell(record(row), secret, &cell, &why);
    return why;
}

RunsTableModel::RunsTableModel(QObject* parent) : QAbstractTableModel(parent) {}

RunsTableModel::RunState RunsTableModel::runState(const QString& status, const QString& result)
{
    if (status.isEmpty())
        return RunState::None;
    if (status == u"IN_PROGRESS")
        return RunState::InProgress;
    const QString& outcome = status == u"COMPLETED" ? result : status;
    if (outcome == u"SUCCESS")
        return RunState::Succeeded;
    if (outcome == u"FAILED" || outcome == u"FAILURE")
        return RunState::Failed;
    if (outcome == u"CANCELLED")
        return RunState::Cancelled;
    return RunState::Other;
}

void RunsTableModel::setLedger(RunLedger* ledger)
{
    if (m_ledger)
        disconnect(m_ledger, nullptr, this, nullptr);
    m_ledger = ledger;
    if (ledger)
        connect(ledger, &RunLedger::stateChanged, this, &RunsTableModel::runStateChanged);
    if (!m_store.empty())
        Q_EMIT dataChanged(index(0, Status), index(rowCount() - 1, Status));
}

void RunsTableModel::setGroupCommits(GroupCommits* commits)
{
    if (m_commits)
        disconnect(m_commits, nullptr, this, nullptr);
    m_commits = commits;
    const auto repaint = [this] {
        if (!m_store.empty())
            Q_EMIT dataChanged(index(0, Consumed), index(rowCount() - 1, Consumed));
    };
    if (commits)
        connect(commits, &GroupCommits::changed, this, repaint);
    repaint();
}

QString RunsTableModel::consumedTip(const MessageStore::Entry& e) const
{
    if (!m_commits || m_commits->groups().isEmpty())
        return tr("No consumer group watched: add one in the Groups panel");
    QStringList lines;
    for (const QString& g : m_commits->groups()) {
        const int64_t at = m_commits->committed(g, e.partition);
        lines << (at < 0 ? tr("%1: no committed offset on partition %2").arg(g).arg(e.partition)
                  : at > e.offset ? tr("✓ %1 read it (committed %2)").arg(g).arg(at)
                                  : tr("%1 has not read it (committed %2)").arg(g).arg(at));
    }
    return lines.join(QLatin1Char('\n'));
}

QString RunsTableModel::runIdOf(const MessageStore::Entry& e) const
{
    const std::string_view id = m_store.primaryId(e);
    return QString::fromUtf8(id.data(), qsizetype(id.size()));
}

// Only the rows of that run: the ledger knows their sequence numbers from its Received events.
void RunsTableModel::runStateChanged(const QString& runId)
{
    const uint64_t first = m_store.firstSeq(), end = m_store.nextSeq();
    for (const RunEvent& ev : m_ledger->events(runId)) {
        if (ev.stage != RunEvent::Stage::Received || ev.seq < 0 || uint64_t(ev.seq) < first ||
            uint64_t(ev.seq) >= end)
            continue;
        const QModelIndex i = index(int(uint64_t(ev.seq) - first), Status);
        Q_EMIT dataChanged(i, i);
    }
}

int RunsTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_store.size());
}

int RunsTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount + int(m_extraTitles.size());
}

QString RunsTableModel::preview(int row) const
{
    const MessageStore::Entry& e = m_store.entry(size_t(row));
    if (e.valueLen == MessageStore::kNull)
        return tr("tombstone");
    if (ValueFormat(e.format) == ValueFormat::Binary)
        return QStringLiteral("(binary, %1 bytes)").arg(e.valueLen);
    const std::string_view v = m_store.value(e);
    size_t n = std::min(v.size(), kPreviewBytes);
    // Cut before a partial UTF-8 sequence, not inside it.
    while (n < v.size() && n > 0 && (static_cast<unsigned char>(v[n]) & 0xC0) == 0x80)
        --n;
    QString text = QString::fromUtf8(v.data(), qsizetype(n));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (v.size() > n)
        text += QStringLiteral("…");
    return text;
}

QString RunsTableModel::cell(const MessageStore::Entry& e, int column) const
{
    switch (column) {
    case Time:
        return timeCell(e.timestamp);
    case Partition:
        return QString::number(e.partition);
    case Offset:
        return QString::number(e.offset);
    case Kind:
        return QString::fromLatin1(MessageDecoder::kindName(MessageKind(e.kind)));
    case Key: {
        if (e.keyLen == MessageStore::kNull)
            return tr("no key");
        const std::string_view k = m_store.key(e);
        return MessageDecoder::isUtf8(k) ? QString::fromUtf8(k.data(), qsizetype(k.size()))
                                         : QStringLiteral("(binary)");
    }
    case RunId: {
        const RunIds ids = m_store.ids(e);
        const porthole::RunId& shown = !ids.nodeRun.isNull()     ? ids.nodeRun
                                       : !ids.actionRun.isNull() ? ids.actionRun
                                                                 : ids.workflowRun;
        // A hand-made id (not Port's 16 characters) is shown, but marked so it is not
        // mistaken for one Port made.
        QString text = QString::fromStdString(shown.text());
        if (shown.isUnusual())
            text += tr(" (unusual id)");
        return text;
    }
    case Status: {
        if (!m_ledger || !e.idsLen)
            return {};
        const RunLedger::State st = m_ledger->state(runIdOf(e));
        return st.result.isEmpty() || st.result == st.status
                   ? st.status
                   : st.status + QStringLiteral(" · ") + st.result;
    }
    case Signature:
        return e.signature ? m_signatureTexts[e.signature - 1u] : QString();
    case Consumed: {
        const QStringList by =
            m_commits ? m_commits->consumedBy(e.partition, e.offset) : QStringList();
        return by.isEmpty() ? QString() : QStringLiteral("✓ ") + by.join(QStringLiteral(" ✓ "));
    }
    case Size: {
        const qint64 n = e.valueLen == MessageStore::kNull ? 0 : qint64(e.valueLen);
        return n < 1024
                   ? QStringLiteral("%1 B").arg(n)
                   : QLocale::system().formattedDataSize(n, 1, QLocale::DataSizeTraditionalFormat);
    }
    default:
        return {};
    }
}

QVariant RunsTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.column() >= ColumnCount)
        return m_extraCell ? m_extraCell(index.row(), index.column() - ColumnCount, role)
                           : QVariant();
    const MessageStore::Entry& e = m_store.entry(size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == Value ? preview(index.row()) : cell(e, index.column());
    case ExportRole:
        return index.column() == Time                                     ? isoTime(e.timestamp)
               : index.column() == Key && e.keyLen == MessageStore::kNull ? QString()
                                                                          : cell(e, index.column());
    case MutedRole:
        return (index.column() == Key && e.keyLen == MessageStore::kNull) ||
               (index.column() == Value && e.valueLen == MessageStore::kNull);
    case Qt::ToolTipRole:
        if (index.column() == Time)
            return e.timestamp < 0
                       ? tr("No timestamp")
                       : tr("%1 (UTC)\n%2 (local)")
                             .arg(isoTime(e.timestamp), QDateTime::fromMSecsSinceEpoch(e.timestamp)
                                                            .toString(Qt::ISODateWithMs));
        if (index.column() == Key && e.keyLen == MessageStore::kNull)
            return tr("The message has no key (a null key)");
        if (index.column() == Value && e.valueLen == MessageStore::kNull)
            return tr("A null value: a tombstone (in a compacted topic it deletes its key)");
        if (index.column() == Status) {
            const QString text = cell(e, Status);
            return text.isEmpty()
                       ? tr("Nothing reported on this run yet (Ctrl+T: its timeline)")
                       : tr("%1, the latest report Port accepted (Ctrl+T: the timeline)").arg(text);
        }
        if (index.column() == Consumed)
            return consumedTip(e);
        return index.column() == Value       ? QVariant(preview(index.row()))
               : index.column() == Signature ? QVariant(signatureWhy(index.row()))
                                             : QVariant();
    case RunStateRole: {
        if (!m_ledger || !e.idsLen)
            return int(RunState::None);
        const RunLedger::State st = m_ledger->state(runIdOf(e));
        return int(runState(st.status, st.result));
    }
    case RunIdRole:
        return runIdOf(e);
    case SignatureWhyRole:
        return signatureWhy(index.row());
    case Qt::TextAlignmentRole:
        return index.column() == Partition || index.column() == Offset || index.column() == Size
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case KindRole:
        return int(e.kind);
    case SeqRole:
        return qulonglong(m_store.firstSeq() + uint64_t(index.row()));
    default:
        return {};
    }
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o == Qt::Horizontal && section >= ColumnCount && section < columnCount() &&
        (role == Qt::DisplayRole || role == Qt::ToolTipRole))
        return m_extraTitles[section - ColumnCount];
    if (o == Qt::Horizontal && section == Time && role == Qt::ToolTipRole)
        return m_timeMode == TimeMode::Utc        ? tr("Message time in UTC (right-click: local, "
                                                              "relative; the tooltip has ISO-8601)")
               : m_timeMode == TimeMode::Relative ? tr("Message time, how long ago (right-click: "
                                                       "local, UTC; the tooltip has ISO-8601)")
                                                  : tr("Message time, local (right-click: UTC, "
                                                       "relative; the tooltip has ISO-8601)");
    if (o != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, o, role);
    static const char* names[] = {"Time",   "Part.",     "Offset",   "Kind", "Key",  "Run id",
                                  "Status", "Signature", "Consumed", "Size", "Value"};
    return tr(names[section]);
}

bool RunsTableModel::rowMatches(int row, const QStringList& words) const
{
    const MessageStore::Entry& e = m_store.entry(size_t(row));
    const std::string_view kind = MessageDecoder::kindName(MessageKind(e.kind));
    const std::string_view key = m_store.key(e);
    const std::string_view value = m_store.value(e).substr(0, kSearchBytes);
    QString foldedValue; // only for words beyond ASCII, made once per row
    for (const QString& w : words) {
        if (isAscii(w)) {
            const QByteArray n = w.toLatin1();
            const std::string_view needle(n.constData(), size_t(n.size()));
            if (!containsAscii(kind, needle) && !containsAscii(key, needle) &&
                !containsAscii(value, needle))
                return false;
            continue;
        }
        if (foldedValue.isNull())
            foldedValue =
                (QString::fromUtf8(key.data(), qsizetype(key.size())) + QLatin1Char('\n') +
                 QString::fromUtf8(value.data(), qsizetype(value.size())))
                    .toCaseFolded();
        if (!foldedValue.contains(w))
            return false;
    }
    return true;
}

void RunsTableModel::appendBatch(const MessageBatch& batch)
{
    if (!batch || batch->empty())
        return;
    m_received += qint64(batch->size());
    // Only the newest `capacity` of a huge batch can ever be shown.
    const size_t skip = batch->size() > size_t(m_capacity) ? batch->size() - size_t(m_capacity) : 0;
    m_dropped += qint64(skip);
    const int incoming = int(batch->size() - skip);
    trimTo(m_capacity - incoming);
    const int first = int(m_store.size());
    const std::string secret = m_secretSource ? m_secretSource().toStdString() : std::string();
    beginInsertRows({}, first, first + incoming - 1);
    for (size_t i = skip; i < batch->size(); ++i) {
        QString cell, why;
        signatureCell(*(*batch)[i].record, secret, &cell, &why);
        m_store.append((*batch)[i], signatureIndex(cell));
        const auto held = qint64(MessageStore::heldBy(m_store.entry(m_store.size() - 1)));
        m_bytes += held;
        m_receivedBytes += held;
    }
    endInsertRows();
    trimToBudget();
}

void RunsTableModel::trimToBudget()
{
    qint64 over = m_bytes - m_byteBudget;
    int rows = 0;
    while (over > 0 && rows + 1 < int(m_store.size()))
        over -= qint64(MessageStore::heldBy(m_store.entry(size_t(rows++))));
    trimTo(int(m_store.size()) - rows);
}

void RunsTableModel::trimTo(int rows)
{
    const int excess = int(m_store.size()) - std::max(0, rows);
    if (excess <= 0)
        return;
    beginRemoveRows({}, 0, excess - 1);
    for (int i = 0; i < excess; ++i)
        m_bytes -= qint64(MessageStore::heldBy(m_store.entry(size_t(i))));
    m_store.dropFront(size_t(excess));
    endRemoveRows();
    m_dropped += excess;
}

void RunsTableModel::clear()
{
    beginResetModel();
    m_store.clear();
    m_bytes = 0;
    m_dropped = 0;
    m_received = 0;
    m_receivedBytes = 0;
    endResetModel();
}

void RunsTableModel::setCapacity(int rows)
{
    m_capacity = std::max(1, rows);
    trimTo(m_capacity);
}

void RunsTableModel::setByteBudget(qint64 bytes)
{
    m_byteBudget = std::max<qint64>(0, bytes);
    trimToBudget();
}

void RunsTableModel::appendExtraColumn(const QString& title)
{
    // A column inserted (not a reset): the rows, the filter and the other columns stay.
    const int column = ColumnCount + int(m_extraTitles.size());
    beginInsertColumns({}, column, column);
    m_extraTitles << title;
    endInsertColumns();
}

void RunsTableModel::removeExtraColumn(int extra)
{
    if (extra < 0 || extra >= m_extraTitles.size())
        return;
    beginRemoveColumns({}, ColumnCount + extra, ColumnCount + extra);
    m_extraTitles.removeAt(extra);
    endRemoveColumns();
}

void RunsTableModel::extraCellsChanged()
{
    if (!m_extraTitles.isEmpty() && rowCount() > 0)
        Q_EMIT dataChanged(index(0, ColumnCount), index(rowCount() - 1, columnCount() - 1),
                           {Qt::DisplayRole, Qt::ToolTipRole});
}

} // namespace porthole
