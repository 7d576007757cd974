// SPDX-License-Identifier: GPL-3.0-or-later
#include "jqversion.h"

namespace porthole {

std::string jqVersion()
{
    return PORTHOLE_JQ_VERSION;
}

} // namespace porthole
