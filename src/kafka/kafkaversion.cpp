// SPDX-License-Identifier: GPL-3.0-or-later
#include "kafkaversion.h"

#include <librdkafka/rdkafka.h>

namespace porthole {

std::string librdkafkaVersion()
{
    return rd_kafka_version_str();
}

} // namespace porthole
