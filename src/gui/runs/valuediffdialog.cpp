// SPDX-License-Identifier: GPL-3.0-or-later
#include "valuediffdialog.h"

#include "core/valuediff.h"
#include "gui/systemtheme.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>
#include <QVBoxLayout>

namespace porthole {
namespace {

using Mark = ValueDiffDialog::Row::Mark;
using Kind = LineDiff::Line::Kind;

// Aligned rows: inside each run of edits, the n-th removed line faces the n-th added one.
std::vector<ValueDiffDialog::Row> alignedRows(const ValueDiff::Result& r)
{
    std::vector<ValueDiffDialog::Row> rows;
    QStringList removed, added;
    const auto flush = [&] {
        for (qsizetype i = 0; i < std::max(removed.size(), added.size()); ++i) {
            const bool l = i < removed.size(), rt = i < added.size();
            rows.push_back({l && rt ? Mark::Changed
                            : l     ? Mark::Removed
                                    : Mark::Added,
                            l ? removed[i] : QString(), rt ? added[i] : QString()});
        }
        removed.clear();
        added.clear();
    };
    for (const LineDiff::Line& line : r.lines) {
        if (line.kind == Kind::Removed) {
            removed << r.left.lines[line.left];
        } else if (line.kind == Kind::Added) {
            added << r.right.lines[line.right];
        } else {
            flush();
            rows.push_back({Mark::Same, r.left.lines[line.left], r.right.lines[line.right]});
        }
    }
    flush();
    return rows;
}

QString describe(const KafkaRecord& m, const ValueDiff::Side& side)
{
    static const char* const forms[] = {QT_TR_NOOP("tombstone (null value)"),
                                        QT_TR_NOOP("JSON, keys sorted"), QT_TR_NOOP("text"),
                                        QT_TR_NOOP("binary, as hex")};
    const QString key =
        m.key ? ValueDiffDialog::tr("key %1").arg(
                    QString::fromUtf8(m.key->data(), qsizetype(m.key->size())).left(60))
              : ValueDiffDialog::tr("null key");
    QString text =
        ValueDiffDialog::tr("Partition %1 · offset %2 · %3 · %4 · %5")
            .arg(m.partition)
            .arg(m.offset)
            .arg(m.timestamp < 0
                     ? ValueDiffDialog::tr("no time")
                     : QDateTime::fromMSecsSinceEpoch(m.timestamp).toString(Qt::ISODateWithMs),
                 key, ValueDiffDialog::tr(forms[int(side.form)]));
    if (side.cut)
        text += ValueDiffDialog::tr(" · only the first %1 compared")
                    .arg(QLocale().formattedDataSize(qint64(ValueDiff::kMaxBytes)));
    return text;
}

QString summaryOf(const ValueDiff::Result& r)
{
    if (r.bothJson) {
        if (r.keys.empty())
            return ValueDiffDialog::tr("The values are the same JSON (keys sorted, spacing "
                                       "ignored).");
        static const char* const kinds[] = {QT_TR_NOOP("changed"), QT_TR_NOOP("added"),
                                            QT_TR_NOOP("removed")};
        QStringList named;
        for (const auto& k : r.keys)
            named << QStringLiteral("%1 (%2)").arg(
                k.path.isEmpty() ? ValueDiffDialog::tr("the whole value") : k.path,
                ValueDiffDialog::tr(kinds[int(k.kind)]));
        QString list = named.mid(0, 6).join(QStringLiteral(", "));
        if (named.size() > 6)
            list += ValueDiffDialog::tr(" and %n more", nullptr, int(named.size() - 6));
        return ValueDiffDialog::tr("%n key(s) differ: ", nullptr, int(r.keys.size())) + list;
    }
    if (r.removedLines == 0 && r.addedLines == 0)
        return ValueDiffDialog::tr("The values are the same.");
    return ValueDiffDialog::tr("%n line(s) removed, ", nullptr, r.removedLines) +
           ValueDiffDialog::tr("%n added", nullptr, r.addedLines);
}

QColor mixed(const QColor& base, const QColor& tone, double amount)
{
    return QColor::fromRgbF(float(base.redF() * (1 - amount) + tone.redF() * amount),
                            float(base.greenF() * (1 - amount) + tone.greenF() * amount),
                            float(base.blueF() * (1 - amount) + tone.blueF() * amount));
}

QPlainTextEdit* sideView(const QString& name, QWidget* parent)
{
    auto* view = new QPlainTextEdit(parent);
    view->setObjectName(name);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return view;
}

} // namespace

ValueDiffDialog::ValueDiffDialog(const KafkaRecord& left, const KafkaRecord& right, QWidget* parent)
    : QDialog(parent), m_summary(new QLabel(this)),
      m_leftView(sideView(QStringLiteral("valueDiffLeft"), this)),
      m_rightView(sideView(QStringLiteral("valueDiffRight"), this))
{
    setObjectName(QStringLiteral("runsValueDiff"));
    setWindowTitle(tr("Compare values"));
    setAttribute(Qt::WA_DeleteOnClose);
    const ValueDiff::Result result = ValueDiff::compare(left.value, right.value);
    m_rows = alignedRows(result);
    m_summary->setObjectName(QStringLiteral("valueDiffSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QString summary = summaryOf(result);
    if (result.gaveUp)
        summary += tr(" The values differ too much for a line-by-line match: the differing "
                      "part is shown as removed, then added.");
    m_summary->setText(summary);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);

    auto* leftLabel = new QLabel(describe(left, result.left), this);
    auto* rightLabel = new QLabel(describe(right, result.right), this);
    for (QLabel* l : {leftLabel, rightLabel}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    auto* legend = new QLabel(tr("- only on the left · + only on the right · ~ changed"), this);
    legend->setForegroundRole(QPalette::PlaceholderText);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* grid = new QGridLayout;
    grid->addWidget(leftLabel, 0, 0);
    grid->addWidget(rightLabel, 0, 1);
    grid->addWidget(m_leftView, 1, 0);
    grid->addWidget(m_rightView, 1, 1);
    grid->setRowStretch(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(grid, 1);
    layout->addWidget(legend);
    layout->addWidget(buttons);
    // Both sides scroll together: the rows are aligned.
    for (auto [from, to] : {std::pair{m_leftView, m_rightView}, {m_rightView, m_leftView}}) {
        connect(from->verticalScrollBar(), &QScrollBar::valueChanged, to->verticalScrollBar(),
                &QScrollBar::setValue);
        connect(from->horizontalScrollBar(), &QScrollBar::valueChanged, to->horizontalScrollBar(),
                &QScrollBar::setValue);
    }
    fill();
    resize(1000, 620);
}

QString ValueDiffDialog::summary() const
{
    return m_summary->text();
}

void ValueDiffDialog::fill()
{
    const QColor base = palette().color(QPalette::Base);
    const QColor gone = mixed(base, SystemTheme::color(SystemTheme::Tone::Problem), 0.22);
    const QColor come = mixed(base, SystemTheme::color(SystemTheme::Tone::Good), 0.22);
    const QColor none = palette().color(QPalette::AlternateBase);
    QStringList leftText, rightText;
    leftText.reserve(qsizetype(m_rows.size()));
    rightText.reserve(qsizetype(m_rows.size()));
    static const QString marks[] = {QStringLiteral("  "), QStringLiteral("- "),
                                    QStringLiteral("+ "), QStringLiteral("~ ")};
    for (const Row& row : m_rows) {
        const QString& mark = marks[int(row.mark)];
        leftText << (row.mark == Mark::Added ? QString() : mark + row.left);
        rightText << (row.mark == Mark::Removed ? QString() : mark + row.right);
    }
    m_leftView->setPlainText(leftText.join(QLatin1Char('\n')));
    m_rightView->setPlainText(rightText.join(QLatin1Char('\n')));
    // Whole-line backgrounds for the rows that differ (the editors' own selection stays).
    for (const bool isLeft : {true, false}) {
        QPlainTextEdit* view = isLeft ? m_leftView : m_rightView;
        QList<QTextEdit::ExtraSelection> marked;
        QTextBlock block = view->document()->firstBlock();
        for (const Row& row : m_rows) {
            if (row.mark != Mark::Same) {
                const bool absent = row.mark == (isLeft ? Mark::Added : Mark::Removed);
                QTextEdit::ExtraSelection s;
                s.cursor = QTextCursor(block);
                s.format.setBackground(absent ? none : isLeft ? gone : come);
                s.format.setProperty(QTextFormat::FullWidthSelection, true);
                marked << s;
            }
            block = block.next();
        }
        view->setExtraSelections(marked);
    }
}

} // namespace porthole
