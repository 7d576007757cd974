// SPDX-License-Identifier: GPL-3.0-or-later
#include "portvalidator.h"

#include "core/runid.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QStringList>

namespace porthole::PortValidator {
namespace {

bool matches(const QRegularExpression& re, QStringView id)
{
    return re.match(id).hasMatch();
}

// Port's API takes its own ids only: the exact 16-character form.
bool isPortRunId(QStringView id, RunId::Kind kind)
{
    const QByteArray utf8 = id.toUtf8();
    return RunId::isPortForm(std::string_view(utf8.constData(), size_t(utf8.size())), kind);
}

// Checks that every key of `body` is in `allowed`; Port's schema refuses extra properties.
QString unknownField(const QJsonObject& body, const QStringList& allowed)
{
    for (auto it = body.begin(); it != body.end(); ++it)
        if (!allowed.contains(it.key()))
            return QStringLiteral("unknown field '%1' (allowed: %2)")
                .arg(it.key(), allowed.join(QStringLiteral(", ")));
    return {};
}

QString enumValue(const QJsonObject& body, const QString& key, const QStringList& allowed,
                  const QString& hintValue = {}, const QString& hint = {})
{
    const QJsonValue v = body.value(key);
    if (v.isUndefined())
        return {};
    if (!v.isString())
        return QStringLiteral("%1 must be a string, one of %2")
            .arg(key, allowed.join(QStringLiteral("|")));
    if (allowed.contains(v.toString()))
        return {};
    QString msg = QStringLiteral("%1 '%2' is not one of %3")
                      .arg(key, v.toString(), allowed.join(QStringLiteral("|")));
    if (!hintValue.isEmpty() && v.toString() == hintValue)
        msg += QStringLiteral(" (") + hint + QLatin1Char(')');
    return msg;
}

QString stringField(const QJsonObject& body, const QString& key, bool required)
{
    const QJsonValue v = body.value(key);
    if (v.isUndefined())
        return required ? QStringLiteral("%1 is required").arg(key) : QString();
    return v.isString() ? QString() : QStringLiteral("%1 must be a string").arg(key);
}

} // namespace

bool isNodeRunId(QStringView id)
{
    return isPortRunId(id, RunId::Kind::NodeRun);
}

bool isWorkflowRunId(QStringView id)
{
    return isPortRunId(id, RunId::Kind::WorkflowRun);
}

bool isActionRunId(QStringView id)
{
    return isPortRunId(id, RunId::Kind::ActionRun);
}

bool isPathSafeId(QStringView id)
{
    // \z, not $: $ also matches before a final newline ("r_x\n" is no path segment).
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]{1,200}\\z"));
    return matches(re, id);
}

const QStringList& logLevels()
{
    static const QStringList levels = {QStringLiteral("DEBUG"), QStringLiteral("INFO"),
                                       QStringLiteral("WARN"), QStringLiteral("ERROR")};
    return levels;
}

QString logLevel(const QString& level)
{
    if (logLevels().contains(level))
        return {};
    return QStringLiteral("log level '%1' is not one of %2")
        .arg(level, logLevels().join(QStringLiteral("|")));
}

QString nodeRunUpdate(const QJsonObject& body)
{
    if (QString e = unknownField(body, {QStringLiteral("status"), QStringLiteral("result"),
                                        QStringLiteral("output"), QStringLiteral("logs")});
        !e.isEmpty())
        return e;
    if (body.isEmpty())
        return QStringLiteral("nothing to update: give status, result, output or logs");
    if (QString e = enumValue(body, QStringLiteral("status"),
                              {QStringLiteral("IN_PROGRESS"), QStringLiteral("COMPLETED")});
        !e.isEmpty())
        return e;
    if (QString e = enumValue(
            body, QStringLiteral("result"),
            {QStringLiteral("SUCCESS"), QStringLiteral("FAILED"), QStringLiteral("CANCELLED")},
            QStringLiteral("FAILURE"),
            QStringLiteral("FAILURE is for classic action runs; workflow nodes use FAILED"));
        !e.isEmpty())
        return e;
    const QString status = body.value(QStringLiteral("status")).toString();
    const bool hasResult = body.contains(QStringLiteral("result"));
    if (status == QStringLiteral("COMPLETED") && !hasResult)
        return QStringLiteral("result is required when status is COMPLETED "
                              "(SUCCESS|FAILED|CANCELLED)");
    if (status == QStringLiteral("IN_PROGRESS") && hasResult)
        return QStringLiteral("result is only allowed with status COMPLETED");
    const QJsonValue output = body.value(QStringLiteral("output"));
    if (!output.isUndefined() && !output.isObject())
        return QStringLiteral("output must be an object");
    const QJsonValue logs = body.value(QStringLiteral("logs"));
    if (logs.isUndefined())
        return {};
    if (!logs.isArray())
        return QStringLiteral("logs must be an array of {logLevel, log, tags?}");
    int i = 0;
    for (const QJsonValue& entry : logs.toArray()) {
        const QString where = QStringLiteral("logs[%1]").arg(i++);
        if (!entry.isObject())
            return where + QStringLiteral(" must be an object {logLevel, log, tags?}");
        const QJsonObject o = entry.toObject();
        // Port's docs write the text as "log"; Ocean, Port's own client, sends
        // {"logLevel","message","tags":[]} (actions_and_workflow_runs.py): both are taken.
        if (QString e = unknownField(o, {QStringLiteral("logLevel"), QStringLiteral("log"),
                                         QStringLiteral("message"), QStringLiteral("tags")});
            !e.isEmpty())
            return where + QStringLiteral(": ") + e;
        const QString text = o.contains(QStringLiteral("message")) ? QStringLiteral("message")
                                                                   : QStringLiteral("log");
        if (o.contains(QStringLiteral("message")) && o.contains(QStringLiteral("log")))
            return where + QStringLiteral(" has both log and message: give one");
        if (QString e = stringField(o, text, true); !e.isEmpty())
            return where + QStringLiteral(".") + e;
        if (QString e = enumValue(o, QStringLiteral("logLevel"), logLevels()); !e.isEmpty())
            return where + QStringLiteral(".") + e;
        // Docs: an object of tags; Ocean sends an empty array.
        const QJsonValue tags = o.value(QStringLiteral("tags"));
        if (!tags.isUndefined() && !tags.isObject() && !tags.isArray())
            return where + QStringLiteral(".tags must be an object (or Ocean's array)");
    }
    return {};
}

QString nodeRunLogs(const QJsonObject& body)
{
    if (QString e = unknownField(body, {QStringLiteral("logs")}); !e.isEmpty())
        return e;
    const QJsonValue logs = body.value(QStringLiteral("logs"));
    if (!logs.isArray() || logs.toArray().isEmpty())
        return QStringLiteral("logs must be a non-empty array of {level, message}");
    int i = 0;
    for (const QJsonValue& entry : logs.toArray()) {
        const QString where = QStringLiteral("logs[%1]").arg(i++);
        if (!entry.isObject())
            return where + QStringLiteral(" must be an object {level, message}");
        const QJsonObject o = entry.toObject();
        if (QString e = unknownField(o, {QStringLiteral("level"), QStringLiteral("message")});
            !e.isEmpty())
            return where + QStringLiteral(": ") + e +
                   QStringLiteral(" (this endpoint uses level/message, not logLevel/log)");
        if (QString e = stringField(o, QStringLiteral("message"), true); !e.isEmpty())
            return where + QStringLiteral(".") + e;
        if (!o.contains(QStringLiteral("level")))
            return where + QStringLiteral(".level is required");
        if (QString e = enumValue(o, QStringLiteral("level"), logLevels()); !e.isEmpty())
            return where + QStringLiteral(".") + e;
    }
    return {};
}

QString actionRunUpdate(const QJsonObject& body)
{
    if (QString e = unknownField(body, {QStringLiteral("status"), QStringLiteral("statusLabel"),
                                        QStringLiteral("link"), QStringLiteral("summary"),
                                        QStringLiteral("externalRunId")});
        !e.isEmpty())
        return e;
    if (body.isEmpty())
        return QStringLiteral("nothing to update: give status, statusLabel, link, summary or "
                              "externalRunId");
    if (QString e = enumValue(
            body, QStringLiteral("status"), {QStringLiteral("SUCCESS"), QStringLiteral("FAILURE")},
            QStringLiteral("FAILED"),
            QStringLiteral("FAILED is for workflow nodes; classic action runs use FAILURE"));
        !e.isEmpty())
        return e;
    for (const char* key : {"statusLabel", "summary", "externalRunId"})
        if (QString e = stringField(body, QLatin1String(key), false); !e.isEmpty())
            return e;
    const QJsonValue link = body.value(QStringLiteral("link"));
    if (link.isUndefined() || link.isString())
        return {};
    if (link.isArray()) {
        for (const QJsonValue& v : link.toArray())
            if (!v.isString())
                return QStringLiteral("link must be a string or an array of strings");
        return {};
    }
    return QStringLiteral("link must be a string or an array of strings");
}

QString actionRunLogs(const QJsonObject& body)
{
    if (QString e =
            unknownField(body, {QStringLiteral("message"), QStringLiteral("terminationStatus"),
                                QStringLiteral("statusLabel")});
        !e.isEmpty())
        return e;
    if (QString e = stringField(body, QStringLiteral("message"), true); !e.isEmpty())
        return e;
    if (QString e = stringField(body, QStringLiteral("statusLabel"), false); !e.isEmpty())
        return e;
    return enumValue(
        body, QStringLiteral("terminationStatus"),
        {QStringLiteral("SUCCESS"), QStringLiteral("FAILURE")}, QStringLiteral("FAILED"),
        QStringLiteral("FAILED is for workflow nodes; classic action runs use FAILURE"));
}

} // namespace porthole::PortValidator
