// SPDX-License-Identifier: GPL-3.0-or-later
// The window under hostile input: a node with 10,000 templates rendered against a context of
// 100,000 keys, a node holding NUL bytes, invalid UTF-8 and 100,000 levels of nesting, and a
// 100 MB message in the runs table. The UI thread must keep running (a 10 ms timer measures
// its longest stall), every problem gets a position, and nothing crashes.
#include "core/jsonvalue.h"
#include "core/messagedecoder.h"
#include "gui/node/nodepane.h"
#include "gui/runs/messagedetailview.h"
#include "gui/runs/messagevalueview.h"
#include "gui/runs/runspane.h"
#include "models/runstablemodel.h"
#include "rawserver.h"

#include <QAction>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

using namespace porthole;
using namespace porthole::test;

namespace {

// The generous bound of a stall: far below "frozen", far above a loaded CI machine's jitter.
// AddressSanitizer makes everything 2-4 times slower (the asan suite runs this test too).
#if defined(__SANITIZE_ADDRESS__)
constexpr qint64 kMaxStallMs = 6000;
#else
constexpr qint64 kMaxStallMs = 1500;
#endif

std::shared_ptr<const RenderedNode> analyse(NodePane& pane, const QByteArray& text,
                                            qint64* longestStallMs)
{
    QSignalSpy rendered(&pane, &NodePane::nodeRendered);
    LoopWatch loop;
    pane.setNodeText(text);
    if (!rendered.wait(120000))
        return nullptr;
    QTest::qWait(100); // the editor's markers and annotations land after the signal
    *longestStallMs = loop.longestGapMs();
    return pane.lastRender();
}

} // namespace

class TestHostileGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tenThousandTemplatesAgainstAHundredThousandKeys()
    {
        JsonValue::Object members;
        for (int i = 0; i < 100000; ++i)
            members.emplace_back("k" + std::to_string(i), JsonValue(i));
        const JsonValue context(std::move(members));
        QByteArray node = R"({"identifier":"many","title":"Many","config":{"type":"KAFKA",)"
                          R"("payload":{)";
        for (int i = 0; i < 10000; ++i)
            node += (i ? ",\n" : "\n") + QByteArray("  \"t") + QByteArray::number(i) +
                    "\": \"{{ .k" + QByteArray::number(i * 10) + " }}\"";
        node += "\n}}}";
        NodePane pane;
        pane.resize(900, 700);
        pane.show();
        RenderOptions options;
        pane.setRenderInput(context, options);
        qint64 stall = 0;
        QElapsedTimer clock;
        clock.start();
        const auto r = analyse(pane, node, &stall);
        qInfo("10,000 templates: rendered in %lld ms, longest UI stall %lld ms", clock.elapsed(),
              stall);
        QVERIFY(r);
        QVERIFY2(r->ok, r->error.c_str());
        QCOMPARE(r->templates.size(), size_t(10000));
        QCOMPARE(r->templates[9999].value.toNumber(), 99990.0);
        QVERIFY2(stall < kMaxStallMs, qPrintable(QString::number(stall)));
    }

    void nulInvalidUtf8AndDeepNestingArePositionedErrors()
    {
        NodePane pane;
        pane.show();
        const QList<QPair<QByteArray, QString>> cases = {
            {QByteArray("{\"identifier\":\"a\0b\"}", 20), QStringLiteral("1:17")},
            {QByteArray("{\"identifier\":\"a\xff\xfe\"}"), QStringLiteral("1:17")},
            {QByteArray(100000, '[') + QByteArray(100000, ']'), QString()},
        };
        for (const auto& [text, where] : cases) {
            qint64 stall = 0;
            const auto r = analyse(pane, text, &stall);
            QVERIFY(r);
            QVERIFY(!pane.diagnostics().empty());
            // The one about the bad bytes, at their position (others, like a missing
            // "config", may come first).
            const Diagnostic* found = &pane.diagnostics().front();
            for (const Diagnostic& d : pane.diagnostics())
                if (QStringLiteral("%1:%2").arg(d.range.begin.line).arg(d.range.begin.column) ==
                    where)
                    found = &d;
            qInfo("%s at %d:%d (stall %lld ms)", found->message.c_str(), found->range.begin.line,
                  found->range.begin.column, stall);
            if (!where.isEmpty())
                QCOMPARE(QStringLiteral("%1:%2")
                             .arg(found->range.begin.line)
                             .arg(found->range.begin.column),
                         where);
            QCOMPARE(pane.nodeText(), text); // the editor keeps every byte
            QVERIFY2(stall < kMaxStallMs, qPrintable(QString::number(stall)));
        }
    }

    void hundredMegabyteMessageInTheRunsTable()
    {
        RunsPane pane;
        pane.resize(1000, 700);
        pane.show();
        auto big = std::make_shared<KafkaRecord>();
        big->topic = "acme.runs";
        big->offset = 7;
        big->value = "{\"context\":{\"runId\":\"wfnr_Huge000000000001\"},\"payload\":\"" +
                     std::string(100 * 1024 * 1024, 'x') + "\"}";
        auto batch = std::make_shared<std::vector<WatchedMessage>>();
        batch->push_back({big, MessageDecoder::decode(*big)});
        LoopWatch loop;
        pane.model()->appendBatch(batch);
        auto* table = pane.findChild<QTableView*>(QStringLiteral("runsTable"));
        table->selectRow(0);
        QTest::qWait(200);
        auto* detail = pane.findChild<MessageDetailView*>(QStringLiteral("runsDetail"));
        const QString shown = detail->valueView()->shownText();
        qInfo("100 MB message: detail shows %lld characters, longest UI stall %lld ms",
              qint64(shown.size()), loop.longestGapMs());
        QVERIFY(shown.contains(QLatin1String("wfnr_Huge000000000001")));
        QVERIFY(detail->valueView()->isPartial()); // the first 256 KiB, "Show all" for the rest
        // (plus the line breaks that keep Scintilla from laying out one 256 KiB line)
        QVERIFY(shown.size() < qsizetype(MessageValueView::kLazyBytes) + 1000);
        QVERIFY(pane.findChild<QAction*>(QStringLiteral("runsSaveValue"))->isEnabled());
        QVERIFY2(loop.longestGapMs() < kMaxStallMs,
                 qPrintable(QString::number(loop.longestGapMs())));
    }
};

QTEST_MAIN(TestHostileGui)
#include "tst_hostile_gui.moc"
