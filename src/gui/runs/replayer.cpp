// SPDX-License-Identifier: GPL-3.0-or-later
#include "replayer.h"

#include "kafka/kafkaerrors.h"
#include "kafka/publishsession.h"

#include <QElapsedTimer>
#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace porthole {

Replayer::Replayer(QWidget* parent) : QObject(parent) {}

Replayer::~Replayer()
{
    m_cancel = true;
    m_future.waitForFinished();
    delete m_progress;
}

void Replayer::start(std::vector<KafkaRecord> records, const KafkaConfig& config)
{
    const auto total = qint64(records.size());
    PublishPlan plan;
    plan.config = config;
    if (!plan.config.get("message.timeout.ms"))
        plan.config.set("message.timeout.ms", "15000");
    plan.messages = std::move(records);
    auto session = std::make_shared<PublishSession>(std::move(plan));
    m_cancel = false;
    delete m_progress;
    m_progress = new QProgressDialog(tr("Publishing %n message(s) again…", nullptr, int(total)),
                                     tr("Cancel"), 0, int(std::min<qint64>(total, INT_MAX)),
                                     qobject_cast<QWidget*>(parent()));
    m_progress->setObjectName(QStringLiteral("runsReplayProgress"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(400);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setValue(0);
    connect(m_progress, &QProgressDialog::canceled, this, [this] { m_cancel = true; });
    m_future = QtConcurrent::run([this, session, total] {
        qint64 done = 0;
        QElapsedTimer sinceUpdate;
        sinceUpdate.start();
        const auto tell = [&](bool force) {
            if (!force && sinceUpdate.elapsed() < 50)
                return; // the UI hears at most every 50 ms
            sinceUpdate.restart();
            QMetaObject::invokeMethod(
                this,
                [this, d = done] {
                    if (m_progress)
                        m_progress->setValue(int(std::min<qint64>(d, INT_MAX)));
                },
                Qt::QueuedConnection);
        };
        const PublishSummary s = session->run(
            [&](const DeliveryReport&) {
                ++done;
                tell(false);
            },
            [&] { tell(false); }, &m_cancel);
        tell(true);
        QString error = QString::fromStdString(session->setupError());
        if (error.isEmpty() && !s.fatal.empty())
            error = QString::fromStdString(s.fatal);
        if (error.isEmpty() && s.cancelled)
            error = tr("cancelled");
        if (error.isEmpty() && s.delivered != s.total)
            error = QString::fromStdString(KafkaErrors::explain(
                s.firstFailure.errorCode, s.firstFailure.error, s.firstFailure.topic));
        const auto delivered = qint64(s.delivered);
        QMetaObject::invokeMethod(
            this,
            [this, delivered, total, error] {
                if (m_progress)
                    m_progress->hide();
                Q_EMIT finished(delivered, total, error);
            },
            Qt::QueuedConnection);
    });
}

} // namespace porthole
