// SPDX-License-Identifier: GPL-3.0-or-later
// Runs porthole-cli check-consumer and reads its output, for the check's tests.
#pragma once

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace checktest {

inline const QString kCli = QStringLiteral(PORTHOLE_CLI);
inline const QString kPython = QStringLiteral("/usr/bin/python3");
inline const QString kHere = QStringLiteral(PORTHOLE_CHECK_TEST_DIR);
inline const QString kNode =
    QStringLiteral(PORTHOLE_SOURCE_DIR "/resources/examples/nodes/basic-publish-event.json");
inline const QString kContext =
    QStringLiteral(PORTHOLE_SOURCE_DIR "/resources/examples/contexts/workflow.json");

struct Result
{
    int exitCode = -1;
    QString out, err;
    qint64 ms = 0;
};

inline Result check(QStringList options, const QStringList& command)
{
    QProcess p;
    QElapsedTimer clock;
    clock.start();
    p.start(kCli, QStringList{QStringLiteral("check-consumer"), kNode} + options +
                      QStringList{QStringLiteral("--")} + command);
    if (!p.waitForFinished(120000))
        p.kill();
    Result r{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
             QString::fromUtf8(p.readAllStandardError()), clock.elapsed()};
    qInfo().noquote() << "check-consumer took" << r.ms << "ms, exit" << r.exitCode << "\n"
                      << r.out << r.err;
    return r;
}

inline QStringList runLines(const Result& r)
{
    return r.out.split(QLatin1Char('\n')).filter(QRegularExpression(QStringLiteral("^run \\d+/")));
}

inline QString summary(const Result& r)
{
    const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
    return lines.isEmpty() ? QString() : lines.last();
}

/// validate_junit.py's verdict on `file`: empty when it has the counts given, else why not.
inline QByteArray junitProblems(const QString& file, int tests, int failures, int errors,
                                int suites = 1)
{
    QProcess v;
    v.start(kPython, {kHere + QStringLiteral("/validate_junit.py"), file, QString::number(tests),
                      QString::number(failures), QString::number(errors), QString::number(suites)});
    if (!v.waitForFinished(10000))
        return "validate_junit.py did not finish";
    return v.exitCode() == 0 ? QByteArray() : v.readAll() + "(exit code not 0)";
}

} // namespace checktest
