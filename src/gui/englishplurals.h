// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTranslator>

namespace porthole {

/// Correct English plurals without a translation file: for a numerus string ("%n message(s)"
/// with n given) it answers "1 message" / "2 messages". Other languages would ship a .qm with
/// real numerus forms; until then this keeps the English text honest.
class EnglishPlurals : public QTranslator
{
    Q_OBJECT
public:
    using QTranslator::QTranslator;
    QString translate(const char* context, const char* sourceText,
                      const char* disambiguation = nullptr, int n = -1) const override;
    bool isEmpty() const override { return false; }
    /// Installs one instance on the application (idempotent).
    static void install();
};

} // namespace porthole
