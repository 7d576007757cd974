#include "jqversion.h"

namespace porthole {

std::string jqVersion()
{
    return PORTHOLE_JQ_VERSION;
}

} // namespace porthole
