// SPDX-License-Identifier: GPL-3.0-or-later
// PortSignature and PythonJson against Python itself: every golden value (canonical text,
// signature, number spelling, verdict) is computed at test time by Debian's python3 with its
// own json and hmac modules, the way Port's execution agent computes them.
#include "core/jsonparser.h"
#include "core/portsignature.h"
#include "core/pythonjson.h"
#include "core/signaturefragility.h"

#include <QProcess>
#include <QTest>

using namespace porthole;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");
const std::string kSecret = "s3cr\xC3\xA9t-key";
constexpr int64_t kTs = 1713277889;

// Reads NUL-separated items on stdin, prints one line per item (base64 or a word).
const char* kScript = R"PY(
import sys, json, hmac, hashlib, base64, copy
mode, secret, ts = sys.argv[1], sys.argv[2], sys.argv[3]
def b64(b): return base64.b64encode(b).decode()
def sig(text, stamp):
    m = hmac.new(bytes(secret, "utf-8"), digestmod=hashlib.sha256)
    m.update(bytes(f"{stamp}.{text}", "utf-8"))
    return "v1," + b64(m.digest())
for item in sys.stdin.buffer.read().split(b"\0"):
    if not item: continue
    text = item.decode()
    try:
        if mode == "number":
            print(b64(json.dumps(json.loads(text)).encode())); continue
        msg = json.loads(text)
        if mode == "canon":
            if "headers" not in msg: msg = {"headers": {}, **msg}
            msg["headers"].pop("X-Port-Signature", None); msg["headers"].pop("X-Port-Timestamp", None)
            canon = json.dumps(msg, separators=(",", ":"), ensure_ascii=False)
            print(b64(canon.encode("utf-8")) + " " + sig(canon, ts))
        elif mode == "verify":   # what the agent does with a received message
            h = msg.get("headers") or {}
            if "X-Port-Signature" not in h or "X-Port-Timestamp" not in h: print("missing"); continue
            m = copy.deepcopy(msg); s = m["headers"].pop("X-Port-Signature"); t = m["headers"].pop("X-Port-Timestamp")
            canon = json.dumps(m, separators=(",", ":"), ensure_ascii=False)
            print("valid" if hmac.compare_digest(s, sig(canon, t)) else "invalid")
        elif mode == "sign":     # a Python signer whose wire text has json.dumps' default spacing
            m = {"headers": {}, **msg} if "headers" not in msg else msg
            m["headers"].pop("X-Port-Signature", None); m["headers"].pop("X-Port-Timestamp", None)
            s = sig(json.dumps(m, separators=(",", ":"), ensure_ascii=False), ts)
            m["headers"]["X-Port-Signature"] = s; m["headers"]["X-Port-Timestamp"] = int(ts)
            print(b64(json.dumps(m).encode()))
    except Exception as e:
        print("ERROR:" + type(e).__name__)
)PY";

QStringList python(const QString& mode, const std::vector<std::string>& items,
                   const std::string& secret = kSecret)
{
    QProcess p;
    p.start(kPython, {QStringLiteral("-c"), QString::fromUtf8(kScript), mode,
                      QString::fromStdString(secret), QString::number(kTs)});
    for (const auto& i : items) {
        p.write(i.data(), qint64(i.size()));
        p.write("\0", 1);
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        qFatal("python3 failed: %s", p.readAllStandardError().constData());
    QStringList lines = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'));
    lines.removeAll(QString());
    return lines;
}

std::string unbase64(const QString& s)
{
    return QByteArray::fromBase64(s.toLatin1()).toStdString();
}

// Messages covering what the agent's re-serialisation changes or keeps.
const std::vector<std::string> kMessages = {
    R"({"payload":{"a":{"b":[1,2,{"c":null}],"t":true,"f":false}},"context":{"runId":"wfnr_abcdefghijklmnop"}})",
    "{\"name\":\"Zo\xC3\xAB \xE2\x9C\x93 \xE6\x97\xA5\xE6\x9C\xAC "
    "\xF0\x9F\x98\x80\",\"esc\":\"\\u00e9\\ud83d\\ude00\\u65e5\"}",
    R"({"s":"q\" b\\ s\/ n\n t\t r\r b\b f\f c\u0001\u001f d\u007f ls\u2028 ps\u2029"})",
    R"({"n":[0.00001,1e21,-0,-0.0,0,1.0,1E400,-1e-400,123456789012345678901234567890,1.5e300,0.1,1e16,1e15,100,1e-7,2.5E-3,12345678901234567890.5,9007199254740993,-1e-05,0.0001,5e-324]})",
    R"({"headers":{},"payload":{}})",
    R"({"headers":{"X-Other":"x","X-Port-Signature":"v1,old","n":1.50,"X-Port-Timestamp":1},"payload":{"x":1}})",
    R"({"a":1,"b":2,"a":{"z":3}})",
    "{ \"headers\" : { \"k\" : \"v\" } ,\n \"p\" : [ 1 , 2 ] ,\t\"q\" : { } }",
    "{}",
    R"({"x":NaN,"y":-Infinity,"z":Infinity})",
    R"({"b":1,"1":2,"a":{"10":1,"2":2}})",
    R"({"payload":[],"context":{"runId":"r_abcdefghijklmnop"},"headers":{"a":[{"b":"c"}]}})",
};

} // namespace

class TestPortSignature : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(kPython), "Debian's /usr/bin/python3 is required");
    }

    void numbersSpelledLikePython()
    {
        const std::vector<std::string> literals = {"0.00001",
                                                   "1e21",
                                                   "-0",
                                                   "-0.0",
                                                   "0",
                                                   "1.0",
                                                   "1E400",
                                                   "-1E400",
                                                   "1e-400",
                                                   "-1e-400",
                                                   "123456789012345678901234567890",
                                                   "-98765432109876543210",
                                                   "1.5e300",
                                                   "0.1",
                                                   "1e16",
                                                   "1e15",
                                                   "1e-7",
                                                   "2.5E-3",
                                                   "12345678901234567890.5",
                                                   "9007199254740993",
                                                   "0.0001",
                                                   "5e-324",
                                                   "1.7976931348623157e308",
                                                   "123.456e5",
                                                   "1e+2",
                                                   "0e0",
                                                   "-0e-0",
                                                   "100.000",
                                                   "0.30000000000000004",
                                                   "1234567890123456.7",
                                                   "12345678901234567.0",
                                                   "1e-4",
                                                   "9.999999999999999e22",
                                                   "4.35",
                                                   "1e22"};
        const QStringList py = python(QStringLiteral("number"), literals);
        QCOMPARE(py.size(), qsizetype(literals.size()));
        for (size_t i = 0; i < literals.size(); ++i)
            QCOMPARE(PythonJson::numberSpelling(literals[i]), unbase64(py[qsizetype(i)]));
    }

    void canonicalTextAndSignatureMatchPython()
    {
        const QStringList py = python(QStringLiteral("canon"), kMessages);
        QCOMPARE(py.size(), qsizetype(kMessages.size()));
        for (size_t i = 0; i < kMessages.size(); ++i) {
            std::string error;
            const auto p = PortSignature::prepare(kMessages[i], &error);
            QVERIFY2(p, error.c_str());
            const QStringList parts = py[qsizetype(i)].split(QLatin1Char(' '));
            QCOMPARE(p->canonical, unbase64(parts[0]));
            QCOMPARE(PortSignature::signature(p->canonical, std::to_string(kTs), kSecret),
                     parts[1].toStdString());
        }
    }

    void signedMessagesVerifyInPythonAndHere()
    {
        std::vector<std::string> wire;
        for (const auto& m : kMessages) {
            std::string error;
            const auto s = PortSignature::sign(m, kTs, kSecret, &error);
            QVERIFY2(s, error.c_str());
            // What was not a signature header is kept byte for byte.
            QVERIFY(s->find("v1,old") == std::string::npos);
            wire.push_back(*s);
            const auto c = PortSignature::verify(*s, kSecret, double(kTs) + 2.5);
            QCOMPARE(PortSignature::statusName(c.status), "valid");
            QCOMPARE(c.ageS.value_or(-1), 2.5);
            QCOMPARE(PortSignature::verify(*s, "other", 0).status, PortSignature::Status::Invalid);
        }
        for (const QString& verdict : python(QStringLiteral("verify"), wire))
            QCOMPARE(verdict, QStringLiteral("valid"));
        for (const QString& verdict : python(QStringLiteral("verify"), wire, "wrong secret"))
            QCOMPARE(verdict, QStringLiteral("invalid"));
        // The original texts other than the one with (stale) signature headers carry none.
        const QStringList unsigned_ = python(QStringLiteral("verify"), kMessages);
        for (size_t i = 0; i < kMessages.size(); ++i)
            QCOMPARE(QString::fromLatin1(PortSignature::statusName(
                         PortSignature::verify(kMessages[i], kSecret, 0).status)),
                     unsigned_[qsizetype(i)]);
    }

    void pythonSignedMessagesVerifyHere()
    {
        const QStringList signedByPython = python(QStringLiteral("sign"), kMessages);
        QCOMPARE(signedByPython.size(), qsizetype(kMessages.size()));
        for (const QString& b : signedByPython) {
            const std::string text = unbase64(b);
            const auto c = PortSignature::verify(text, kSecret, double(kTs));
            QVERIFY2(c.status == PortSignature::Status::Valid, (c.reason + " in " + text).c_str());
        }
    }

    void tamperingIsInvalid()
    {
        std::string error;
        std::string s = *PortSignature::sign(R"({"payload":{"n":1}})", kTs, kSecret, &error);
        s.replace(s.find("\"n\":1"), 5, "\"n\":2");
        const auto c = PortSignature::verify(s, kSecret, double(kTs));
        QCOMPARE(c.status, PortSignature::Status::Invalid);
        QVERIFY(!c.reason.empty());
    }

    void unsignableMessagesSayWhy()
    {
        const std::vector<std::string> bad = {
            "[1,2]",    "\"text\"", "{\"headers\":[]}",
            "{\"a\":1", "not json", "{\"n\":1" + std::string(5000, '0') + "}"};
        for (const std::string& m : bad) {
            std::string error;
            QVERIFY(!PortSignature::prepare(m, &error));
            QVERIFY2(!error.empty(), m.c_str());
        }
        const auto c = PortSignature::verify("[1]", kSecret, 0);
        QCOMPARE(c.status, PortSignature::Status::Missing);
    }

    void hostileNestingIsAnErrorNotACrash()
    {
        const std::string deep =
            "{\"a\":" + std::string(200000, '[') + std::string(200000, ']') + "}";
        std::string error;
        QVERIFY(!PortSignature::prepare(deep, &error));
        QVERIFY2(error.find("nested deeper") != std::string::npos, error.c_str());
        QCOMPARE(PortSignature::verify(deep, kSecret, 0).status, PortSignature::Status::Missing);
        // What Python itself still reads is signed.
        const std::string ok = "{\"a\":" + std::string(500, '[') + std::string(500, ']') + "}";
        QVERIFY(PortSignature::prepare(ok, &error));
    }

    void loneSurrogateCannotBeVerifiedByPython()
    {
        const std::string m = R"({"s":"\ud800"})";
        std::string error;
        const auto p = PortSignature::prepare(m, &error);
        QVERIFY(p && p->loneSurrogate);
        const std::string s = PortSignature::sign(*p, kTs, kSecret);
        QCOMPARE(python(QStringLiteral("verify"), {s}).value(0),
                 QStringLiteral("ERROR:UnicodeEncodeError"));
        QCOMPARE(PortSignature::verify(s, kSecret, 0).status, PortSignature::Status::Invalid);
    }

    void fragileValuesArePointedAt()
    {
        const JsonDocument doc = JsonParser::parse(
            R"({"payload":{"ratio":0.00001,"ok":0.5,"tiny":[1,1e-7],"big":1e21,"odd key":"\udc00"}})");
        const auto found = SignatureFragility::find(doc.root->toValue());
        QCOMPARE(found.size(), size_t(3));
        QCOMPARE(found[0].path, std::string(".payload.ratio"));
        QVERIFY(found[0].reason.find("1e-05") != std::string::npos);
        QCOMPARE(found[1].path, std::string(".payload.tiny[1]"));
        QCOMPARE(found[2].path, std::string(".payload[\"odd key\"]"));
    }
};

QTEST_GUILESS_MAIN(TestPortSignature)
#include "tst_portsignature.moc"
