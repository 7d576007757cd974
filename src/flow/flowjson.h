// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jsonvalue.h"

#include <QJsonObject>
#include <QJsonValue>

namespace porthole::FlowJson {

/// core's JsonValue as Qt's (the local API's store speaks QJson); key order is Qt's.
QJsonValue toQt(const JsonValue& value);
/// Qt's JSON as core's JsonValue (what jq and the renderer take).
JsonValue fromQt(const QJsonValue& value);

} // namespace porthole::FlowJson
