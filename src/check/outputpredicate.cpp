// SPDX-License-Identifier: GPL-3.0-or-later
#include "outputpredicate.h"

#include "core/jsonparser.h"
#include "template/jqengine.h"
#include "template/jqfilter.h"

#include <QJsonDocument>

#include <mutex>

namespace porthole {
namespace {

JqOutcome evaluate(const QString& filter, const JsonValue& input)
{
    JqEngine& engine = JqEngine::shared();
    const std::lock_guard lock(engine.mutex());
    return engine.evaluate({JqFilter::body(filter.toStdU16String())}, input, JqLimits{}).front();
}

} // namespace

OutputPredicate::OutputPredicate(QString filter) : m_filter(std::move(filter)) {}

QString OutputPredicate::compileError() const
{
    if (m_filter.isEmpty())
        return {};
    const JqOutcome o = evaluate(m_filter, JsonValue::object());
    return o.kind == JqOutcome::Kind::Error && o.compileError ? QString::fromStdString(o.error)
                                                              : QString();
}

bool OutputPredicate::test(const QJsonObject& output, QString* why) const
{
    if (m_filter.isEmpty())
        return true;
    const QByteArray text = QJsonDocument(output).toJson(QJsonDocument::Compact);
    const JsonDocument doc = JsonParser::parse(std::string_view(text.constData(), text.size()));
    const JqOutcome o = evaluate(m_filter, doc.ok() ? doc.root->toValue() : JsonValue::object());
    const QString shown =
        QString::fromUtf8(text.left(200)) + (text.size() > 200 ? QStringLiteral("…") : QString());
    switch (o.kind) {
    case JqOutcome::Kind::Error:
        *why = QStringLiteral("--expect-output '%1' failed on the output %2: %3")
                   .arg(m_filter, shown, QString::fromStdString(o.error));
        return false;
    case JqOutcome::Kind::Undefined:
        *why = QStringLiteral("--expect-output '%1' gave no result for the output %2")
                   .arg(m_filter, shown);
        return false;
    case JqOutcome::Kind::Value:
        break;
    }
    if (o.value.isNull() || (o.value.isBool() && !o.value.toBool())) {
        *why = QStringLiteral("the output %1 does not pass --expect-output '%2' (gave %3)")
                   .arg(shown, m_filter,
                        o.value.isNull() ? QStringLiteral("null") : QStringLiteral("false"));
        return false;
    }
    return true;
}

} // namespace porthole
