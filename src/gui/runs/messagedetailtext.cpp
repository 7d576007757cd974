#include "messagedetailtext.h"

#include "core/jsonparser.h"
#include "core/jswriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace porthole {

namespace {
// The most of one value the detail view shows (pretty-printing only below it).
constexpr size_t kDetailBytes = 1024 * 1024;
// Qt lays a text block out whole: one line of a megabyte stalls the window for minutes
// (measured), so longer lines are broken for display.
constexpr qsizetype kDisplayLine = 2000;

QString tr(const char* text)
{
    return QCoreApplication::translate("RunsPane", text);
}

// `text` with every line longer than kDisplayLine broken into pieces; counts the breaks.
QString brokenForDisplay(const QString& text, int* breaks)
{
    QString out;
    out.reserve(text.size() + text.size() / kDisplayLine + 1);
    qsizetype run = 0;
    for (const QChar c : text) {
        if (c == QLatin1Char('\n')) {
            run = 0;
        } else if (++run > kDisplayLine && !c.isLowSurrogate()) {
            out += QLatin1Char('\n');
            ++*breaks;
            run = 1;
        }
        out += c;
    }
    return out;
}
} // namespace

QString messageDetailText(const KafkaRecord& r, const MessageInfo& info, const QString& why)
{
    QString text =
        QStringLiteral("%1 · partition %2 · offset %3 · %4\n")
            .arg(QString::fromStdString(r.topic))
            .arg(r.partition)
            .arg(r.offset)
            .arg(QDateTime::fromMSecsSinceEpoch(r.timestamp).toString(Qt::ISODateWithMs));
    for (const auto& [name, value] : r.headers)
        text += QStringLiteral("header %1: %2\n")
                    .arg(QString::fromStdString(name),
                         value ? QString::fromUtf8(value->data(), qsizetype(value->size()))
                               : QStringLiteral("(null)"));
    if (!why.isEmpty())
        text += tr("signature: %1\n").arg(why);
    text += QLatin1Char('\n');
    if (!r.value) {
        text += tr("(null value)");
    } else if (r.value->size() > kDetailBytes && info.format != ValueFormat::Binary) {
        // A plain-text view of 100 MB would freeze the window: show the start, save the rest.
        text += QString::fromUtf8(r.value->data(), qsizetype(kDetailBytes));
        const QLocale locale;
        text += tr("\n\n… the rest is not shown: this value has %1 bytes (%2), the view shows the "
                   "first %3. Save value… writes all of it to a file.")
                    .arg(locale.toString(qulonglong(r.value->size())),
                         locale.formattedDataSize(qint64(r.value->size())),
                         locale.formattedDataSize(qint64(kDetailBytes)));
    } else if (info.format == ValueFormat::Json) {
        // Pretty JSON in JavaScript's key order, decoded only now, for the one row shown.
        const JsonDocument doc = JsonParser::parse(*r.value);
        text += doc.ok() ? QString::fromStdString(JsWriter::stringify(doc.root->toValue(), 2))
                         : QString::fromUtf8(r.value->data(), qsizetype(r.value->size()));
    } else if (info.format == ValueFormat::Binary) {
        const QByteArray bytes(r.value->data(), qsizetype(std::min<size_t>(r.value->size(), 4096)));
        text += tr("%1 bytes of binary data; the first %2 as hex:\n")
                    .arg(r.value->size())
                    .arg(bytes.size()) +
                QString::fromLatin1(bytes.toHex(' '));
    } else {
        text += QString::fromUtf8(r.value->data(), qsizetype(r.value->size()));
    }
    int breaks = 0;
    text = brokenForDisplay(text, &breaks);
    if (breaks > 0)
        text += tr("\n\n(Lines longer than %1 characters are broken for display; Save value… "
                   "keeps the bytes as they are.)")
                    .arg(kDisplayLine);
    return text;
}

} // namespace porthole
