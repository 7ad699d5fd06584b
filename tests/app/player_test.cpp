// The player and its pacing: stepping at every granularity, playing,
// speed, and reloading a run.
#include "player/pacing.h"
#include "player/player.h"
#include "scenario/runner.h"
#include "scenario/scenario_file.h"
#include "trace/navigation.h"
#include "trace/snapshot.h"

#include <QFile>
#include <QSignalSpy>
#include <QtTest>

using namespace ascope;
using trace::Granularity;

namespace {

trace::Trace runScenario(const QString &name)
{
    QFile file(QStringLiteral(ASYNCSCOPE_TEST_SCENARIOS_DIR "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read scenario %s", qPrintable(name));
    const std::string source = file.readAll().toStdString();
    trace::Trace t;
    RunOptions options;
    options.trace = &t;
    options.onOutput = [](Stream, std::string_view) {};
    runSource(name.toStdString(), source, options);
    return t;
}

// Every event lasts 100 ms except the selector's waits, which show nothing
// on their own.
double testDuration(const trace::Event &e)
{
    return e.kind == trace::EventKind::SelectWait ? 0.0 : 100.0;
}

const Granularity kAll[] = {Granularity::Event, Granularity::Line, Granularity::Iteration, Granularity::Cue};

} // namespace

class PlayerTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_trace = runScenario(QStringLiteral("05_two_sleepers.py"));
        QVERIFY(m_trace.size() > 50);
        QFile file(QStringLiteral(ASYNCSCOPE_TEST_SCENARIOS_DIR "/05_two_sleepers.py"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto meta = scenario::parseScenarioMeta(file.readAll().toStdString());
        for (const auto &stop : scenario::cueStops(m_trace, meta.cues))
            m_cueStops.push_back(stop.event);
    }

    void pacingSkipsInstantEvents()
    {
        Pacing pacing(m_trace, testDuration);
        QCOMPARE(pacing.size(), m_trace.size());
        for (double ms = 0; ms < pacing.total(); ms += 7.0) {
            const PlaybackPoint p = pacing.at(ms);
            QVERIFY(pacing.duration(p.position) > 0);
            QVERIFY(p.progress >= 0.0 && p.progress <= 1.0);
            QVERIFY(pacing.start(p.position) <= ms && ms < pacing.start(p.position) + pacing.duration(p.position));
        }
        QCOMPARE(pacing.at(pacing.total() + 5), (PlaybackPoint{m_trace.size() - 1, 1.0}));
        QCOMPARE(pacing.at(-3).position, size_t(0));
        QCOMPARE(Pacing().at(10), PlaybackPoint{});
    }

    // From every stop reached going forward, a step forward then a step back
    // shows exactly the snapshot it left, at every granularity.
    void stepBackAfterStepForwardRestoresTheSnapshot_data()
    {
        QTest::addColumn<int>("granularity");
        QTest::newRow("event") << int(Granularity::Event);
        QTest::newRow("line") << int(Granularity::Line);
        QTest::newRow("iteration") << int(Granularity::Iteration);
        QTest::newRow("cue") << int(Granularity::Cue);
    }
    void stepBackAfterStepForwardRestoresTheSnapshot()
    {
        QFETCH(int, granularity);
        const auto g = Granularity(granularity);
        trace::TraceIndex index(m_trace, 16);
        Player player;
        player.load(trace::StopIndex(m_trace, m_cueStops), Pacing(m_trace, testDuration), false);
        QCOMPARE(player.position(), size_t(0));
        size_t steps = 0;
        while (player.position() + 1 < m_trace.size()) {
            const size_t here = player.position();
            const trace::Snapshot before = index.snapshotAt(here);
            player.stepForward(g);
            player.advance(10'000);  // finish the glide
            QCOMPARE(player.progress(), 1.0);
            QVERIFY(player.position() > here);
            const size_t there = player.position();
            player.stepBack(g);
            player.advance(10'000);
            QCOMPARE(player.position(), here);
            QCOMPARE(player.progress(), 1.0);
            QVERIFY(index.snapshotAt(player.position()) == before);
            player.seek(there);
            ++steps;
        }
        QVERIFY(steps >= (g == Granularity::Event ? m_trace.size() - 1 : 1));
        if (g == Granularity::Cue)
            QCOMPARE(steps, size_t(m_cueStops.size() + 1));
    }

    void stepGlidesFromWhereItWas()
    {
        Player player;
        player.load(trace::StopIndex(m_trace, m_cueStops), Pacing(m_trace, testDuration), false);
        player.stepForward(Granularity::Iteration);
        const size_t target = player.position();
        QVERIFY(target > 1);
        QCOMPARE(player.from(), 0L);
        QCOMPARE(player.progress(), 0.0);
        player.advance(Player::kStepMs / 2);
        QVERIFY(player.progress() > 0.4 && player.progress() < 0.6);
        player.advance(Player::kStepMs);
        QCOMPARE(player.progress(), 1.0);
        QVERIFY(!player.isAnimating());
        // Going to the start glides back; the shown state is then the first one.
        player.goToStart();
        QCOMPARE(player.from(), long(target));
        QCOMPARE(player.position(), size_t(0));
    }

    void playFollowsThePacingAndStopsAtTheEnd()
    {
        Pacing pacing(m_trace, testDuration);
        Player player;
        player.load(trace::StopIndex(m_trace, m_cueStops), pacing, false);
        QSignalSpy playing(&player, &Player::playingChanged);
        player.play();
        QVERIFY(player.isPlaying());
        player.advance(1234);
        const PlaybackPoint expected = pacing.at(pacing.start(1) + 1234);
        QCOMPARE(player.position(), expected.position);
        QCOMPARE(player.from(), long(expected.position) - 1);
        QCOMPARE(player.progress(), expected.progress);
        // Twice the speed: the same wall time covers twice the schedule.
        player.setSpeed(2.0);
        player.advance(100);
        QCOMPARE(player.position(), pacing.at(pacing.start(1) + 1234 + 200).position);
        player.advance(pacing.total());
        QVERIFY(!player.isPlaying());
        QCOMPARE(player.position(), m_trace.size() - 1);
        QCOMPARE(player.progress(), 1.0);
        QCOMPARE(playing.count(), 2);
        // Play at the end starts again from the beginning.
        player.play();
        player.advance(1);
        QVERIFY(player.position() < 5);
        // Pausing mid-transition shows a whole snapshot.
        player.advance(50);
        player.pause();
        QCOMPARE(player.progress(), 1.0);
    }

    void speedIsClamped()
    {
        Player player;
        player.setSpeed(10);
        QCOMPARE(player.speed(), Player::kMaxSpeed);
        player.setSpeed(0.01);
        QCOMPARE(player.speed(), Player::kMinSpeed);
    }

    void reloadKeepsThePositionWhenItStillExists()
    {
        Player player;
        player.load(trace::StopIndex(m_trace, m_cueStops), Pacing(m_trace, testDuration), false);
        player.seek(40);
        player.load(trace::StopIndex(m_trace, m_cueStops), Pacing(m_trace, testDuration), true);
        QCOMPARE(player.position(), size_t(40));
        trace::Trace shorter;
        for (size_t i = 0; i < 10; ++i)
            shorter.append(m_trace[i]);
        player.load(trace::StopIndex(shorter, {}), Pacing(shorter, testDuration), true);
        QCOMPARE(player.position(), size_t(9));
        player.load(trace::StopIndex(m_trace, m_cueStops), Pacing(m_trace, testDuration), false);
        QCOMPARE(player.position(), size_t(0));
        // An empty run: nothing to step through, nothing breaks.
        trace::Trace empty;
        player.load(trace::StopIndex(empty, {}), Pacing(empty, testDuration), true);
        player.stepForward(Granularity::Line);
        player.play();
        QVERIFY(!player.isPlaying());
        QCOMPARE(player.position(), size_t(0));
    }

private:
    trace::Trace m_trace;
    std::vector<size_t> m_cueStops;
};

QTEST_GUILESS_MAIN(PlayerTest)
#include "player_test.moc"
