// SPDX-License-Identifier: GPL-3.0-or-later
#include "viewwalker.h"

#include "models/runstablemodel.h"

#include <QAbstractProxyModel>
#include <QElapsedTimer>
#include <QProgressDialog>
#include <QTimer>

namespace porthole {

ViewWalker::ViewWalker(const RunsTableModel* model, const QAbstractItemModel* view, QWidget* parent)
    : QObject(parent), m_model(model), m_timer(new QTimer(this))
{
    // Sequence numbers only grow and survive trimming: the rows of this moment, in view order.
    const int rows = view->rowCount();
    m_seqs.reserve(size_t(rows));
    const auto* proxy = qobject_cast<const QAbstractProxyModel*>(view);
    for (int i = 0; i < rows; ++i) {
        const int source = proxy ? proxy->mapToSource(proxy->index(i, 0)).row() : i;
        m_seqs.push_back(model->firstSeq() + uint64_t(source));
    }
    m_timer->setInterval(0);
    connect(m_timer, &QTimer::timeout, this, &ViewWalker::slice);
}

ViewWalker::~ViewWalker()
{
    delete m_progress;
}

void ViewWalker::start(const QString& label, RowHandler onRow, DoneHandler onDone)
{
    m_onRow = std::move(onRow);
    m_onDone = std::move(onDone);
    auto* parentWidget = qobject_cast<QWidget*>(parent());
    m_progress = new QProgressDialog(label, tr("Cancel"), 0, 1000, parentWidget);
    m_progress->setObjectName(QStringLiteral("runsWalkProgress"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(400); // a few thousand rows finish before it would show
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setValue(0);
    connect(m_progress, &QProgressDialog::canceled, this, [this] {
        m_cancelled = true;
        if (m_held)
            finish(false); // no slice runs while held
    });
    m_timer->start();
}

void ViewWalker::release()
{
    m_held = false;
    if (!m_finished)
        m_timer->start();
}

void ViewWalker::slice()
{
    QElapsedTimer clock;
    clock.start();
    while (m_next < m_seqs.size() && !m_cancelled && !m_held) {
        const uint64_t seq = m_seqs[m_next++];
        if (seq >= m_model->firstSeq() &&
            seq - m_model->firstSeq() < uint64_t(m_model->rowCount())) {
            if (!m_onRow(int(seq - m_model->firstSeq()))) {
                finish(false);
                return;
            }
            ++m_done;
        }
        if ((m_next & 63) == 0 && clock.elapsed() >= 25)
            break;
    }
    if (m_progress && !m_seqs.empty())
        m_progress->setValue(int(m_next * 1000 / m_seqs.size()));
    if (m_cancelled) {
        finish(false);
        return;
    }
    if (!m_held && m_next >= m_seqs.size() && !m_ended) {
        m_ended = true;
        if (m_onEnd)
            m_onEnd();
    }
    if (m_held)
        m_timer->stop(); // release() starts it again
    else if (m_next >= m_seqs.size())
        finish(true);
}

void ViewWalker::finish(bool completed)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer->stop();
    if (m_progress)
        m_progress->hide();
    if (m_onDone)
        m_onDone(completed, m_done);
    deleteLater();
}

} // namespace porthole
