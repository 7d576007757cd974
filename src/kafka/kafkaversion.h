// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace porthole {

/// The version of the librdkafka loaded at run time ("2.0.2"), for the About dialog.
std::string librdkafkaVersion();

} // namespace porthole
