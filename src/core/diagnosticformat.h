// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagnostic.h"
#include "jsonvalue.h"

#include <string>

namespace porthole::DiagnosticFormat {

/// "FILE:LINE:COL: severity: MESSAGE", one line per diagnostic (as compilers print them).
std::string text(const std::string& file, const Diagnostics& diagnostics);

/// The JSON array of cli-contract.md: {file,line,column,endLine,endColumn,severity,code,
/// message,fix?}.
JsonValue json(const std::string& file, const Diagnostics& diagnostics);

} // namespace porthole::DiagnosticFormat
