// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordingexport.h"

#include "jqcolumns.h"
#include "jqexportcells.h"

#include "core/messagedecoder.h"
#include "models/runstablemodel.h"
#include "viewwalker.h"

#include <QSaveFile>
#include <QStringList>

#include <memory>

namespace porthole {
namespace {

QString fullValue(const RunsTableModel* model, int row)
{
    const MessageStore& store = model->store();
    const MessageStore::Entry& e = store.entry(size_t(row));
    if (e.valueLen == MessageStore::kNull)
        return {};
    const std::string_view v = store.value(e);
    if (MessageDecoder::isUtf8(v))
        return QString::fromUtf8(v.data(), qsizetype(v.size()));
    return QStringLiteral("base64:") +
           QString::fromLatin1(QByteArray(v.data(), qsizetype(v.size())).toBase64());
}

} // namespace

QString RecordingExport::csvField(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

void RecordingExport::start(const RunsTableModel* model, const QAbstractItemModel* view,
                            const QString& path, Format format, const std::vector<int>& columns,
                            QWidget* parent, DoneHandler done, JqColumns* jq)
{
    auto file = std::make_shared<QSaveFile>(path);
    if (!file->open(QIODevice::WriteOnly)) {
        done(false, 0, file->errorString());
        return;
    }
    auto buffer = std::make_shared<std::string>();
    auto* walker = new ViewWalker(model, view, parent);
    // jq columns (CSV): filled per block of rows, the walk waiting while the worker computes.
    std::shared_ptr<JqExportCells> jqCells;
    if (format == Format::Csv) {
        QStringList names;
        std::vector<JqExportCells::Column> jqColumns;
        for (size_t i = 0; i < columns.size(); ++i) {
            const int c = columns[i];
            names << csvField(model->headerData(c, Qt::Horizontal).toString());
            if (c >= RunsTableModel::ColumnCount && jq &&
                c - RunsTableModel::ColumnCount < jq->expressions().size())
                jqColumns.push_back({int(i), jq->expressions()[c - RunsTableModel::ColumnCount]});
        }
        *buffer += names.join(QLatin1Char(',')).toStdString() + "\r\n";
        if (!jqColumns.empty())
            jqCells = std::make_shared<JqExportCells>(jq, model, std::move(jqColumns));
    }
    const auto flush = [file, buffer] {
        const bool ok =
            file->write(buffer->data(), qint64(buffer->size())) == qint64(buffer->size());
        buffer->clear();
        return ok;
    };
    const auto writeRow = [buffer](const QStringList& cells) {
        QStringList fields;
        fields.reserve(cells.size());
        for (const QString& cell : cells)
            fields << csvField(cell);
        *buffer += fields.join(QLatin1Char(',')).toStdString() + "\r\n";
    };
    // Writes a completed block and lets the walk go on (the block may complete at once).
    const auto completeBlock = [walker, jqCells, writeRow] {
        walker->hold();
        jqCells->complete([walker, writeRow](std::vector<QStringList> rows) {
            for (const QStringList& row : rows)
                writeRow(row);
            walker->release();
        });
    };
    if (jqCells)
        walker->setOnEnd([jqCells, completeBlock] {
            if (!jqCells->empty())
                completeBlock();
        });
    walker->start(
        format == Format::Csv ? QObject::tr("Exporting CSV…") : QObject::tr("Recording…"),
        [=](int row) {
            if (format == Format::JsonLines) {
                *buffer += MessageDecoder::toJsonLine(model->record(row));
                *buffer += '\n';
            } else {
                QStringList cells;
                for (int c : columns)
                    cells << (c == RunsTableModel::Value ? fullValue(model, row)
                              : c >= RunsTableModel::ColumnCount
                                  ? QString() // a jq column: filled by jqCells
                                  // Time as ISO-8601 UTC with ms, whatever the view shows
                                  : model->data(model->index(row, c), RunsTableModel::ExportRole)
                                        .toString());
                if (!jqCells)
                    writeRow(cells);
                else if (jqCells->add(row, std::move(cells)))
                    completeBlock();
            }
            return buffer->size() < (1 << 20) || flush();
        },
        [=](bool completed, qint64 rows) {
            if (!completed || !flush()) {
                const QString error = completed ? file->errorString() : QString();
                file->cancelWriting();
                done(false, rows, error);
                return;
            }
            if (!file->commit()) {
                done(false, rows, file->errorString());
                return;
            }
            done(true, rows, {});
        });
}

} // namespace porthole
