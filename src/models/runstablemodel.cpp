#include "runstablemodel.h"

#include "core/messagedecoder.h"
#include "core/portsignature.h"

#include <QDateTime>
#include <QLocale>

namespace porthole {

namespace {

QString preview(const KafkaRecord& r, const MessageInfo& info)
{
    if (!r.value)
        return QStringLiteral("(null)");
    if (info.format == ValueFormat::Binary)
        return QStringLiteral("(binary, %1 bytes)").arg(r.value->size());
    // Only the start of a value is shown in the table; the detail view shows it whole.
    constexpr size_t kPreviewBytes = 300;
    QString text =
        QString::fromUtf8(r.value->data(), qsizetype(std::min(r.value->size(), kPreviewBytes)));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (r.value->size() > kPreviewBytes)
        text += QStringLiteral("…");
    return text;
}

qint64 heldBy(const WatchedMessage& m)
{
    const KafkaRecord& r = *m.record;
    qint64 n = qint64(r.value ? r.value->size() : 0) + qint64(r.key ? r.key->size() : 0);
    for (const auto& [name, value] : r.headers)
        n += qint64(name.size() + (value ? value->size() : 0));
    return n;
}

QString sizeText(size_t bytes)
{
    return QLocale::system().formattedDataSize(qint64(bytes), 1,
                                               QLocale::DataSizeTraditionalFormat);
}

// The Signature cell and its explanation, checked once when the message arrives.
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

RunsTableModel::RunsTableModel(QObject* parent) : QAbstractTableModel(parent) {}

RunsTableModel::Row RunsTableModel::makeRow(const WatchedMessage& m, const std::string& secret)
{
    Row row;
    row.message = m;
    const KafkaRecord& r = *m.record;
    row.cells[Time] =
        r.timestamp >= 0
            ? QDateTime::fromMSecsSinceEpoch(r.timestamp).toString(QStringLiteral("HH:mm:ss.zzz"))
            : QString();
    row.cells[Partition] = QString::number(r.partition);
    row.cells[Offset] = QString::number(r.offset);
    row.cells[Kind] = QString::fromUtf8(MessageDecoder::kindName(m.info.kind));
    row.cells[Key] = r.key ? (MessageDecoder::isUtf8(*r.key)
                                  ? QString::fromUtf8(r.key->data(), qsizetype(r.key->size()))
                                  : QStringLiteral("(binary)"))
                           : QString();
    const RunIds& ids = m.info.ids;
    const porthole::RunId& shown = !ids.nodeRun.isNull()     ? ids.nodeRun
                                   : !ids.actionRun.isNull() ? ids.actionRun
                                                             : ids.workflowRun;
    // A hand-made id (not Port's 16 characters) is shown, but marked so it is not mistaken for
    // one Port made.
    row.cells[RunId] = QString::fromStdString(shown.text());
    if (shown.isUnusual())
        row.cells[RunId] += tr(" (unusual id)");
    row.cells[Value] = preview(r, m.info);
    row.cells[Size] = sizeText(r.value ? r.value->size() : 0);
    signatureCell(r, secret, &row.cells[Signature], &row.signatureWhy);
    row.search = QStringList{row.cells[Kind], row.cells[Key], row.cells[RunId],
                             QString::fromStdString(ids.workflowRun.text()), row.cells[Value]}
                     .join(QLatin1Char('\n'))
                     .toCaseFolded();
    return row;
}

int RunsTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunsTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunsTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row& row = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return row.cells[index.column()];
    case Qt::ToolTipRole:
        return index.column() == Value       ? QVariant(row.cells[Value])
               : index.column() == Signature ? QVariant(row.signatureWhy)
                                             : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Partition || index.column() == Offset || index.column() == Size
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case KindRole:
        return int(row.message.info.kind);
    case SearchTextRole:
        return row.search;
    case SignatureWhyRole:
        return row.signatureWhy;
    default:
        return {};
    }
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, o, role);
    static const char* names[] = {"Time",   "Part.", "Offset", "Kind",     "Key",
                                  "Run id", "Value", "Size",   "Signature"};
    return tr(names[section]);
}

void RunsTableModel::appendBatch(const MessageBatch& batch)
{
    if (!batch || batch->empty())
        return;
    // Only the newest `capacity` of a huge batch can ever be shown.
    const size_t skip = batch->size() > size_t(m_capacity) ? batch->size() - size_t(m_capacity) : 0;
    m_dropped += qint64(skip);
    const int incoming = int(batch->size() - skip);
    trimTo(m_capacity - incoming);
    const int first = int(m_rows.size());
    const std::string secret = m_secretSource ? m_secretSource().toStdString() : std::string();
    beginInsertRows({}, first, first + incoming - 1);
    for (size_t i = skip; i < batch->size(); ++i) {
        m_rows.push_back(makeRow((*batch)[i], secret));
        m_bytes += heldBy((*batch)[i]);
    }
    endInsertRows();
    trimToBudget();
}

void RunsTableModel::trimToBudget()
{
    qint64 over = m_bytes - m_byteBudget;
    int rows = 0;
    while (over > 0 && rows + 1 < int(m_rows.size()))
        over -= heldBy(m_rows[size_t(rows++)].message);
    trimTo(int(m_rows.size()) - rows);
}

void RunsTableModel::trimTo(int rows)
{
    const int excess = int(m_rows.size()) - std::max(0, rows);
    if (excess <= 0)
        return;
    beginRemoveRows({}, 0, excess - 1);
    for (int i = 0; i < excess; ++i)
        m_bytes -= heldBy(m_rows[size_t(i)].message);
    m_rows.erase(m_rows.begin(), m_rows.begin() + excess);
    endRemoveRows();
    m_dropped += excess;
}

void RunsTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_bytes = 0;
    m_dropped = 0;
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

} // namespace porthole
