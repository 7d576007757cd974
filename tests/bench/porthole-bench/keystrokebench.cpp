// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-bench keystroke NODE.json [--context CTX.json] [--edits N]
// Types N edits into the node editor (offscreen, the real NodePane + PreviewPane of a
// MainWindow) and prints {"p50Ms","p95Ms","maxMs","edits","templates"}: for each edit, the time
// from the key event to the preview showing a render of the text with that edit in it.
// NODE.json "-" generates a 200-template node. A benchmark: it never fails on speed.
#include "benchutil.h"
#include "support/panes.h"

#include "gui/mainwindow.h"
#include "gui/node/nodeeditor.h"
#include "gui/node/nodepane.h"
#include "gui/preview/previewpane.h"
#include "sandbox/sandbox.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <algorithm>
#include <cstdio>

namespace porthole::bench {
namespace {

QByteArray generatedNode(int templates)
{
    QByteArray payload;
    for (int i = 0; i < templates; ++i)
        payload += QStringLiteral("%1\"f%2\": \"{{ .outputs.trigger.service + \\\"-%2\\\" }}\"")
                       .arg(i ? QStringLiteral(",\n      ") : QString())
                       .arg(i)
                       .toUtf8();
    return "{\n  \"identifier\": \"bench\",\n  \"title\": \"Bench\",\n  \"config\": {\n"
           "    \"type\": \"KAFKA\",\n    \"payload\": {\n      " +
           payload + ",\n      \"typed\": \"\"\n    }\n  }\n}\n";
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        std::exit(1);
    }
    return f.readAll();
}

} // namespace

int runKeystroke(const QStringList& args)
{
    const QString nodePath = args.value(0);
    if (nodePath.isEmpty() || nodePath.startsWith(QLatin1String("--")))
        usage("keystroke needs NODE.json (- for a generated 200-template node)");
    const QString contextPath = option(args, QStringLiteral("--context"));
    const int edits =
        std::max(1, option(args, QStringLiteral("--edits"), QStringLiteral("50")).toInt());
    Sandbox sandbox;
    MainWindow w(&sandbox);
    w.show();
    NodePane* pane = test::pane<NodePane>(&w);
    if (!contextPath.isEmpty())
        test::pane<PreviewPane>(&w)->setContextText(readFile(contextPath));
    const QByteArray node =
        nodePath == QLatin1String("-") ? generatedNode(200) : readFile(nodePath);
    pane->setNodeText(node);
    if (!QTest::qWaitFor([&] { return pane->lastRender() != nullptr; }, 60000)) {
        std::fprintf(stderr, "the node never rendered\n");
        return 1;
    }
    const size_t templates = pane->lastRender()->templates.size();
    // Type inside the last string value (or at the end of the first line of a given node).
    int at = int(node.lastIndexOf("\"\""));
    at = at < 0 ? int(node.indexOf('\n')) : at + 1;
    NodeEditor* editor = pane->editor();
    editor->setFocus();
    editor->SendScintilla(QsciScintilla::SCI_GOTOPOS, long(at));

    std::vector<double> ms;
    QByteArray lastRendered;
    QObject::connect(pane, &NodePane::nodeRendered, pane, [&] { lastRendered = pane->nodeText(); });
    for (int i = 0; i < edits; ++i) {
        QElapsedTimer t;
        t.start();
        QTest::keyClick(editor, Qt::Key_X);
        const QByteArray want = pane->nodeText();
        if (!QTest::qWaitFor([&] { return lastRendered == want; }, 30000)) {
            std::fprintf(stderr, "edit %d never reached the preview\n", i);
            return 1;
        }
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        QTest::qWait(5); // a typist's gap, so edits are not all coalesced into one
    }
    std::sort(ms.begin(), ms.end());
    auto pct = [&](double p) { return ms[std::min(ms.size() - 1, size_t(p * double(ms.size())))]; };
    std::printf("{\"p50Ms\":%.1f,\"p95Ms\":%.1f,\"maxMs\":%.1f,\"edits\":%d,\"templates\":%zu}\n",
                pct(0.50), pct(0.95), ms.back(), edits, templates);
    return 0;
}

} // namespace porthole::bench
