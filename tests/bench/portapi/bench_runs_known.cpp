// SPDX-License-Identifier: GPL-3.0-or-later
// How soon the sandbox knows a run that another process published (no registerPublished), and
// how long a report for a run that does not exist waits before its 404, during a burst and
// at rest. Prints one JSON line; never fails on speed.
//   bench_runs_known [MESSAGES [quiet]]   (default 5000; quiet: no reports during the burst)
#include "kafka/kafkaproducer.h"
#include "portapi/localportapi.h"
#include "sandbox/sandbox.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace porthole;

namespace {

QString runId(int i)
{
    return QStringLiteral("r_B%1").arg(i, 15, 10, QLatin1Char('0'));
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::atoi(argv[1]) : 5000;
    // "quiet": no reports during the burst, to see the watcher alone.
    const bool quiet = argc > 2 && std::string(argv[2]) == "quiet";
    Sandbox sandbox;
    QString error;
    if (!sandbox.start(QStringLiteral("bench"), 0, 0, &error)) {
        std::fprintf(stderr, "sandbox: %s\n", qPrintable(error));
        return 3;
    }
    QElapsedTimer clock;
    clock.start();
    std::vector<double> delivered(size_t(n), -1), known(size_t(n), -1);
    std::mutex lock;
    QObject::connect(sandbox.api(), &LocalPortApi::runsObserved, &app,
                     [&](const LocalRunStore::Observed& ids) {
                         const double now = double(clock.nsecsElapsed()) / 1e6;
                         for (const QString& id : ids.actionRuns)
                             known[size_t(id.mid(3).toInt())] = now;
                     });

    QNetworkAccessManager net;
    const QString api = sandbox.apiUrl();
    const auto send = [&](const QByteArray& method, const QString& path, const QByteArray& body,
                          const QByteArray& token) {
        QNetworkRequest req(QUrl(api + path));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        if (!token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + token);
        QNetworkReply* reply = net.sendCustomRequest(req, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        return std::make_pair(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                              reply->readAll());
    };
    const QByteArray token =
        QJsonDocument::fromJson(send("POST", QStringLiteral("/v1/auth/access_token"),
                                     R"({"clientId":"sandbox","clientSecret":"sandbox"})", {})
                                    .second)
            .object()
            .value(QStringLiteral("accessToken"))
            .toString()
            .toLatin1();
    // A genuine 404 measured at rest and during the burst.
    std::vector<double> restWaits, burstWaits;
    const auto unknownReport = [&](std::vector<double>& into) {
        QElapsedTimer t;
        t.start();
        const auto [status, body] =
            send("PATCH", QStringLiteral("/v1/actions/runs/r_NeverPublished01"),
                 R"({"status":"SUCCESS"})", token);
        if (status == 404)
            into.push_back(double(t.nsecsElapsed()) / 1e6);
    };
    for (int i = 0; i < 20; ++i)
        unknownReport(restWaits);

    std::atomic<bool> producing{true};
    std::thread producer([&] {
        KafkaConfig config;
        config.set("bootstrap.servers", sandbox.bootstrap().toStdString());
        std::string err;
        auto p = KafkaProducer::create(
            config,
            [&](const DeliveryReport& r) {
                if (r.delivered())
                    delivered[r.index] = double(clock.nsecsElapsed()) / 1e6;
            },
            {}, &err);
        if (!p) {
            std::fprintf(stderr, "producer: %s\n", err.c_str());
            producing = false;
            return;
        }
        OutgoingMessage m;
        m.topic = "bench.runs";
        for (int i = 0; i < n; ++i) {
            m.value = R"({"context":{"runId":")" + runId(i).toStdString() + R"("}})";
            p->send(m);
            p->poll(0);
        }
        p->finish(30000);
        producing = false;
    });
    while (producing) {
        if (quiet)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        else
            unknownReport(burstWaits);
    }
    producer.join();
    QElapsedTimer wait;
    wait.start();
    while (wait.elapsed() < 30000 && std::count(known.begin(), known.end(), -1.0) > 0)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);

    std::vector<double> lags;
    int unknown = 0;
    for (int i = 0; i < n; ++i) {
        if (known[size_t(i)] < 0 || delivered[size_t(i)] < 0) {
            ++unknown;
            continue;
        }
        lags.push_back(std::max(0.0, known[size_t(i)] - delivered[size_t(i)]));
    }
    std::printf("{\"messages\":%d,\"neverKnown\":%d,\"runKnownAfterDeliveryMs\":{\"p50\":%.1f,"
                "\"p99\":%.1f,\"max\":%.1f},\"genuine404Ms\":{\"atRest\":{\"n\":%zu,\"max\":%.1f},"
                "\"duringBurst\":{\"n\":%zu,\"p50\":%.1f,\"max\":%.1f}}}\n",
                n, unknown, percentile(lags, 0.5), percentile(lags, 0.99), percentile(lags, 1.0),
                restWaits.size(), percentile(restWaits, 1.0), burstWaits.size(),
                percentile(burstWaits, 0.5), percentile(burstWaits, 1.0));
    return unknown == 0 ? 0 : 1;
}
