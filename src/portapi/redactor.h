// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace porthole {

// Removes secrets from what Porthole records or shows: JSON members whose name marks a secret
// (clientSecret, accessToken, password, …) and any literal secret it was told about (the
// current token and client secret), wherever they appear. Tokens and secrets must never reach a
// history file, a log line or the screen.
class Redactor
{
public:
    /// What replaces a secret.
    static QByteArray placeholder() { return QByteArrayLiteral("<redacted>"); }
    /// JSON member names whose values are always secret.
    static const QStringList& secretKeys();

    /// Also scrubs this literal value wherever it appears (ignored when shorter than 4 bytes).
    void addSecret(const QByteArray& secret);
    /// A body with secret JSON members and known secrets replaced by the placeholder.
    QByteArray redactBody(const QByteArray& body) const;
    /// A header value with the credentials removed ("Bearer <redacted>" for Authorization).
    QByteArray redactHeader(const QByteArray& name, const QByteArray& value) const;
    /// Any text with the known secrets replaced.
    QByteArray scrub(QByteArray text) const;

private:
    QList<QByteArray> m_secrets;
};

} // namespace porthole
