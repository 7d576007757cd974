// SPDX-License-Identifier: GPL-3.0-or-later
// Envelope::wrap: only a string that is exactly "{{ .payload }}" receives the payload.
#include "core/jswriter.h"
#include "template/envelope.h"

#include <QTest>

using namespace porthole;

class TstEnvelope : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void plainStringsStayEvenWhenTheyLookLikeTheMarker();
};

void TstEnvelope::plainStringsStayEvenWhenTheyLookLikeTheMarker()
{
    // The internal marker used to be this fixed text; a template or context string equal to it
    // was replaced by the payload (input kept in tests/fuzz/corpus/envelope/marker.bin).
    const std::string lookalike = "\x01porthole-payload\x01";
    JsonValue tmpl = JsonValue::object();
    tmpl.set("payload", "{{ .payload }}");
    tmpl.set("plain", lookalike);
    tmpl.set("fromContext", "{{ .context.x }}");
    Envelope::Input in;
    in.payload = JsonValue(1.0);
    in.context = JsonValue::object();
    in.context.set("x", lookalike);
    JqLimits limits;
    limits.isolation = Isolation::InProcess;
    JsonValue out;
    std::string error;
    QVERIFY2(Envelope::wrap(tmpl, in, limits, &out, &error), error.c_str());
    QCOMPARE(JsWriter::stringify(out["payload"]), std::string("1"));
    QCOMPARE(out["plain"].toString(), lookalike);
    QCOMPARE(out["fromContext"].toString(), lookalike);
}

QTEST_GUILESS_MAIN(TstEnvelope)
#include "tst_envelope.moc"
