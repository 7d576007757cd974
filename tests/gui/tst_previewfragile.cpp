// SPDX-License-Identifier: GPL-3.0-or-later
// The preview warns where a signed message would be fragile: Port writes numbers the
// JavaScript way, its agent verifies over Python's spelling (0.00001 vs 1e-05).
#include "gui/preview/previewpane.h"
#include "template/noderenderer.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QTest>

using namespace porthole;

class TestPreviewFragile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fragileValuesAreNamed()
    {
        PreviewPane pane;
        const std::string node = R"({"identifier":"n","title":"N","config":{"type":"KAFKA",
            "payload":{"ratio":"{{ 0.00001 }}","tiny":["{{ 1e-7 }}"],"fine":"{{ 0.5 }}"}}})";
        auto rendered = std::make_shared<const RenderedNode>(renderNode(node, JsonValue::object()));
        QVERIFY2(rendered->ok, rendered->error.c_str());
        pane.showRender(rendered);
        const QString text =
            pane.findChild<QPlainTextEdit*>(QStringLiteral("renderedMessages"))->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("signature fragile at .payload.ratio: JavaScript "
                                              "writes 0.00001, Python's json.dumps writes 1e-05")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("signature fragile at .payload.tiny[0]")));
        QVERIFY(!text.contains(QStringLiteral(".payload.fine")));
        QVERIFY(pane.findChild<QLabel*>(QStringLiteral("renderSummary"))
                    ->text()
                    .contains(QStringLiteral("fragile at 2 value(s)")));
    }
};

QTEST_MAIN(TestPreviewFragile)
#include "tst_previewfragile.moc"
