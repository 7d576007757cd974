// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-cli sandbox [--org ORG] [--kafka-port P] [--api-port Q]
#include "command.h"
#include "sandboxargs.h"

#include "flow/workflowrunner.h"
#include "kafka/sandboxbroker.h"
#include "sandbox/sandbox.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>

namespace porthole::cli {
namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &c, 1);
}

// SIGINT/SIGTERM end the event loop through a socket pair (the only safe thing a handler may
// do), so the broker is shut down normally and the exit code is 0.
bool quitOnSignals()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return false;
    auto* notifier =
        new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, [] { QCoreApplication::quit(); });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    return ::sigaction(SIGINT, &sa, nullptr) == 0 && ::sigaction(SIGTERM, &sa, nullptr) == 0;
}

void log(const std::string& line)
{
    std::fprintf(stderr, "sandbox: %s\n", line.c_str());
    std::fflush(stderr);
}

int runSandbox(const QStringList& args)
{
    auto parsed = parseSandboxArgs(args);
    if (const int* code = std::get_if<int>(&parsed))
        return *code;
    const SandboxArgs& opts = std::get<SandboxArgs>(parsed);
    const QString& orgId = opts.org;
    if (!quitOnSignals())
        return fail(QStringLiteral("sandbox"), QStringLiteral("cannot install signal handlers"),
                    ServiceError);

    // Broker, local Port API and the watcher that tells the API about published runs: the
    // same Sandbox the desktop app starts.
    Sandbox sandbox;
    QObject::connect(&sandbox, &Sandbox::logged,
                     [](const QString& line) { log(line.toStdString()); });
    // POST /v1/workflows/{id}/runs: runs the workflow, each KAFKA node published signed.
    WorkflowRunner workflows(&sandbox);
    QObject::connect(&workflows, &WorkflowRunner::logged,
                     [](const QString& line) { log(line.toStdString()); });
    QString error;
    if (!sandbox.start(orgId, opts.kafkaPort, opts.apiPort, &error))
        return fail(QStringLiteral("sandbox"), error, ServiceError);

    const std::string first = "bootstrap=" + sandbox.bootstrap().toStdString() +
                              " api=" + sandbox.apiUrl().toStdString() +
                              " org=" + orgId.toStdString() + "\n";
    writeOut(first);
    std::fflush(stdout);
    log("Kafka broker on " + sandbox.bootstrap().toStdString() + ", topics " + orgId.toStdString() +
        ".runs and " + orgId.toStdString() + ".change.log (" +
        std::to_string(SandboxBroker::kPartitions) +
        " partitions each); no TLS/SASL; keeps ~4 MB per partition");
    log("local Port API on " + sandbox.apiUrl().toStdString() +
        " (client id sandbox, secret sandbox); runs published to " + orgId.toStdString() +
        ".runs become known to it; POST /v1/workflows and /v1/workflows/{id}/runs run "
        "workflows");
    log("press Ctrl+C to stop");
    QCoreApplication::exec();
    sandbox.stop();
    log("stopped");
    return Ok;
}

const RegisterCommand reg(networkCommand("sandbox", runSandbox));

} // namespace
} // namespace porthole::cli
