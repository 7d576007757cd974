// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-cli check-consumer NODE.json [--context CTX.json]... [--count N] [--timeout-s S]
// porthole-cli check-consumer --workflow FILE.json [--inputs INPUTS.json] [--sign] -- COMMAND
//     [--expect-result SUCCESS|FAILED|CANCELLED] [--expect-output JQ] [--sign] [--junit FILE.xml]
//     [--org ORG] [--faults LIST] -- COMMAND [ARGS...]
#include "checkconsumerargs.h"
#include "command.h"

#include "check/checkfault.h"
#include "check/checklatency.h"
#include "check/consumercheck.h"
#include "check/faultrounds.h"
#include "check/junitreport.h"
#include "check/workflowcheck.h"
#include "core/jswriter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace porthole::cli {
namespace {

void err(const QString& line)
{
    const QByteArray bytes =
        (QStringLiteral("check-consumer: ") + line + QLatin1Char('\n')).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

void printTail(const QStringList& tail)
{
    err(tail.isEmpty() ? QStringLiteral("the consumer printed nothing")
                       : QStringLiteral("the consumer's last %1 line(s):").arg(tail.size()));
    for (const QString& line : tail)
        err(QStringLiteral("| ") + line);
}

// --faults: one round per fault; each round's run lines and its verdict line, then the summary
// of every run.
int runFaultRounds(const CheckConsumerArgs& a, const CheckOptions& options)
{
    FaultRounds rounds(options, a.faults);
    QObject::connect(&rounds, &FaultRounds::logged, &err);
    int exit = 0;
    QObject::connect(&rounds, &FaultRounds::finished, [&exit](int code) {
        exit = code;
        QCoreApplication::exit(0);
    });
    rounds.start();
    QCoreApplication::exec();

    std::string out;
    QList<JunitReport::SuiteRuns> suites;
    for (const FaultRounds::Round& round : rounds.rounds()) {
        const int total = int(round.runs.size());
        for (const CheckRun& run : round.runs)
            out += run.line(total).toStdString() + "\n";
        out += FaultRounds::line(round).toStdString() + "\n";
        if (round.exitCode != ConsumerCheck::Passed && round.consumerRan) {
            err(QStringLiteral("fault %1:").arg(round.fault));
            printTail(
                round.consumerOutput.mid(std::max<qsizetype>(0, round.consumerOutput.size() - 20)));
        }
        JunitReport::Suite suite;
        suite.name = QStringLiteral("check-consumer.") + round.fault;
        suite.nodeName = options.nodeName;
        suite.seconds = double(round.elapsedMs) / 1000.0;
        suite.consumerOutput = round.consumerOutput;
        suite.notes = round.notes;
        if (!round.error.isEmpty())
            suite.notes.prepend(round.error);
        suites.append({suite, round.runs});
    }
    out += CheckRun::summary(rounds.allRuns()).toStdString() + "\n";
    writeOut(out);
    std::fflush(stdout);
    QString error;
    if (!a.junitFile.isEmpty() && !JunitReport::write(a.junitFile, suites, &error))
        return fail(a.junitFile, error, InputError);
    return exit;
}

// --workflow: one run of the whole workflow; a line per node, then the run's.
int runWorkflowCheck(const CheckConsumerArgs& a)
{
    WorkflowCheckOptions options;
    QString why;
    const auto text = readFile(a.workflowFile, &why);
    if (!text)
        return fail(a.workflowFile, why, InputError);
    options.workflow = QByteArray::fromStdString(*text);
    options.workflowName = QFileInfo(a.workflowFile).completeBaseName();
    if (!a.inputsFile.isEmpty()) {
        JsonValue inputs;
        if (const int code = loadJson(a.inputsFile, &inputs); code != Ok)
            return code;
        if (!inputs.isObject())
            return fail(a.inputsFile, QStringLiteral("the inputs must be a JSON object"),
                        InputError);
        options.inputs =
            QJsonDocument::fromJson(QByteArray::fromStdString(JsWriter::stringify(inputs)))
                .object();
    }
    options.timeoutS = a.timeoutS;
    options.joinTimeoutS = a.joinTimeoutS;
    options.sign = a.sign;
    options.org = a.org;
    options.program = a.program;
    options.arguments = a.arguments;
    WorkflowCheck check(options);
    QObject::connect(&check, &WorkflowCheck::logged, &err);
    int exit = 0;
    QObject::connect(&check, &WorkflowCheck::finished, [&exit](int code) {
        exit = code;
        QCoreApplication::exit(0);
    });
    check.start();
    QCoreApplication::exec();
    if (!check.error().isEmpty()) {
        if (check.consumerRan())
            printTail(check.consumerLines(20));
        return fail(QStringLiteral("check-consumer"), check.error(), exit);
    }
    writeOut(check.lines().join(QLatin1Char('\n')).toStdString() + "\n");
    std::fflush(stdout);
    if (exit != WorkflowCheck::Passed && check.consumerRan())
        printTail(check.consumerLines(20));
    return exit;
}

int runCheckConsumer(const QStringList& args)
{
    const QString cmd = QStringLiteral("check-consumer");
    auto parsed = parseCheckConsumerArgs(args);
    if (const int* code = std::get_if<int>(&parsed))
        return *code;
    const CheckConsumerArgs& a = std::get<CheckConsumerArgs>(parsed);
    if (!a.workflowFile.isEmpty())
        return runWorkflowCheck(a);
    for (const QString& fault : a.faults)
        if (!CheckFaults::all().contains(fault))
            return fail(cmd,
                        QStringLiteral("--faults: unknown fault '%1' (known: %2)")
                            .arg(fault, CheckFaults::all().join(QStringLiteral(", "))),
                        UsageError);

    CheckOptions options;
    QString why;
    const auto node = readFile(a.nodeFile, &why);
    if (!node)
        return fail(a.nodeFile, why, InputError);
    options.nodeText = *node;
    options.nodeName = QFileInfo(a.nodeFile).completeBaseName();
    for (const QString& file : a.contextFiles) {
        JsonValue context;
        if (const int code = loadJson(file, &context); code != Ok)
            return code;
        if (!context.isObject())
            return fail(file, QStringLiteral("a context must be a JSON object"), InputError);
        options.contexts.push_back(context);
    }
    options.count = a.count;
    options.rate = a.rate;
    options.timeoutS = a.timeoutS;
    options.joinTimeoutS = a.joinTimeoutS;
    options.expectResult = a.expectResult;
    options.expectOutput = a.expectOutput;
    options.sign = a.sign;
    options.org = a.org;
    options.broker = a.broker;
    options.program = a.program;
    options.arguments = a.arguments;
    if (!a.faults.isEmpty())
        return runFaultRounds(a, options);

    ConsumerCheck check(options);
    QObject::connect(&check, &ConsumerCheck::logged, &err);
    int exit = 0;
    QObject::connect(&check, &ConsumerCheck::finished, [&exit](int code) {
        exit = code;
        QCoreApplication::exit(0);
    });
    check.start();
    QCoreApplication::exec();

    if (!check.error().isEmpty() && check.runs().empty())
        return fail(cmd, check.error(), exit);
    std::string out;
    const int total = int(check.runs().size());
    for (const CheckRun& run : check.runs())
        out += run.line(total).toStdString() + "\n";
    if (a.rate > 0)
        out += CheckLatency::of(check.runs()).line().toStdString() + "\n";
    out += CheckRun::summary(check.runs()).toStdString() + "\n";
    writeOut(out);
    std::fflush(stdout);
    // A command that never started has no output to show.
    const bool ran = check.process().hasExited() || !check.process().output().isEmpty();
    if (exit != ConsumerCheck::Passed && ran)
        printTail(check.consumerLines(20));
    if (!a.junitFile.isEmpty()) {
        JunitReport::Suite suite;
        suite.nodeName = options.nodeName;
        suite.seconds = double(check.elapsedMs()) / 1000.0;
        suite.consumerOutput = check.consumerLines(200);
        suite.notes = check.notes();
        if (!check.error().isEmpty())
            suite.notes.prepend(check.error());
        QString error;
        if (!JunitReport::write(a.junitFile, suite, check.runs(), &error))
            return fail(a.junitFile, error, InputError);
    }
    if (!check.error().isEmpty())
        return fail(cmd, check.error(), exit);
    return exit;
}

const RegisterCommand reg(networkCommand("check-consumer", runCheckConsumer));

} // namespace
} // namespace porthole::cli
