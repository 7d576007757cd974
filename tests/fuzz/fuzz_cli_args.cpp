// SPDX-License-Identifier: GPL-3.0-or-later
// Property: any argument list given to publish, watch, report, sandbox, render, template,
// lint, check-consumer or diagnose is parsed without crashing: the parse step either returns the
// checked options or an exit code (0 after --help, else a usage or input error); nothing is sent,
// started or written.
//
// Input layout: [command byte] ARG \0|\n ARG … (a command byte of 224 or more picks
// check-consumer, added later: below that, the byte modulo 7 picks the first seven, so the
// committed corpus keeps its meaning; diagnose, added after that, took 248–255, bytes no
// committed input starts with).
#include "cli/checkconsumerargs.h"
#include "cli/diagnoseargs.h"
#include "cli/lintargs.h"
#include "cli/publishargs.h"
#include "cli/renderargs.h"
#include "cli/reportargs.h"
#include "cli/sandboxargs.h"
#include "cli/templateargs.h"
#include "cli/watchargs.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

using namespace porthole::cli;

namespace {

template <typename V> void check(const V& parsed)
{
    if (const int* code = std::get_if<int>(&parsed))
        if (*code < 0 || *code > 3) // the exit codes of cli-contract.md
            std::abort();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    // Like porthole-cli: Qt's parser names the application in --help.
    static int argc = 1;
    static char name[] = "porthole-cli";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    // --profile NAME reads the saved profiles: point that at nothing, so only the presets
    // exist and runs do not depend on the machine. Secrets from the environment: none.
    setenv("XDG_CONFIG_HOME", "/nonexistent/porthole-fuzz", 1);
    setenv("HOME", "/nonexistent/porthole-fuzz", 1);
    for (const char* var :
         {"KAFKA_PASSWORD", "KAFKA_USERNAME", "PORT_TOKEN", "PORT_CLIENT_ID", "PORT_CLIENT_SECRET"})
        unsetenv(var);
    // Usage errors and --help go to the C streams; libFuzzer and ASan write to fd 2 through
    // their own handles, so swapping the streams keeps their reports and drops the noise.
    if (!std::getenv("PORTHOLE_FUZZ_VERBOSE")) {
        stdout = std::fopen("/dev/null", "w");
        stderr = std::fopen("/dev/null", "w");
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    static const char* const commands[] = {"publish", "watch",          "report",
                                           "sandbox", "render",         "template",
                                           "lint",    "check-consumer", "diagnose"};
    const int which = data[0] >= 248 ? 8 : data[0] >= 224 ? 7 : data[0] % 7;
    QStringList args{QString::fromLatin1(commands[which])};
    const char* p = reinterpret_cast<const char*>(data) + 1;
    const char* end = reinterpret_cast<const char*>(data) + size;
    while (p < end) {
        const char* q = p;
        while (q < end && *q != '\0' && *q != '\n')
            ++q;
        args << QString::fromUtf8(p, q - p);
        p = q + 1;
    }
    switch (which) {
    case 0:
        check(parsePublishArgs(args));
        break;
    case 1:
        check(parseWatchArgs(args));
        break;
    case 2:
        check(parseReportArgs(args));
        break;
    case 3:
        check(parseSandboxArgs(args));
        break;
    case 4:
        check(parseRenderArgs(args));
        break;
    case 5:
        check(parseTemplateArgs(args));
        break;
    case 6:
        check(parseLintArgs(args));
        break;
    case 7:
        check(parseCheckConsumerArgs(args));
        break;
    default:
        check(parseDiagnoseArgs(args, 1'700'000'000'000)); // a fixed "now": runs repeat
        break;
    }
    return 0;
}
