// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkconsumerargs.h"

#include "command.h"

namespace porthole::cli {
namespace {

// A whole number within [low, high], or nullopt.
std::optional<int> number(const QString& text, int low, int high)
{
    bool ok = false;
    const int v = text.toInt(&ok);
    return ok && v >= low && v <= high ? std::optional<int>(v) : std::nullopt;
}

} // namespace

std::variant<int, CheckConsumerArgs> parseCheckConsumerArgs(const QStringList& args)
{
    const QString cmd = QStringLiteral("check-consumer");
    // Everything after "--" is the consumer's own command line, never parsed as our options.
    const qsizetype dashes = args.indexOf(QStringLiteral("--"));
    const QStringList ours = dashes < 0 ? args : args.mid(0, dashes);
    const QStringList command = dashes < 0 ? QStringList() : args.mid(dashes + 1);

    QCommandLineParser parser;
    const QCommandLineOption context(
        QStringLiteral("context"),
        QStringLiteral("A context for the runs (repeatable: run i uses context i modulo their "
                       "number; each run gets fresh run ids). Default: the workflow preset."),
        QStringLiteral("CTX.json"));
    const QCommandLineOption count(QStringLiteral("count"),
                                   QStringLiteral("Runs to publish (default 1, at most 10000)."),
                                   QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption rate(
        QStringLiteral("rate"),
        QStringLiteral("Publish the runs at R runs per second (default: all at once) and add a "
                       "'latency:' line before the summary: publish-to-first-report and "
                       "publish-to-completed p50/p95/p99 and the runs/s sustained."),
        QStringLiteral("R"));
    const QCommandLineOption timeout(
        QStringLiteral("timeout-s"),
        QStringLiteral("Seconds to wait for the reports after publishing (default 60)."),
        QStringLiteral("S"), QStringLiteral("60"));
    const QCommandLineOption joinTimeout(
        QStringLiteral("join-timeout-s"),
        QStringLiteral("Seconds to wait for the consumer to join its group before publishing "
                       "anyway (default 30)."),
        QStringLiteral("S"), QStringLiteral("30"));
    const QCommandLineOption expectResult(
        QStringLiteral("expect-result"),
        QStringLiteral("The result every run must complete with (default SUCCESS)."),
        QStringLiteral("SUCCESS|FAILED|CANCELLED"), QStringLiteral("SUCCESS"));
    const QCommandLineOption expectOutput(
        QStringLiteral("expect-output"),
        QStringLiteral("A jq predicate on each node run's output; the run fails unless it "
                       "gives a value other than false or null, e.g. '.processedAt != null'."),
        QStringLiteral("JQ"));
    const QCommandLineOption sign(
        QStringLiteral("sign"),
        QStringLiteral("Sign each message like Port (headers.X-Port-Signature and "
                       "X-Port-Timestamp) with the client secret COMMAND gets in "
                       "PORT_CLIENT_SECRET, for consumers that verify signatures like Port's "
                       "execution agent."));
    const QCommandLineOption junit(QStringLiteral("junit"),
                                   QStringLiteral("Also write a JUnit XML report (one testcase "
                                                  "per run) for CI."),
                                   QStringLiteral("FILE.xml"));
    const QCommandLineOption org(QStringLiteral("org"),
                                 QStringLiteral("Organisation id: topic ORG.runs, group "
                                                "ORG.check-… (default sandbox)."),
                                 QStringLiteral("ORG"), QStringLiteral("sandbox"));
    // The names are checked by the command against the check's own list (CheckFaults): this
    // library is also built without the check (fuzzing).
    const QCommandLineOption faults(
        QStringLiteral("faults"),
        QStringLiteral("Check the consumer under faults, one round each with its own sandbox and "
                       "fresh run ids; LIST is a comma list of redeliver (every message twice), "
                       "api-5xx (each run's first report answered 503), api-429 (429 with "
                       "Retry-After: 1), broker-restart (the broker away for 3 s after the first "
                       "run), api-slow (every report answered after 3 s), rebalance (a second "
                       "copy of COMMAND joins the group halfway; needs --broker)."),
        QStringLiteral("LIST"));
    const QCommandLineOption broker(
        QStringLiteral("broker"),
        QStringLiteral("Use this real Kafka broker (PLAINTEXT, topic ORG.runs with 3 partitions) "
                       "instead of the sandbox's; the local Port API still runs here. The "
                       "rebalance fault needs one: the sandbox's mock broker cannot rebalance a "
                       "group of two."),
        QStringLiteral("HOST:PORT"));
    const QCommandLineOption workflow(
        QStringLiteral("workflow"),
        QStringLiteral("Instead of NODE.json: check the consumer over one whole run of this Port "
                       "workflow in the sandbox (each KAFKA node published in turn, its reported "
                       "output feeding the next); one verdict line per node, then the run's."),
        QStringLiteral("FILE.json"));
    const QCommandLineOption inputs(
        QStringLiteral("inputs"),
        QStringLiteral("With --workflow: the trigger's inputs (a JSON object) for the run."),
        QStringLiteral("INPUTS.json"));
    parser.addOptions({context, count, rate, timeout, joinTimeout, expectResult, expectOutput, sign,
                       junit, org, faults, broker, workflow, inputs});
    if (auto done = parseArgs(
            parser, ours, cmd,
            QStringLiteral(
                "Run a team's consumer against a private sandbox and check that it reports "
                "every run back. COMMAND gets KAFKA_BOOTSTRAP_SERVERS, KAFKA_TOPIC, "
                "KAFKA_GROUP_ID, PORT_ORG_ID, PORT_API_BASE_URL, PORT_CLIENT_ID and "
                "PORT_CLIENT_SECRET (and KAFKA_CONSUMER_BOOTSTRAP_SERVERS, "
                "KAFKA_CONSUMER_GROUP_ID, KAFKA_CONSUMER_SECURITY_PROTOCOL=plaintext, as Port's "
                "execution agent reads them). Prints one line per run and "
                "'check-consumer: runs=N completed=C failed=F missing=M' (with --faults, each "
                "round's run lines and 'fault NAME: runs=N completed=C failed=F missing=M' with "
                "the first reason come first). Exit 0 when every "
                "run completed as expected, 1 otherwise, 3 when the sandbox or COMMAND cannot "
                "start."),
            QStringLiteral("NODE.json|--workflow FILE.json -- COMMAND [ARGS...]")))
        return *done;
    const QStringList files = parser.positionalArguments();
    CheckConsumerArgs out;
    out.workflowFile = parser.value(workflow);
    out.inputsFile = parser.value(inputs);
    if (!out.workflowFile.isEmpty()) {
        if (!files.isEmpty())
            return fail(cmd,
                        QStringLiteral("--workflow checks a whole workflow: give no NODE.json"),
                        UsageError);
        for (const auto* o : {&context, &count, &rate, &expectOutput, &faults, &junit})
            if (parser.isSet(*o))
                return fail(
                    cmd, QStringLiteral("--%1 does not go with --workflow").arg(o->names().first()),
                    UsageError);
    } else if (!out.inputsFile.isEmpty()) {
        return fail(cmd, QStringLiteral("--inputs goes with --workflow"), UsageError);
    } else if (files.size() != 1) {
        return fail(cmd, QStringLiteral("expected exactly one NODE.json before --"), UsageError);
    }
    if (command.isEmpty() || command.first().isEmpty())
        return fail(cmd,
                    QStringLiteral("give the consumer's command after --, e.g. "
                                   "-- python3 consumer.py"),
                    UsageError);
    out.nodeFile = files.value(0);
    out.contextFiles = parser.values(context);
    const auto n = number(parser.value(count), 1, 10000);
    const auto t = number(parser.value(timeout), 1, 86400);
    const auto j = number(parser.value(joinTimeout), 1, 3600);
    if (!n)
        return fail(cmd, QStringLiteral("--count must be a number from 1 to 10000"), UsageError);
    if (!t || !j)
        return fail(cmd,
                    QStringLiteral("--timeout-s and --join-timeout-s must be whole seconds "
                                   "(at least 1)"),
                    UsageError);
    out.count = *n;
    if (parser.isSet(rate)) {
        const auto r = number(parser.value(rate), 1, 10000);
        if (!r)
            return fail(cmd,
                        QStringLiteral("--rate must be a number of runs per second from 1 "
                                       "to 10000"),
                        UsageError);
        out.rate = *r;
    }
    out.timeoutS = *t;
    out.joinTimeoutS = *j;
    out.expectResult = parser.value(expectResult);
    if (out.expectResult == QStringLiteral("FAILURE"))
        return fail(cmd,
                    QStringLiteral("--expect-result FAILURE: workflow node runs use FAILED "
                                   "(FAILURE is for classic action runs)"),
                    UsageError);
    if (!QStringList{QStringLiteral("SUCCESS"), QStringLiteral("FAILED"),
                     QStringLiteral("CANCELLED")}
             .contains(out.expectResult))
        return fail(cmd,
                    QStringLiteral("--expect-result must be SUCCESS, FAILED or CANCELLED, not '%1'")
                        .arg(out.expectResult),
                    UsageError);
    out.expectOutput = parser.value(expectOutput);
    out.junitFile = parser.value(junit);
    out.sign = parser.isSet(sign);
    out.org = parser.value(org);
    if (out.org.isEmpty() || out.org.contains(QLatin1Char(' ')))
        return fail(cmd, QStringLiteral("--org must be a non-empty id"), UsageError);
    for (const QString& list : parser.values(faults))
        for (const QString& f : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString name = f.trimmed();
            if (!out.faults.contains(name))
                out.faults.append(name);
        }
    if (parser.isSet(faults) && out.faults.isEmpty())
        return fail(cmd, QStringLiteral("--faults needs at least one fault"), UsageError);
    out.broker = parser.value(broker);
    out.program = command.first();
    out.arguments = command.mid(1);
    return out;
}

} // namespace porthole::cli
