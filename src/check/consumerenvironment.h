// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QString>

namespace porthole {

/// Where the consumer under check connects: the private sandbox's broker, topic, group and API.
struct ConsumerConnection
{
    QString bootstrap, topic, group, org, apiUrl, clientId, clientSecret;
};

/// The consumer's environment: the caller's, without real credentials (PORT_TOKEN,
/// KAFKA_USERNAME, KAFKA_PASSWORD), plus the connection under the names the issue gives and
/// those Port's execution agent reads, and PYTHONUNBUFFERED=1 unless set.
QProcessEnvironment consumerEnvironment(const ConsumerConnection& c);

/// A fresh client secret or group suffix for one check: `length` lowercase letters and digits.
QString checkToken(int length);

} // namespace porthole
