// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace porthole {

/// The libjq version Porthole was built against ("1.6"). libjq 1.6 has no call that reports
/// its version at run time, so this is the development package's version, read at configure
/// time; the Debian package's dependency keeps the run-time library compatible with it.
std::string jqVersion();

} // namespace porthole
