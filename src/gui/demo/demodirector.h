// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demo/democonsumer.h"
#include "democounts.h"
#include "gui/windowparts.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>

class QAction;

namespace porthole {

class CaptionBanner;
class DemoEndScreen;
class DemoLauncher;
class Spotlight;
struct LocalApiCall;

/// Tells Porthole's story to someone who has never seen Port, on the sandbox, one captioned
/// chapter at a time with a frame around the widget each caption talks about: the node and its
/// templates' values; three runs published, signed; a consumer (DemoConsumer, standing in for
/// Port's agent) picking them up while the Runs tab's statuses change; one run failing, with
/// Port's answer; that run's timeline; the last run reported by hand from its row; then an end
/// screen that stays until the user leaves. Everything is asynchronous (timers and signals,
/// never a wait loop), so the window stays live; Esc leaves at any moment.
///
/// The story plays in the window it is given. A user's window does not play it: its Demo
/// action starts `porthole --demo`, a process with its own sandbox and throw-away settings
/// (DemoLauncher, DemoHome), which plays it (setPlaysHere).
class DemoDirector : public QObject
{
    Q_OBJECT
public:
    /// The chapters, in order; the caption counts them ("3/7").
    enum Chapter
    {
        NotPlaying,
        TheNode,
        TheValues,
        ThePublish,
        TheConsumer,
        TheFailure,
        TheTimeline,
        TheReport,
        TheEnd
    };
    Q_ENUM(Chapter)
    static constexpr int kChapters = 7;
    static constexpr int kRuns = 3;

    explicit DemoDirector(const WindowParts& parts);
    ~DemoDirector() override;

    /// The least time each chapter stays on screen, and the demo consumer's pace (0 in tests).
    void setPaceMs(int ms) { m_paceMs = std::max(0, ms); }
    int paceMs() const { return m_paceMs; }
    /// True in the demo's own process (and tests): the Demo action plays here instead of
    /// starting a demo process.
    void setPlaysHere(bool here) { m_playsHere = here; }
    DemoLauncher* launcher() const { return m_launcher; }
    /// The toolbar's "Demo" button: plays (or launches) the demo, or leaves the one playing.
    QAction* action() const { return m_action; }
    bool isRunning() const { return m_running; }
    const DemoCounts& counts() const { return m_counts; }
    /// The caption on screen (empty when none).
    QString caption() const;
    Chapter chapter() const { return m_chapter; }
    /// Every chapter shown since start(), in order.
    const QList<Chapter>& chaptersShown() const { return m_shown; }
    /// The widget the frame is drawn around (null: none).
    QWidget* spotlighted() const;
    /// The node runs the demo published, in order (the second fails, the third is reported
    /// by hand).
    const QStringList& runIds() const { return m_runIds; }
    DemoEndScreen* endScreen() const { return m_end; }
    /// The line(s) under the caption: each run's state (and Port's answer while it matters).
    QString trail() const;

public Q_SLOTS:
    /// Plays the story here from its first chapter (no-op while playing).
    void start();
    /// Leaves the demo: stops a playing story (finished(false, …) follows) and closes the end
    /// screen; left() follows.
    void leave();

Q_SIGNALS:
    /// The story ended: `ok` when every count matched (see DemoCounts::complete()); the end
    /// screen is up, or the demo was left.
    void finished(bool ok, const QString& countsLine);
    /// The user left the demo (Esc, "Start using Porthole").
    void left();
    /// A caption went up, framing `target` (null: none).
    void captionShown(porthole::DemoDirector::Chapter chapter, const QString& caption,
                      QWidget* target);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void chapterNode();
    void chapterValues();
    void chapterPublish();
    void publishNext();
    void chapterConsumer();
    void chapterFailure();
    void chapterTimeline();
    void chapterReport();
    void theEnd();
    void waitThen(int holdPaces, std::function<bool()> ready, std::function<void()> next);
    void poll();
    void show(Chapter chapter, const QString& text, QWidget* target);
    void setRunState(int run, const QString& state);
    void onPublished(qint64 delivered, qint64 failed);
    void onRowsInserted(int first, int last);
    void onCallRecorded(const LocalApiCall& call);
    void startConsumer();
    void selectRunRow(const QString& runId);
    void fail(const QString& why);
    void stop(bool ok);
    int runIndex(const QString& id) const { return int(m_runIds.indexOf(id)); }

    WindowParts m_parts;
    CaptionBanner* m_banner;
    Spotlight* m_spotlight;
    DemoEndScreen* m_end;
    DemoLauncher* m_launcher;
    QAction* m_action;
    QPointer<DemoConsumer> m_consumer;
    QTimer m_poll;
    QTimer m_timeout;
    QElapsedTimer m_stageClock;
    int m_holdMs = 0;
    std::function<bool()> m_ready;
    std::function<void()> m_next;
    Chapter m_chapter = NotPlaying;
    QList<Chapter> m_shown;
    DemoCounts m_counts;
    QStringList m_runIds;
    QStringList m_runStates; // one short line per run, under the caption
    QSet<QString> m_consumerGot;
    QSet<QString> m_reportedRuns;
    QSet<QString> m_completedRuns;
    QSet<QString> m_failedRuns;
    QString m_portAnswer; // what Port said to the failing run's mistake
    int m_portStatus = 0; // and its HTTP status
    QString m_trailNote;  // a second line under the run states (Port's answer)
    int m_paceMs = 1500;
    bool m_running = false;
    bool m_playsHere = false;
    bool m_publishing = false;
    bool m_reportSent = false;
};

} // namespace porthole
