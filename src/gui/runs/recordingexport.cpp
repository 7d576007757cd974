#include "recordingexport.h"

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
                            QWidget* parent, DoneHandler done)
{
    auto file = std::make_shared<QSaveFile>(path);
    if (!file->open(QIODevice::WriteOnly)) {
        done(false, 0, file->errorString());
        return;
    }
    auto buffer = std::make_shared<std::string>();
    if (format == Format::Csv) {
        QStringList names;
        for (int c : columns)
            names << csvField(model->headerData(c, Qt::Horizontal).toString());
        *buffer += names.join(QLatin1Char(',')).toStdString() + "\r\n";
    }
    const auto flush = [file, buffer] {
        const bool ok =
            file->write(buffer->data(), qint64(buffer->size())) == qint64(buffer->size());
        buffer->clear();
        return ok;
    };
    auto* walker = new ViewWalker(model, view, parent);
    walker->start(
        format == Format::Csv ? QObject::tr("Exporting CSV…") : QObject::tr("Recording…"),
        [=](int row) {
            if (format == Format::JsonLines) {
                *buffer += MessageDecoder::toJsonLine(model->record(row));
                *buffer += '\n';
            } else {
                QStringList cells;
                for (int c : columns)
                    cells << csvField(c == RunsTableModel::Value
                                          ? fullValue(model, row)
                                          : model->data(model->index(row, c)).toString());
                *buffer += cells.join(QLatin1Char(',')).toStdString() + "\r\n";
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
