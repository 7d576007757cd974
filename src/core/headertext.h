// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace porthole {

// Kafka record headers typed as text, `NAME=VALUE`: `publish --header` and the Publish tab's
// Headers box (one per line) read them with this one rule. The name is what comes before the
// first '=', without surrounding whitespace, and may not be empty; the value is everything
// after that '=', kept exactly (a value may start or end with spaces, or hold '=').
namespace HeaderText {

using Header = std::pair<std::string, std::string>;

/// One `NAME=VALUE`; nullopt with `error` ("'x' is not NAME=VALUE", "'=v' has no name before
/// '='") otherwise.
std::optional<Header> parse(QStringView text, QString* error);

/// One header per line, blank lines skipped; nullopt with `error` naming the first bad line
/// ("line 2: 'x' is not NAME=VALUE").
std::optional<std::vector<Header>> parseLines(QStringView text, QString* error);

} // namespace HeaderText
} // namespace porthole
