// SPDX-License-Identifier: GPL-3.0-or-later
// Property: whatever Port's API (or something pretending to be it) answers, reading it is safe:
// the error message is one printable line, a refusal taken apart (problem()) gives a short
// printable code and message and a field that is a path (no spaces, bounded), Retry-After and
// expiresIn stay within their bounds, and a known secret never survives redaction of a body or
// a header.
// Layout: [selector][secret length][secret bytes][body]
#include "portapi/portresponse.h"
#include "portapi/redactor.h"

#include <cstdlib>

using namespace porthole;

namespace {

// A secret drawn only from characters the placeholder "<redacted>" lacks, so no occurrence can
// overlap a placeholder put in by an earlier replacement (that would be a false alarm).
QByteArray secretFrom(const uint8_t* data, size_t size)
{
    static const char kAlphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZbfghijklmnopqsuvwxyz_.-";
    QByteArray s;
    for (size_t i = 0; i < size; ++i)
        s += kAlphabet[data[i] % (sizeof kAlphabet - 1)];
    return s;
}

void check(bool ok)
{
    if (!ok)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 2)
        return 0;
    const size_t secretLength = std::min<size_t>(4 + data[1] % 29, size - 2);
    const QByteArray secret = secretFrom(data + 2, secretLength);
    const QByteArray body(reinterpret_cast<const char*>(data + 2 + secretLength),
                          qsizetype(size - 2 - secretLength));

    const QString message = PortResponse::errorMessage(body);
    check(message.size() <= 501);
    for (const QChar c : message)
        check(c.category() != QChar::Other_Control);

    const PortResponse::Problem problem = PortResponse::problem(body);
    check(problem.error.size() <= 100 && problem.message.size() <= 501);
    check(problem.field.size() <= 2 * 120 + 1); // a path, and a property it names
    for (const QString* text : {&problem.error, &problem.message, &problem.field})
        for (const QChar c : *text)
            check(c.category() != QChar::Other_Control);
    for (const QChar c : problem.field)
        check(!c.isSpace());

    const QDateTime now = QDateTime::fromMSecsSinceEpoch(1764000000000, Qt::UTC);
    const qint64 wait = PortResponse::retryAfterMs(body.left(64), now);
    check(wait >= -1 && wait <= 24LL * 3600 * 1000);

    if (const auto token = PortResponse::parseToken(body)) {
        check(!token->accessToken.isEmpty());
        check(token->expiresInS >= 0 && token->expiresInS <= 366LL * 24 * 3600);
    }

    if (secret.size() >= 4) {
        Redactor r;
        r.addSecret(secret);
        const QByteArray mixed = (data[0] & 1) ? body + secret + body : body;
        check(!r.redactBody(mixed).contains(secret));
        check(!r.scrub(mixed).contains(secret));
        check(!r.redactHeader("Authorization", secret + ' ' + mixed).contains(secret));
        check(!r.redactHeader("X-Other", mixed).contains(secret));
    }
    return 0;
}
