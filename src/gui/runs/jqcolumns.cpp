// SPDX-License-Identifier: GPL-3.0-or-later
#include "jqcolumns.h"

#include "jqcolumnworker.h"

#include "core/appsettings.h"
#include "core/jsonparser.h"
#include "core/jswriter.h"
#include "core/messagedecoder.h"
#include "models/runstablemodel.h"
#include "template/jqsimplepath.h"

#include <QHeaderView>

#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <algorithm>

namespace porthole {

namespace {
// Rows per request to the worker, and cached cells per column before the cache starts over.
constexpr int kBatch = 400;
constexpr int kCacheLimit = 50000;

// A plain path's cell: the value at the path in the message as `watch` prints it, strings
// without quotes, null and missing as nothing.
QString plainPathText(const RunsTableModel* model, int row,
                      const std::vector<JqSimplePath::Step>& steps)
{
    const std::string line = MessageDecoder::toJsonLine(model->record(row));
    const JsonDocument doc = JsonParser::parse(line);
    if (!doc.ok())
        return {};
    const JsonValue root = doc.root->toValue();
    const JsonValue* v = JqSimplePath::follow(root, steps);
    if (!v || v->isNull())
        return {};
    return QString::fromStdString(v->isString() ? v->toString() : JsWriter::stringify(*v));
}
} // namespace

JqColumns::JqColumns(RunsTableModel* model, QObject* parent)
    : QObject(parent), m_model(model), m_worker(new JqColumnWorker)
{
    m_thread.setObjectName(QStringLiteral("jq columns"));
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &JqColumnWorker::evaluated, this, &JqColumns::onEvaluated);
    connect(m_worker, &JqColumnWorker::textsReady, this,
            [this](quint64 ticket, const QStringList& texts) {
                const auto it = m_waiting.find(ticket);
                if (it == m_waiting.end())
                    return;
                const Waiting waiting = std::move(it->second);
                m_waiting.erase(it);
                if (waiting.context)
                    waiting.done(texts);
            });
    m_flush.setSingleShot(true);
    m_flush.setInterval(0);
    connect(&m_flush, &QTimer::timeout, this, &JqColumns::flush);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        for (auto& c : m_cache)
            c.clear();
    });
    m_thread.start();
    m_model->setExtraCell([this](int row, int extra, int role) { return cell(row, extra, role); });
    for (const QString& e : AppSettings::runsJqColumns.value())
        add(e);
}

JqColumns::~JqColumns()
{
    m_thread.quit();
    m_thread.wait();
    delete m_worker; // its thread has ended
}

void JqColumns::add(const QString& expression)
{
    const QString e = expression.trimmed();
    if (e.isEmpty() || m_expressions.contains(e))
        return;
    m_expressions << e;
    m_cache.emplace_back();
    m_pending.emplace_back();
    m_sent.emplace_back();
    m_model->appendExtraColumn(e);
    AppSettings::runsJqColumns.setValue(m_expressions);
    Q_EMIT columnAdded(RunsTableModel::ColumnCount + int(m_expressions.size()) - 1);
}

void JqColumns::remove(int extra)
{
    if (extra < 0 || extra >= m_expressions.size())
        return;
    ++m_generation; // replies carry column numbers, which shift: drop them
    m_expressions.removeAt(extra);
    m_cache.erase(m_cache.begin() + extra);
    m_pending.erase(m_pending.begin() + extra);
    m_sent.erase(m_sent.begin() + extra);
    for (auto& sent : m_sent)
        sent.clear(); // asked again when shown
    m_model->removeExtraColumn(extra);
    AppSettings::runsJqColumns.setValue(m_expressions);
    JqColumnWorker* worker = m_worker;
    const QStringList keep = m_expressions;
    QMetaObject::invokeMethod(
        worker, [worker, keep] { worker->keepOnly(keep); }, Qt::QueuedConnection);
}

QVariant JqColumns::cell(int row, int extra, int role)
{
    if ((role != Qt::DisplayRole && role != Qt::ToolTipRole) || extra >= m_expressions.size())
        return {};
    const quint64 seq = m_model->firstSeq() + quint64(row);
    auto& cache = m_cache[size_t(extra)];
    if (const auto it = cache.constFind(seq); it != cache.cend())
        return *it;
    if (cache.size() > kCacheLimit)
        cache.clear();
    const QString& expression = m_expressions[extra];
    if (const auto steps = JqSimplePath::parse(expression.toStdString())) {
        // A plain path: read now (this cell is on screen), no jq needed.
        const QString text = plainPathText(m_model, row, *steps);
        cache.insert(seq, text);
        return text;
    }
    if (!m_sent[size_t(extra)].contains(seq)) {
        m_pending[size_t(extra)].insert(seq);
        if (!m_flush.isActive())
            m_flush.start();
    }
    return QStringLiteral("…");
}

std::optional<QString> JqColumns::knownText(int row, const QString& expression) const
{
    if (const auto steps = JqSimplePath::parse(expression.toStdString()))
        return plainPathText(m_model, row, *steps);
    const qsizetype extra = m_expressions.indexOf(expression);
    if (extra < 0)
        return std::nullopt;
    const auto& cache = m_cache[size_t(extra)];
    if (const auto it = cache.constFind(m_model->firstSeq() + quint64(row)); it != cache.cend())
        return *it;
    return std::nullopt;
}

void JqColumns::evaluate(const QString& expression, std::vector<std::string> lines,
                         QObject* context, std::function<void(const QStringList&)> done)
{
    const quint64 ticket = ++m_nextTicket;
    m_waiting[ticket] = Waiting{context, std::move(done)};
    JqColumnWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker, ticket, expression, lines = std::move(lines)] {
            worker->evaluateTicket(ticket, expression, lines);
        },
        Qt::QueuedConnection);
}

void JqColumns::flush()
{
    const quint64 first = m_model->firstSeq();
    const quint64 end = first + quint64(m_model->rowCount());
    for (size_t c = 0; c < m_pending.size(); ++c) {
        if (m_pending[c].isEmpty())
            continue;
        QList<qulonglong> seqs;
        std::vector<std::string> lines;
        for (auto it = m_pending[c].begin(); it != m_pending[c].end() && seqs.size() < kBatch;) {
            const quint64 seq = *it;
            it = m_pending[c].erase(it);
            if (seq < first || seq >= end)
                continue; // dropped meanwhile
            seqs << seq;
            lines.push_back(MessageDecoder::toJsonLine(m_model->record(int(seq - first))));
            m_sent[c].insert(seq);
        }
        if (seqs.isEmpty())
            continue;
        JqColumnWorker* worker = m_worker;
        const quint64 generation = m_generation;
        const QString expression = m_expressions[int(c)];
        const int column = int(c);
        QMetaObject::invokeMethod(
            worker,
            [worker, generation, column, expression, seqs, lines = std::move(lines)] {
                worker->evaluate(generation, column, expression, seqs, lines);
            },
            Qt::QueuedConnection);
    }
    if (std::any_of(m_pending.begin(), m_pending.end(), [](const auto& p) { return !p.isEmpty(); }))
        m_flush.start();
}

void JqColumns::onEvaluated(quint64 generation, int column, const QList<qulonglong>& seqs,
                            const QStringList& texts)
{
    if (generation != m_generation || column >= int(m_cache.size()))
        return;
    for (int i = 0; i < seqs.size() && i < texts.size(); ++i) {
        m_cache[size_t(column)].insert(seqs[i], texts[i]);
        m_sent[size_t(column)].remove(seqs[i]);
    }
    m_model->extraCellsChanged();
}

namespace {
// QInputDialog selects its text when shown: here the text is a start to go on from.
class JqPathDialog : public QInputDialog
{
public:
    using QInputDialog::QInputDialog;
    void setVisible(bool visible) override
    {
        QInputDialog::setVisible(visible);
        if (auto* edit = findChild<QLineEdit*>(); visible && edit) {
            edit->deselect();
            edit->end(false);
        }
    }
};
} // namespace

QInputDialog* JqColumns::addDialog(QWidget* parent)
{
    auto* dialog = new JqPathDialog(parent);
    dialog->setObjectName(QStringLiteral("jqColumnDialog"));
    dialog->setWindowTitle(tr("Add column from jq path"));
    dialog->setLabelText(tr("A jq path or filter over the message as `watch` prints it, e.g. "
                            ".value.payload.service"));
    dialog->setTextValue(QStringLiteral(".value.payload."));
    return dialog;
}

void JqColumns::extendHeaderMenu(QMenu* menu, QHeaderView* header, int section)
{
    menu->addSeparator();
    menu->addAction(tr("Add column from jq path…"), this, [this, header] {
        QInputDialog* dialog = addDialog(header);
        if (dialog->exec() == QDialog::Accepted)
            add(dialog->textValue());
        delete dialog;
    });
    const int extra = section - RunsTableModel::ColumnCount;
    if (extra >= 0 && extra < m_expressions.size())
        menu->addAction(tr("Remove column %1").arg(m_expressions[extra]), this,
                        [this, extra] { remove(extra); });
}

} // namespace porthole
