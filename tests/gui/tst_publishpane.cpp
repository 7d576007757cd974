// SPDX-License-Identifier: GPL-3.0-or-later
// The Publish tab as its form (ui/publishpane.ui) builds it, and a publish to a dead broker: it
// ends in seconds with the cause in words, librdkafka's own text folded under Details (it used to
// wait 15 s and say "Local: Message timed out", offset -1); a failed message reads "not
// delivered", never partition and offset -1.
#include "gui/connection/errordetails.h"
#include "gui/publish/publishpane.h"
#include "gui/session/connectionstate.h"
#include "gui/session/session.h"
#include "kafka/sandboxbroker.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTreeWidget>

using namespace porthole;

class TestPublishPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formHasTheNamedWidgets()
    {
        PublishPane pane;
        QCOMPARE(pane.objectName(), QStringLiteral("publishPane"));
        for (const char* name : {"publishBootstrap", "publishTopic", "publishKey"})
            QVERIFY2(pane.findChild<QLineEdit*>(QLatin1String(name)), name);
        QVERIFY(pane.findChild<QPlainTextEdit*>(QStringLiteral("publishHeaders")));
        QCOMPARE(pane.findChild<QSpinBox*>(QStringLiteral("publishRepeat"))->maximum(), 1000000);
        QVERIFY(pane.findChild<QCheckBox*>(QStringLiteral("publishSign")));
        QVERIFY(pane.findChild<QProgressBar*>(QStringLiteral("publishProgress")));
        QVERIFY(!pane.findChild<QPushButton*>(QStringLiteral("publishCancel"))->isEnabled());
        QCOMPARE(pane.findChild<QTreeWidget*>(QStringLiteral("deliveryReports"))->columnCount(), 5);
        // Nothing rendered: nothing to publish, and the button says so by being off.
        QVERIFY(!pane.findChild<QPushButton*>(QStringLiteral("publishButton"))->isEnabled());
        pane.setMessages({"{\"a\":1}"});
        QVERIFY(pane.findChild<QPushButton*>(QStringLiteral("publishButton"))->isEnabled());
        QVERIFY(pane.findChild<QLabel*>(QStringLiteral("publishSummary"))
                    ->text()
                    .startsWith(QLatin1String("1 rendered message")));
    }

    void deadBrokerFailsFastWithTheReason()
    {
        QString dead;
        {
            SandboxBroker gone; // a port that just closed: nobody listens there
            std::string error;
            QVERIFY2(gone.start("dead", 0, &error), error.c_str());
            dead = QString::fromStdString(gone.bootstrap());
        }
        PublishPane pane;
        pane.session()->connection()->setTarget(
            KafkaTarget::plain(dead, QStringLiteral("dead.runs")));
        pane.setMessages({"{\"a\":1}", "{\"a\":2}"});
        QSignalSpy finished(&pane, &PublishPane::publishFinished);
        pane.publish();
        QVERIFY(finished.wait(10000)); // librdkafka alone takes message.timeout.ms (15 s) here
        QCOMPARE(finished.at(0).at(0).toLongLong(), 0);
        QCOMPARE(finished.at(0).at(1).toLongLong(), 2);
        auto* summary = pane.findChild<QLabel*>(QStringLiteral("publishSummary"));
        QCOMPARE(summary->text(), QStringLiteral("0 delivered, 2 failed. connection refused by "
                                                 "%1 (is the broker running, is the port right?)")
                                      .arg(dead));
        // librdkafka's own text under Details, folded.
        auto* details = pane.findChild<ErrorDetails*>(QStringLiteral("publishErrorDetails"));
        QVERIFY(details && !details->isHidden() && !details->isExpanded());
        QVERIFY2(details->details().contains(QLatin1String("/bootstrap: Connect to ipv4#")) &&
                     details->details().contains(QLatin1String("Connection refused")),
                 qPrintable(details->details()));
        auto* reports = pane.findChild<QTreeWidget*>(QStringLiteral("deliveryReports"));
        QTRY_COMPARE(reports->topLevelItemCount(), 2);
        for (int i = 0; i < 2; ++i) {
            const QTreeWidgetItem* row = reports->topLevelItem(i);
            QCOMPARE(row->text(1), QStringLiteral("not delivered"));
            QVERIFY2(row->text(2) != QStringLiteral("-1"), qPrintable(row->text(2)));
            const QString result = row->text(4);
            QVERIFY2(result.startsWith(QLatin1String("connection refused by ")) &&
                         !result.contains(QLatin1String("in state")) &&
                         !result.contains(QLatin1String("timed out")),
                     qPrintable(result));
        }
    }

    // A name that does not resolve fails as fast, and says so: not "connection refused", not
    // "the broker is down".
    void unresolvableHostIsNamed()
    {
        PublishPane pane;
        pane.session()->connection()->setTarget(KafkaTarget::plain(
            QStringLiteral("nonexistent.invalid:9092"), QStringLiteral("dead.runs")));
        pane.setMessages({"{\"a\":1}"});
        QSignalSpy finished(&pane, &PublishPane::publishFinished);
        pane.publish();
        QVERIFY(finished.wait(12000)); // a hang guard: librdkafka alone waits 15 s
        auto* summary = pane.findChild<QLabel*>(QStringLiteral("publishSummary"));
        QCOMPARE(summary->text(), QStringLiteral("0 delivered, 1 failed. cannot resolve host "
                                                 "nonexistent.invalid (is the address right?)"));
        auto* details = pane.findChild<ErrorDetails*>(QStringLiteral("publishErrorDetails"));
        QVERIFY2(details->details().contains(QLatin1String("Failed to resolve")),
                 qPrintable(details->details()));
        auto* reports = pane.findChild<QTreeWidget*>(QStringLiteral("deliveryReports"));
        QTRY_COMPARE(reports->topLevelItemCount(), 1);
        QCOMPARE(reports->topLevelItem(0)->text(1), QStringLiteral("not delivered"));
        QVERIFY2(reports->topLevelItem(0)->text(4).startsWith(QLatin1String("cannot resolve host")),
                 qPrintable(reports->topLevelItem(0)->text(4)));
    }
};

QTEST_MAIN(TestPublishPane)
#include "tst_publishpane.moc"
