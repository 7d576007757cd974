// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "check/diagnosis.h"

#include <QString>

namespace porthole::DiagnosisWords {

/// The evidence of `d` in sentences, as HTML with links "row:RUN", "group:GROUP" and
/// "timeline:RUN" for the dialog's jumps (everything from Kafka or Port escaped). `nowMs`
/// dates the ages.
QString evidenceHtml(const Diagnosis& d, qint64 nowMs);

/// The verdict as a heading: "Not consumed".
QString verdictTitle(const QString& verdict);

} // namespace porthole::DiagnosisWords
