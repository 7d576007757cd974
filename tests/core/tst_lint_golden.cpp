// SPDX-License-Identifier: GPL-3.0-or-later
// Golden folders: tests/data/lint/<case>/input.json is linted and compared with expected.txt
// (the `porthole-cli lint` text format, file name "input.json"). Every example node from
// resources/examples/nodes must lint clean at the structural level.
#include "core/diagnosticformat.h"
#include "core/nodevalidator.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace porthole;

namespace {
std::string readAll(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray b = f.readAll();
    return std::string(b.constData(), size_t(b.size()));
}
} // namespace

class TestLintGolden : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void golden_data()
    {
        QTest::addColumn<QString>("dir");
        const QDir root(QStringLiteral(PORTHOLE_TEST_DATA "/lint"));
        const auto cases = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QVERIFY(cases.size() >= 20);
        for (const QString& c : cases)
            QTest::newRow(qPrintable(c)) << root.filePath(c);
    }
    void golden()
    {
        QFETCH(QString, dir);
        QVERIFY(QFile::exists(dir + QStringLiteral("/expected.txt")));
        const std::string input = readAll(dir + QStringLiteral("/input.json"));
        const std::string expected = readAll(dir + QStringLiteral("/expected.txt"));
        const std::string actual = DiagnosticFormat::text("input.json", NodeValidator::lint(input));
        QCOMPARE(QString::fromStdString(actual), QString::fromStdString(expected));
    }

    void exampleNodes_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(PORTHOLE_EXAMPLES_DIR "/nodes"));
        const auto files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 5);
        for (const QString& f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }
    void exampleNodes()
    {
        QFETCH(QString, file);
        const auto diags = NodeValidator::lint(readAll(file));
        QCOMPARE(QString::fromStdString(DiagnosticFormat::text("node", diags)), QString());
    }
};

QTEST_GUILESS_MAIN(TestLintGolden)
#include "tst_lint_golden.moc"
