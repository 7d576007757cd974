// SPDX-License-Identifier: GPL-3.0-or-later
#include "runsrecorder.h"

#include "models/runstablemodel.h"
#include "recordingloader.h"
#include "replayer.h"
#include "viewwalker.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QTableView>

#include <memory>

namespace porthole {

RunsRecorder::RunsRecorder(RunsTableModel* model, QTableView* table, QWidget* parent)
    : QObject(parent), m_model(model), m_table(table), m_menu(new QMenu(parent)),
      m_loader(new RecordingLoader(this)), m_replayer(new Replayer(parent))
{
    m_menu->setObjectName(QStringLiteral("runsRecordMenu"));
    m_menu
        ->addAction(tr("&Export shown rows as JSON Lines…"), this,
                    [this] { exportWithDialog(RecordingExport::Format::JsonLines); })
        ->setObjectName(QStringLiteral("runsExportJsonl"));
    m_menu
        ->addAction(tr("Export shown rows as &CSV…"), this,
                    [this] { exportWithDialog(RecordingExport::Format::Csv); })
        ->setObjectName(QStringLiteral("runsExportCsv"));
    m_menu->addSeparator();
    m_menu->addAction(tr("&Open recording…"), this, &RunsRecorder::openWithDialog)
        ->setObjectName(QStringLiteral("runsOpenRecording"));
    m_menu->addAction(tr("&Replay shown rows…"), this, &RunsRecorder::replayWithDialog)
        ->setObjectName(QStringLiteral("runsReplay"));

    connect(m_loader, &RecordingLoader::batchLoaded, m_model, &RunsTableModel::appendBatch);
    connect(m_loader, &RecordingLoader::finished, this,
            [this](qint64 loaded, qint64 bad, const QStringList& errors, bool cancelled) {
                QString text = tr("Recording opened: %Ln message(s)", nullptr, int(loaded));
                if (bad > 0)
                    text += tr("; %Ln bad line(s) skipped: %1", nullptr, int(bad))
                                .arg(errors.mid(0, 3).join(QStringLiteral("; ")));
                if (cancelled)
                    text += tr(" (cancelled)");
                Q_EMIT done(bad == 0 && !cancelled, text);
            });
    connect(m_replayer, &Replayer::finished, this,
            [this](qint64 delivered, qint64 total, const QString& error) {
                Q_EMIT done(
                    error.isEmpty(),
                    error.isEmpty()
                        ? tr("Published %Ln message(s) again", nullptr, int(delivered))
                        : tr("Published %1 of %2 again: %3").arg(delivered).arg(total).arg(error));
            });
}

RunsRecorder::~RunsRecorder() = default;

QWidget* RunsRecorder::parentWidget() const
{
    return qobject_cast<QWidget*>(parent());
}

bool RunsRecorder::isBusy() const
{
    return m_exporting || m_loader->isRunning() || m_replayer->isRunning();
}

std::vector<int> RunsRecorder::visibleColumns() const
{
    std::vector<int> columns;
    const QHeaderView* header = m_table->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        // The jq columns too when known (the model's extra columns, after its own).
        if (!header->isSectionHidden(logical) && (logical < RunsTableModel::ColumnCount || m_jq))
            columns.push_back(logical);
    }
    return columns;
}

void RunsRecorder::exportWithDialog(RecordingExport::Format format)
{
    const bool csv = format == RecordingExport::Format::Csv;
    const QString path = QFileDialog::getSaveFileName(
        parentWidget(), csv ? tr("Export as CSV") : tr("Export as JSON Lines"),
        csv ? QStringLiteral("runs.csv") : QStringLiteral("runs.jsonl"),
        csv ? tr("CSV (*.csv)") : tr("JSON Lines (*.jsonl)"));
    if (!path.isEmpty())
        exportTo(path, format);
}

void RunsRecorder::exportTo(const QString& path, RecordingExport::Format format)
{
    m_exporting = true;
    RecordingExport::start(
        m_model, m_table->model(), path, format, visibleColumns(), parentWidget(),
        [this, path](bool ok, qint64 rows, const QString& error) {
            m_exporting = false;
            Q_EMIT done(ok, ok ? tr("Wrote %Ln message(s) to %1", nullptr, int(rows)).arg(path)
                            : error.isEmpty() ? tr("Export cancelled; nothing written")
                                              : tr("Could not write %1: %2").arg(path, error));
        },
        m_jq);
}

void RunsRecorder::openWithDialog()
{
    const QString path =
        QFileDialog::getOpenFileName(parentWidget(), tr("Open recording"), QString(),
                                     tr("Recordings (*.jsonl *.json *.ndjson);;All files (*)"));
    QString error;
    if (!path.isEmpty() && !openFrom(path, &error))
        QMessageBox::warning(parentWidget(), tr("Open recording"),
                             tr("Could not open %1: %2").arg(path, error));
}

bool RunsRecorder::openFrom(const QString& path, QString* error)
{
    if (m_loader->isRunning()) {
        *error = tr("a recording is still loading");
        return false;
    }
    Q_EMIT loading(path);
    m_model->clear();
    return m_loader->start(path, error);
}

void RunsRecorder::discardOpen()
{
    m_loader->discard();
}

bool RunsRecorder::confirmPublish(qint64 count, const QString& topic)
{
    const KafkaTarget target = m_target ? m_target() : KafkaTarget();
    if (m_isSandbox && m_isSandbox(target.bootstrap()))
        return true;
    return QMessageBox::question(
               parentWidget(), tr("Publish again"),
               tr("Publish %Ln message(s) to %1 on %2? This is not the sandbox: consumers of "
                  "that topic will act on them.",
                  nullptr, int(count))
                   .arg(topic.isEmpty() ? tr("their own topics") : topic, target.bootstrap()),
               QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Yes;
}

void RunsRecorder::replayWithDialog()
{
    const qint64 rows = m_table->model()->rowCount();
    if (rows == 0 || isBusy())
        return;
    bool ok = false;
    const QString topic = QInputDialog::getText(
        parentWidget(), tr("Replay"),
        tr("Publish the %Ln message(s) shown again, with their own keys, headers and bytes, to "
           "the topic (empty: each message's own topic):",
           nullptr, int(rows)),
        QLineEdit::Normal, m_target ? m_target().topic : QString(), &ok);
    if (ok && confirmPublish(rows, topic.trimmed()))
        replayTo(topic.trimmed().toStdString());
}

void RunsRecorder::replayTo(const std::string& topic)
{
    auto messages = std::make_shared<std::vector<KafkaRecord>>();
    auto* walker = new ViewWalker(m_model, m_table->model(), parentWidget());
    messages->reserve(size_t(walker->total()));
    m_exporting = true;
    walker->start(
        tr("Collecting the rows shown…"),
        [this, messages, topic](int row) {
            KafkaRecord r = m_model->record(row);
            if (!topic.empty())
                r.topic = topic;
            messages->push_back(std::move(r));
            return true;
        },
        [this, messages](bool completed, qint64) {
            m_exporting = false;
            if (!completed) {
                Q_EMIT done(false, tr("Replay cancelled; nothing published"));
                return;
            }
            KafkaConfig config = m_target ? m_target().config : KafkaConfig();
            m_replayer->start(std::move(*messages), config);
        });
}

void RunsRecorder::republishWithDialog(const KafkaRecord& record)
{
    const QString topic = m_target ? m_target().topic : QString();
    if (isBusy() || topic.isEmpty() || !confirmPublish(1, topic))
        return;
    republishTo(record, topic.toStdString());
}

void RunsRecorder::republishTo(const KafkaRecord& record, const std::string& topic)
{
    const KafkaConfig config = m_target ? m_target().config : KafkaConfig();
    KafkaRecord again = record;
    again.topic = topic;
    m_replayer->start({std::move(again)}, config);
}

} // namespace porthole
