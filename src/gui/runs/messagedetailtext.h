#pragma once

#include "core/messagedecoder.h"

#include <QString>

namespace porthole {

/// The detail view's text for one message: where it came from, its headers and its value
/// (pretty JSON, text, or hex for binary); at most 1 MiB of a value, long lines broken so Qt's
/// layout never stalls the window.
/// `signatureWhy` (if any) is shown after the headers.
QString messageDetailText(const KafkaRecord& record, const MessageInfo& info,
                          const QString& signatureWhy = {});

} // namespace porthole
