// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include "template/templaterenderer.h"

#include <optional>
#include <variant>

namespace porthole::cli {

/// What `porthole-cli template` was asked to do (files named, not read yet).
struct TemplateArgs
{
    QString templateFile;
    std::optional<QString> contextFile;
    TemplateSettings settings; ///< strict, spreadValue, timeout, isolation
};

/// Parses template's arguments (args[0] is "template"). An int is the exit code after --help
/// or a usage error, already printed as the command always has.
std::variant<int, TemplateArgs> parseTemplateArgs(const QStringList& args);

} // namespace porthole::cli
