// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "portexchange.h"

#include <QList>
#include <QString>

namespace porthole {

// The persistent request history: one redacted PortExchange per line (JSON Lines), bounded to
// the newest `maxEntries`, each body cut at kMaxBodyChars. Tokens and secrets never get here
// because exchanges are redacted when recorded; append() scrubs once more as a second line of
// defence against a secret-named member.
class RequestHistory
{
public:
    static constexpr qsizetype kMaxBodyChars = 64 * 1024;

    /// A history kept in `path` (created on the first append), at most `maxEntries` lines.
    explicit RequestHistory(QString path, int maxEntries = 500);
    /// AppDataLocation/port-requests.jsonl of the running application.
    static QString defaultPath();

    /// Appends one exchange, trimming the oldest lines past the bound; false + error on I/O.
    bool append(const PortExchange& exchange, QString* error = nullptr);
    /// Reads all entries, oldest first (unreadable lines are skipped).
    QList<PortExchange> load() const;
    /// Deletes the file.
    bool clear();
    /// The file path.
    QString path() const { return m_path; }

private:
    QString m_path;
    int m_maxEntries;
    qsizetype m_lines = -1; // counted lazily on the first append
};

} // namespace porthole
