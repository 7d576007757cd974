// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checkrun.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace porthole {

/// Writes a consumer check as JUnit XML, the format CI systems (GitLab, Jenkins, GitHub
/// reporters) show natively: one <testsuite> "check-consumer", one <testcase> per run (one suite
/// per fault under --faults), a <failure> with the reasons for a failed run, an <error> for a
/// missing one, the run's recorded calls in its <system-out> and the consumer's last output lines
/// in the suite's.
namespace JunitReport {

struct Suite
{
    QString name = QStringLiteral("check-consumer");
    QString nodeName;           ///< the testcases' classname
    double seconds = 0;         ///< the whole check
    QStringList consumerOutput; ///< its last lines
    QStringList notes;          ///< check-wide problems (the command, the group, unknown runs)
};

/// A suite with its runs (check-consumer --faults writes one per fault).
struct SuiteRuns
{
    Suite suite;
    std::vector<CheckRun> runs;
};

/// The XML text.
QByteArray toXml(const Suite& suite, const std::vector<CheckRun>& runs);
/// The XML text of several suites in one <testsuites>.
QByteArray toXml(const QList<SuiteRuns>& suites);
/// Writes it to `path`; false + why.
bool write(const QString& path, const Suite& suite, const std::vector<CheckRun>& runs,
           QString* error);
bool write(const QString& path, const QList<SuiteRuns>& suites, QString* error);

} // namespace JunitReport
} // namespace porthole
