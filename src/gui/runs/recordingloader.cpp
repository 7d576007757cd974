// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordingloader.h"

#include "core/watchlineparser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace porthole {

RecordingLoader::RecordingLoader(QObject* parent) : QObject(parent) {}

RecordingLoader::~RecordingLoader()
{
    m_cancel = true;
    m_future.waitForFinished();
}

void RecordingLoader::discard()
{
    m_cancel = true;
    ++m_generation;
}

bool RecordingLoader::start(const QString& path, QString* error)
{
    auto file = std::make_shared<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        *error = file->errorString();
        return false;
    }
    m_cancel = false;
    const quint64 generation = ++m_generation;
    // Runs in the owner's thread, as the worker's news arrive: a discarded reading's are dropped.
    const auto deliver = [this, generation](auto emitIt) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, emitIt] {
                if (generation == m_generation)
                    emitIt();
            },
            Qt::QueuedConnection);
    };
    m_future = QtConcurrent::run([this, file, deliver] {
        const qint64 total = file->size();
        auto batch = std::make_shared<std::vector<WatchedMessage>>();
        qint64 loaded = 0, bad = 0, lineNo = 0;
        QStringList errors;
        QElapsedTimer sinceBatch;
        sinceBatch.start();
        const auto send = [&] {
            if (!batch->empty()) {
                MessageBatch ready = std::move(batch);
                deliver([this, ready] { Q_EMIT batchLoaded(ready); });
                batch = std::make_shared<std::vector<WatchedMessage>>();
            }
            const qint64 at = file->pos();
            deliver([this, at, total] { Q_EMIT progressed(at, total); });
            sinceBatch.restart();
        };
        while (!file->atEnd() && !m_cancel) {
            QByteArray line = file->readLine();
            ++lineNo;
            while (line.endsWith('\n') || line.endsWith('\r'))
                line.chop(1);
            if (line.trimmed().isEmpty())
                continue;
            auto record = std::make_shared<KafkaRecord>();
            std::string why;
            if (!WatchLineParser::parse(std::string_view(line.constData(), size_t(line.size())),
                                        record.get(), &why)) {
                if (++bad <= 100)
                    errors << tr("line %1: %2").arg(lineNo).arg(QString::fromStdString(why));
                continue;
            }
            const MessageInfo info = MessageDecoder::decode(*record);
            batch->push_back({std::move(record), info});
            ++loaded;
            if (batch->size() >= 20000 || sinceBatch.elapsed() >= 50)
                send();
        }
        send();
        const bool cancelled = m_cancel;
        deliver([this, loaded, bad, errors, cancelled] {
            Q_EMIT finished(loaded, bad, errors, cancelled);
        });
    });
    return true;
}

} // namespace porthole
