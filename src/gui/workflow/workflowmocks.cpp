// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflowmocks.h"

#include "core/jsonparser.h"
#include "core/jswriter.h"
#include "core/setting.h"

#include <QFileInfo>
#include <QVariantMap>

namespace porthole::WorkflowMocks {

namespace {

// workflow file (absolute) → { node id → the mock's JSON text }.
const Setting<QVariantMap> mocksSetting{"workflow/mocks", {}};
// workflow file (absolute) → { CONDITION/INPUT id → outlet id or "fallback" }.
const Setting<QVariantMap> forksSetting{"workflow/forks", {}};

QString key(const QString& path)
{
    return path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
}

} // namespace

std::map<std::string, JsonValue> load(const QString& path)
{
    std::map<std::string, JsonValue> out;
    if (key(path).isEmpty())
        return out;
    const QVariantMap nodes = mocksSetting.value().value(key(path)).toMap();
    for (auto it = nodes.cbegin(); it != nodes.cend(); ++it) {
        const std::string text = it.value().toString().toStdString();
        const JsonDocument doc = JsonParser::parse(text);
        if (doc.ok()) // a hand-edited setting that no longer parses is dropped
            out[it.key().toStdString()] = doc.root->toValue();
    }
    return out;
}

void save(const QString& path, const std::map<std::string, JsonValue>& mocks)
{
    if (key(path).isEmpty())
        return;
    QVariantMap all = mocksSetting.value();
    QVariantMap nodes;
    for (const auto& [id, value] : mocks)
        nodes.insert(QString::fromStdString(id),
                     QString::fromStdString(JsWriter::stringify(value, 0)));
    if (nodes.isEmpty())
        all.remove(key(path));
    else
        all.insert(key(path), nodes);
    mocksSetting.setValue(all);
}

std::map<std::string, std::string> loadForks(const QString& path)
{
    std::map<std::string, std::string> out;
    if (key(path).isEmpty())
        return out;
    const QVariantMap nodes = forksSetting.value().value(key(path)).toMap();
    for (auto it = nodes.cbegin(); it != nodes.cend(); ++it)
        if (!it.value().toString().isEmpty())
            out[it.key().toStdString()] = it.value().toString().toStdString();
    return out;
}

void saveForks(const QString& path, const std::map<std::string, std::string>& forks)
{
    if (key(path).isEmpty())
        return;
    QVariantMap all = forksSetting.value();
    QVariantMap nodes;
    for (const auto& [id, outlet] : forks)
        nodes.insert(QString::fromStdString(id), QString::fromStdString(outlet));
    if (nodes.isEmpty())
        all.remove(key(path));
    else
        all.insert(key(path), nodes);
    forksSetting.setValue(all);
}

} // namespace porthole::WorkflowMocks
