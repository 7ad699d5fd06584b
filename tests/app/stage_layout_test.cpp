// The stage's geometry, tested as geometry: no painting, no display.
#include "render/stage_fonts.h"
#include "render/stage_layout.h"
#include "render/stage_painter.h"
#include "render/theme.h"
#include "stage_scenes.h"

#include <QGuiApplication>
#include <QTest>

#include <functional>
#include <set>

using namespace ascope;

Q_DECLARE_METATYPE(const Theme *)

namespace {

using SceneMaker = std::function<trace::Snapshot()>;

struct Scene
{
    const char *name;
    SceneMaker make;
};

const std::vector<Scene> &allScenes()
{
    static const std::vector<Scene> scenes = {
        {"empty", [] { return trace::Snapshot(); }},
        {"two_sleepers", scenes::twoSleepers},
        {"two_sleepers_task3_running", scenes::twoSleepersTask3Running},
        {"exceptions_and_cancel", scenes::exceptionsAndCancel},
        {"crowd_5", [] { return scenes::crowd(5); }},
        {"crowd_100", [] { return scenes::crowd(100); }},
        {"crowd_1000", [] { return scenes::crowd(1000); }},
        {"primitives", [] { return scenes::primitives(); }},
        {"primitives_crowded", [] { return scenes::primitives(40); }},
    };
    return scenes;
}

QStringList sourceLines()
{
    return QString::fromUtf8(scenes::sceneSource()).split(QLatin1Char('\n'));
}

StageGeometry layout(const trace::Snapshot &s, QSize size = QSize(1920, 1080), const Theme *theme = &Theme::standard(),
                     StageFocus focus = {}, Language language = Language::English)
{
    static const QStringList lines = sourceLines();
    StageContext ctx;
    ctx.theme = theme;
    ctx.size = QSizeF(size);
    ctx.language = language;
    ctx.focus = std::move(focus);
    ctx.source = &lines;
    ctx.sourceFile = "scene.py";
    if (s.runningHandle) {
        ctx.running.id = s.runningHandle;
        ctx.running.task = s.runningTask;
        ctx.running.label = s.runningTask ? "Task-" + std::to_string(s.runningTask) + ".__step" : "callback()";
    }
    return layoutStage(s, ctx);
}

bool isSolidObject(ItemRole role)
{
    switch (role) {
    case ItemRole::Task:
    case ItemRole::Handle:
    case ItemRole::Timer:
    case ItemRole::TimerGroup:
    case ItemRole::Group:
    case ItemRole::Primitive:
        return true;
    default:
        return false;
    }
}

std::vector<const StageItem *> itemsOf(const StageGeometry &g, ItemRole role)
{
    std::vector<const StageItem *> out;
    for (const StageItem &item : g.items)
        if (keyRole(item.key) == role)
            out.push_back(&item);
    return out;
}

QString describe(const StageGeometry &g, const StageItem &item)
{
    const QRectF r = g.absoluteRect(item.key);
    return QStringLiteral("role %1 id %2 '%3' at %4,%5 %6x%7")
        .arg(int(keyRole(item.key)))
        .arg(keyId(item.key))
        .arg(item.text)
        .arg(r.x())
        .arg(r.y())
        .arg(r.width())
        .arg(r.height());
}

} // namespace

class StageLayoutTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void scenesAtSizes_data();
    void cardsAndChipsDoNotOverlap_data() { scenesAtSizes_data(); }
    void cardsAndChipsDoNotOverlap();
    void everythingFitsOnTheStage_data() { scenesAtSizes_data(); }
    void everythingFitsOnTheStage();
    void textIsNeverBelowReadingSize_data() { scenesAtSizes_data(); }
    void textIsNeverBelowReadingSize();

    void stageScaleFollowsTheSmallerSide_data();
    void stageScaleFollowsTheSmallerSide();
    void readyQueueKeepsSnapshotOrderFrontNextToCpu();
    void thousandTasksAreGroupedNotShrunk();
    void focusedTaskStaysVisibleInACrowd();
    void objectsKeepTheirKeysAcrossSnapshots();
    void interpolationGlidesSharedItemsAndFadesOthers();
    void timersSitOnTheAxisByDeadlineNamingWhatTheyWake();
    void waitingTaskPointsToWhatItAwaitsAndItsWaker();
    void exceptionTokenSitsOnItsFrame();
    void cancelRequestedIsMarkedWithText();
    void stateIsWrittenNotOnlyColoured();
    void finishedTasksBecomeChipsWithOutcome();
    void frameRowsInnermostOnTopWithCode();
    void frenchLabels();
    void readyLaneOverflowKeepsTheEventsHandle();
    void moduleCodeHoldsTheCpuOnlyOutsideARunningLoop();
    void deepStackOnTheCpuKeepsEveryFrame();
    void exceptionTokenTravelsFromTheFailedTaskToItsAwaiter();
    void cancellationTokenStartsFromTheOrangeMark();
    void primitivesShowContentsHoldersAndWaiters();
    void primitivesThatDoNotFitAreCounted();
    void odometerRollsDigits_data();
    void odometerRollsDigits();
};

void StageLayoutTest::initTestCase()
{
    QVERIFY(Theme::loadBundledFonts());
}

void StageLayoutTest::scenesAtSizes_data()
{
    QTest::addColumn<int>("scene");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<const Theme *>("theme");
    const QList<QSize> sizes = {QSize(1920, 1080), QSize(1366, 768), QSize(1280, 720), QSize(960, 540),
                                QSize(3840, 2160), QSize(1200, 900)};
    for (size_t i = 0; i < allScenes().size(); ++i) {
        for (const QSize &size : sizes)
            QTest::addRow("%s %dx%d", allScenes()[i].name, size.width(), size.height())
                << int(i) << size << &Theme::standard();
        QTest::addRow("%s projector", allScenes()[i].name) << int(i) << QSize(1920, 1080) << &Theme::projector();
    }
}

void StageLayoutTest::cardsAndChipsDoNotOverlap()
{
    QFETCH(int, scene);
    QFETCH(QSize, size);
    QFETCH(const Theme *, theme);
    const StageGeometry g = layout(allScenes()[size_t(scene)].make(), size, theme);
    std::vector<std::pair<const StageItem *, QRectF>> solid;
    for (const StageItem &item : g.items)
        if (isSolidObject(keyRole(item.key)))
            solid.push_back({&item, g.absoluteRect(item.key)});
    for (size_t i = 0; i < solid.size(); ++i) {
        for (size_t j = i + 1; j < solid.size(); ++j) {
            const QRectF overlap = solid[i].second.intersected(solid[j].second);
            QVERIFY2(overlap.width() * overlap.height() < 1.0,
                     qPrintable(describe(g, *solid[i].first) + QStringLiteral(" overlaps ") + describe(g, *solid[j].first)));
        }
    }
}

void StageLayoutTest::everythingFitsOnTheStage()
{
    QFETCH(int, scene);
    QFETCH(QSize, size);
    QFETCH(const Theme *, theme);
    const StageGeometry g = layout(allScenes()[size_t(scene)].make(), size, theme);
    QCOMPARE(g.scale, stageScale(QSizeF(size)));
    const QRectF stage(QPointF(0, 0), g.size);
    for (const StageItem &item : g.items) {
        if (item.shape == StageItem::Shape::Line)
            continue;
        const QRectF r = g.absoluteRect(item.key);
        QVERIFY2(stage.adjusted(-0.5, -0.5, 0.5, 0.5).contains(r), qPrintable(describe(g, item)));
        // Children stay inside the card or chip they belong to.
        if (item.parent && keyRole(item.parent) == ItemRole::Task)
            QVERIFY2(g.absoluteRect(item.parent).adjusted(-0.5, -0.5, 0.5, 0.5).contains(r), qPrintable(describe(g, item)));
    }
    QVERIFY(stage.contains(g.titleRect));
    QVERIFY(stage.contains(g.eventRect));
}

void StageLayoutTest::textIsNeverBelowReadingSize()
{
    QFETCH(int, scene);
    QFETCH(QSize, size);
    QFETCH(const Theme *, theme);
    const StageGeometry g = layout(allScenes()[size_t(scene)].make(), size, theme);
    const StageFonts &fonts = StageFonts::of(*theme);
    int texts = 0;
    for (const StageItem &item : g.items) {
        if (item.shape != StageItem::Shape::Text && item.shape != StageItem::Shape::Counter)
            continue;
        ++texts;
        // In stage pixels: the device size is this times the scale, 1 at 1920×1080.
        QVERIFY2(theme->stageFontPx(item.font) >= theme->sizes.minTextPx, qPrintable(describe(g, item)));
        QVERIFY2(fonts.metrics(item.font, item.bold).height() <= item.rect.height() + 2, qPrintable(describe(g, item)));
        if (item.shape == StageItem::Shape::Text)
            QVERIFY2(fonts.width(item.font, item.bold, item.text) <= item.rect.width() + 0.5, qPrintable(describe(g, item)));
    }
    QVERIFY(texts > 5);
    QVERIFY(theme->sizes.minTextPx >= 18);
    QVERIFY(theme->stageFontPx(StageFont::Code) >= 20);
}

void StageLayoutTest::stageScaleFollowsTheSmallerSide_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("scale");
    QTest::newRow("full HD") << QSize(1920, 1080) << 1.0;
    QTest::newRow("4K") << QSize(3840, 2160) << 2.0;
    QTest::newRow("laptop 1366x768") << QSize(1366, 768) << 768.0 / 1080.0;
    QTest::newRow("tall widget") << QSize(1200, 1000) << 1200.0 / 1920.0;
    QTest::newRow("tiny widget stops at the minimum") << QSize(480, 270) << kMinStageScale;
    QTest::newRow("degenerate") << QSize(0, 0) << 1.0;
}

void StageLayoutTest::stageScaleFollowsTheSmallerSide()
{
    QFETCH(QSize, size);
    QFETCH(double, scale);
    QCOMPARE(stageScale(QSizeF(size)), scale);
}

void StageLayoutTest::readyQueueKeepsSnapshotOrderFrontNextToCpu()
{
    const trace::Snapshot s = scenes::crowd(20);
    QCOMPARE(s.ready.size(), size_t(5));
    const StageGeometry g = layout(s);
    const QRectF cpu = g.absoluteRect(itemKey(ItemRole::Region, uint64_t(StageRegion::Cpu)));
    double previous = cpu.right();
    for (const trace::HandleView &h : s.ready) {
        const QRectF chip = g.absoluteRect(itemKey(ItemRole::Handle, h.id));
        QVERIFY2(!chip.isNull(), h.label.c_str());
        QVERIFY2(chip.left() > previous, h.label.c_str());
        previous = chip.right();
        const StageItem *text = g.find(itemKey(ItemRole::HandleText, h.id));
        QVERIFY(text);
        QCOMPARE(text->text, QString::fromStdString(h.label));
    }
    // The lane feeds the CPU with an arrow.
    bool flow = false;
    for (const StageArrow &a : g.arrows)
        flow = flow || (a.kind == StageArrow::Kind::Flow && a.to == itemKey(ItemRole::Region, uint64_t(StageRegion::Cpu)));
    QVERIFY(flow);
}

void StageLayoutTest::thousandTasksAreGroupedNotShrunk()
{
    const trace::Snapshot s = scenes::crowd(1000);
    const StageGeometry g = layout(s);
    QVERIFY(g.groupedTasks > 900);
    QCOMPARE(g.shownTasks + g.groupedTasks, 1000);
    const StageItem *group = g.find(itemKey(ItemRole::GroupText, uint64_t(StageGroup::WaitingOnTimers)));
    QVERIFY(group);
    QVERIFY2(group->text.startsWith(QLatin1Char('+')) && group->text.endsWith(QStringLiteral("waiting on timers")),
             qPrintable(group->text));
    QVERIFY(g.find(itemKey(ItemRole::GroupText, uint64_t(StageGroup::Done))));
    // Timers too close to tell apart are counted, not piled up.
    QVERIFY(!itemsOf(g, ItemRole::TimerGroup).empty());
    QVERIFY(itemsOf(g, ItemRole::Timer).size() < 60);
    // Laid out in a few milliseconds, whatever the crowd: everything drawn is bounded.
    QVERIFY(g.items.size() < 700);
    // No web of arrows: in a crowd only the tasks of the event get theirs.
    QCOMPARE(std::count_if(g.arrows.begin(), g.arrows.end(),
                           [](const StageArrow &a) { return a.kind == StageArrow::Kind::WokenBy; }),
             0);
    StageFocus focus;
    focus.tasks = {9};
    const StageGeometry f = layout(s, QSize(1920, 1080), &Theme::standard(), focus);
    QCOMPARE(std::count_if(f.arrows.begin(), f.arrows.end(),
                           [](const StageArrow &a) { return a.kind == StageArrow::Kind::WokenBy; }),
             1);
}

void StageLayoutTest::focusedTaskStaysVisibleInACrowd()
{
    const trace::Snapshot s = scenes::crowd(1000);
    QCOMPARE(s.tasks[776].state, trace::TaskState::Waiting);
    QVERIFY(!layout(s).find(itemKey(ItemRole::Task, 777)));
    StageFocus focus;
    focus.tasks = {777};
    const StageGeometry g = layout(s, QSize(1920, 1080), &Theme::standard(), focus);
    const StageItem *card = g.find(itemKey(ItemRole::Task, 777));
    QVERIFY(card);
    QVERIFY(card->focus);
    // And the timer that will wake it, when it is the event's.
    StageFocus timerFocus;
    timerFocus.timer = s.timers.back().id;
    const StageGeometry t = layout(s, QSize(1920, 1080), &Theme::standard(), timerFocus);
    QVERIFY(t.find(itemKey(ItemRole::Timer, s.timers.back().id)));
}

void StageLayoutTest::objectsKeepTheirKeysAcrossSnapshots()
{
    const StageGeometry before = layout(scenes::twoSleepers());
    const StageGeometry after = layout(scenes::twoSleepersTask3Running());
    const QRectF cpu = after.absoluteRect(itemKey(ItemRole::Region, uint64_t(StageRegion::Cpu)));
    const QRectF ready = before.absoluteRect(itemKey(ItemRole::Region, uint64_t(StageRegion::Ready)));
    // Task-3's card moves from READY to the CPU, its step's handle with it.
    const ItemKey card = itemKey(ItemRole::Task, 3);
    QVERIFY(ready.contains(before.absoluteRect(card)));
    QVERIFY(cpu.contains(after.absoluteRect(card)));
    const ItemKey handle = itemKey(ItemRole::Handle, 3);
    QVERIFY(ready.contains(before.absoluteRect(handle)));
    QVERIFY(cpu.contains(after.absoluteRect(handle)));
    // Everything else keeps its key and place.
    for (uint64_t id : {1, 2})
        QCOMPARE(before.absoluteRect(itemKey(ItemRole::Task, id)), after.absoluteRect(itemKey(ItemRole::Task, id)));
    QCOMPARE(before.absoluteRect(itemKey(ItemRole::Timer, 4)), after.absoluteRect(itemKey(ItemRole::Timer, 4)));
    // Keys are unique within a geometry.
    for (const StageGeometry *g : {&before, &after}) {
        std::set<ItemKey> keys;
        for (const StageItem &item : g->items)
            QVERIFY2(keys.insert(item.key).second, qPrintable(describe(*g, item)));
    }
}

void StageLayoutTest::interpolationGlidesSharedItemsAndFadesOthers()
{
    const StageGeometry before = layout(scenes::twoSleepers());
    const StageGeometry after = layout(scenes::twoSleepersTask3Running());
    const ItemKey card = itemKey(ItemRole::Task, 3);
    const QRectF a = before.absoluteRect(card), b = after.absoluteRect(card);
    const StageGeometry mid = interpolateGeometry(before, after, 0.5);
    const StageItem *m = mid.find(card);
    QVERIFY(m);
    QCOMPARE(m->parent, ItemKey(0));
    QVERIFY(std::abs(m->rect.center().x() - (a.center().x() + b.center().x()) / 2) < 0.01);
    QVERIFY(std::abs(m->rect.width() - (a.width() + b.width()) / 2) < 0.01);
    // A frame row that appears with the step travels with its card and fades in.
    const ItemKey newFrame = itemKey(ItemRole::Frame, 3);
    QVERIFY(!before.find(newFrame) && after.find(newFrame));
    const StageItem *f = mid.find(newFrame);
    QVERIFY(f);
    QCOMPARE(f->opacity, 0.5);
    const QRectF visible = f->clip.isNull() ? f->rect : f->rect.intersected(f->clip);
    QVERIFY(m->rect.adjusted(-0.5, -0.5, 0.5, 0.5).contains(visible));
    QVERIFY(m->rect.contains(f->rect.topLeft()));
    // The ready lane's "empty" note appears; nothing vanishes abruptly.
    for (double u : {0.0, 1.0}) {
        const StageGeometry end = interpolateGeometry(before, after, u);
        const StageGeometry &ref = u == 0.0 ? before : after;
        for (const StageItem &item : ref.items) {
            const StageItem *e = end.find(item.key);
            QVERIFY(e);
            QVERIFY2(e->rect == ref.absoluteRect(item.key), qPrintable(describe(ref, item)));
        }
    }
    // The z order is kept (cards under the exception token).
    for (size_t i = 1; i < mid.items.size(); ++i)
        QVERIFY(mid.items[i - 1].z <= mid.items[i].z);
}

void StageLayoutTest::timersSitOnTheAxisByDeadlineNamingWhatTheyWake()
{
    const trace::Snapshot s = scenes::crowd(30);
    const StageGeometry g = layout(s);
    double lastX = -1, lastWhen = -1;
    int placed = 0;
    for (const trace::TimerView &t : s.timers) {
        // Timers too close to their neighbours are counted in a "+N" chip instead.
        const StageItem *stem = g.find(itemKey(ItemRole::TimerStem, t.id));
        if (!stem)
            continue;
        ++placed;
        const QRectF chip = g.absoluteRect(itemKey(ItemRole::Timer, t.id));
        const double x = chip.left() + stem->rect.left() + stem->rect.width();
        if (t.when > lastWhen)
            QVERIFY2(x > lastX, qPrintable(QString::number(t.when)));
        lastX = x;
        lastWhen = t.when;
    }
    QVERIFY(placed >= 10);
    int counted = 0;
    for (const StageItem *group : itemsOf(g, ItemRole::TimerGroupText))
        counted += group->text.mid(1).toInt();
    QCOMPARE(placed + counted, int(s.timers.size()));
    // two_sleepers: the timer at 2.0 wakes Task-2.
    const StageGeometry two = layout(scenes::twoSleepers());
    const StageItem *text = two.find(itemKey(ItemRole::TimerText, 4));
    QVERIFY(text);
    QCOMPARE(text->text, QStringLiteral("Task-2 · 2.0"));
}

void StageLayoutTest::waitingTaskPointsToWhatItAwaitsAndItsWaker()
{
    const StageGeometry g = layout(scenes::twoSleepers());
    const StageItem *pill = g.find(itemKey(ItemRole::AwaitedText, 2));
    QVERIFY(pill);
    QCOMPARE(pill->text, QStringLiteral("Future #5"));
    bool wokenByTimer = false;
    for (const StageArrow &a : g.arrows)
        wokenByTimer = wokenByTimer
            || (a.from == itemKey(ItemRole::Awaited, 2) && a.to == itemKey(ItemRole::Timer, 4)
                && a.kind == StageArrow::Kind::WokenBy);
    QVERIFY(wokenByTimer);

    // A task awaiting a task points at that task's card.
    const StageGeometry e = layout(scenes::exceptionsAndCancel());
    QCOMPARE(e.find(itemKey(ItemRole::AwaitedText, 1))->text, QStringLiteral("Task-2"));
    bool awaits = false;
    for (const StageArrow &a : e.arrows)
        awaits = awaits || (a.from == itemKey(ItemRole::Task, 1) && a.to == itemKey(ItemRole::Task, 2));
    QVERIFY(awaits);
}

void StageLayoutTest::primitivesShowContentsHoldersAndWaiters()
{
    const StageGeometry g = layout(scenes::primitives());
    // Each primitive is a box in WAITING, right of the cards.
    for (uint64_t id : {1, 2, 3})
        QVERIFY2(g.find(itemKey(ItemRole::Primitive, id)), qPrintable(QString::number(id)));
    const QRectF queue = g.absoluteRect(itemKey(ItemRole::Primitive, 1));
    for (uint64_t t : {1, 2, 3, 4, 5})
        QVERIFY(g.absoluteRect(itemKey(ItemRole::Task, t)).right() < queue.left());
    QCOMPARE(g.find(itemKey(ItemRole::PrimitiveText, 1, 0))->text, QStringLiteral("Queue"));
    QCOMPARE(g.find(itemKey(ItemRole::PrimitiveText, 1, 1))->text, QStringLiteral("size 2 / 2"));
    // The items, in the order they will come out, inside the box.
    const StageItem *first = g.find(itemKey(ItemRole::PrimitiveItemText, primitiveItemId(1, 1)));
    const StageItem *second = g.find(itemKey(ItemRole::PrimitiveItemText, primitiveItemId(1, 2)));
    QVERIFY(first && second);
    QCOMPARE(first->text, QStringLiteral("'job1'"));
    QVERIFY(g.absoluteRect(first->key).right() <= g.absoluteRect(second->key).left());
    QVERIFY(queue.contains(g.absoluteRect(second->key)));
    // Who waits, by operation.
    QCOMPARE(g.find(itemKey(ItemRole::PrimitiveText, 1, 2))->text, QStringLiteral("put() ← Task-2, Task-3"));
    // The lock: locked, held by Task-4, Task-5 waits.
    QCOMPARE(g.find(itemKey(ItemRole::PrimitiveText, 2, 1))->text, QStringLiteral("locked"));
    QCOMPARE(g.find(itemKey(ItemRole::PrimitiveHolderText, primitiveItemId(2, 4)))->text, QStringLiteral("Task-4"));
    QCOMPARE(g.find(itemKey(ItemRole::PrimitiveText, 3, 1))->text, QStringLiteral("○ not set"));
    // Arrows: each waiter's pill to its primitive; from the lock to its holder;
    // gather() to the tasks it waits for.
    auto arrow = [&g](ItemKey from, ItemKey to, StageArrow::Kind kind) {
        for (const StageArrow &a : g.arrows)
            if (a.from == from && a.to == to && a.kind == kind)
                return true;
        return false;
    };
    QVERIFY(arrow(itemKey(ItemRole::Awaited, 2), itemKey(ItemRole::Primitive, 1), StageArrow::Kind::Waits));
    QVERIFY(arrow(itemKey(ItemRole::Awaited, 3), itemKey(ItemRole::Primitive, 1), StageArrow::Kind::Waits));
    QVERIFY(arrow(itemKey(ItemRole::Awaited, 5), itemKey(ItemRole::Primitive, 2), StageArrow::Kind::Waits));
    QVERIFY(arrow(itemKey(ItemRole::Primitive, 2), itemKey(ItemRole::Task, 4), StageArrow::Kind::WokenBy));
    QVERIFY(arrow(itemKey(ItemRole::Awaited, 1), itemKey(ItemRole::Task, 2), StageArrow::Kind::Waits));
    QVERIFY(arrow(itemKey(ItemRole::Awaited, 1), itemKey(ItemRole::Task, 3), StageArrow::Kind::Waits));
    // The pills say what is awaited.
    QCOMPARE(g.find(itemKey(ItemRole::AwaitedText, 2))->text, QStringLiteral("Queue.put()"));
    QCOMPARE(g.find(itemKey(ItemRole::AwaitedText, 4))->text, QStringLiteral("sleep(1.0)"));
    // In French too.
    const StageGeometry fr = layout(scenes::primitives(), QSize(1920, 1080), &Theme::standard(), {}, Language::French);
    QCOMPARE(fr.find(itemKey(ItemRole::PrimitiveText, 2, 1))->text, QStringLiteral("verrouillé"));
    QCOMPARE(fr.find(itemKey(ItemRole::PrimitiveHolderText, primitiveItemId(2, 0)))->text, QStringLiteral("détenu par"));
}

void StageLayoutTest::primitivesThatDoNotFitAreCounted()
{
    // 43 primitives: the ones tasks wait on or that hold something come first; the rest are counted.
    trace::Snapshot s = scenes::primitives(40);
    StageFocus focus;
    focus.object = 25;   // the event is about one of the idle locks: it is shown too
    const StageGeometry g = layout(s, QSize(1920, 1080), &Theme::standard(), focus);
    QVERIFY(g.find(itemKey(ItemRole::Primitive, 1)));
    QVERIFY(g.find(itemKey(ItemRole::Primitive, 2)));
    QVERIFY(g.find(itemKey(ItemRole::Primitive, 25)));
    QVERIFY(g.find(itemKey(ItemRole::Primitive, 25))->focus);
    int shown = 0;
    for (const StageItem &item : g.items)
        shown += keyRole(item.key) == ItemRole::Primitive ? 1 : 0;
    QVERIFY(shown < 43);
    const StageItem *more = g.find(itemKey(ItemRole::MorePrimitives, 0));
    QVERIFY(more);
    QCOMPARE(more->text, QStringLiteral("+%1 more primitives").arg(43 - shown));
    // Every box stays inside WAITING.
    const QRectF waiting = g.absoluteRect(itemKey(ItemRole::Region, uint64_t(StageRegion::Waiting)));
    for (const StageItem &item : g.items)
        if (keyRole(item.key) == ItemRole::Primitive || keyRole(item.key) == ItemRole::MorePrimitives)
            QVERIFY2(waiting.contains(g.absoluteRect(item.key)), qPrintable(describe(g, item)));
}

void StageLayoutTest::exceptionTokenSitsOnItsFrame()
{
    const StageGeometry g = layout(scenes::exceptionsAndCancel());
    const QRectF token = g.absoluteRect(itemKey(ItemRole::Exception, 0));
    const QRectF frameRow = g.absoluteRect(itemKey(ItemRole::Frame, 5));
    QVERIFY(!token.isNull());
    QVERIFY(!frameRow.isNull());
    QVERIFY(frameRow.contains(token));
    // Beside the frame's label, not over it: "fetch() · line 15" stays readable.
    QVERIFY(!token.intersects(g.absoluteRect(itemKey(ItemRole::Frame, 5, 1))));
    const StageItem *text = g.find(itemKey(ItemRole::ExceptionText, 0));
    QVERIFY(text->text.contains(QStringLiteral("ValueError")));
    QCOMPARE(g.find(itemKey(ItemRole::Exception, 0))->fill, Theme::standard().stage.exception);
}

void StageLayoutTest::cancelRequestedIsMarkedWithText()
{
    const StageGeometry g = layout(scenes::exceptionsAndCancel());
    const StageItem *mark = g.find(itemKey(ItemRole::CancelMark, 3));
    QVERIFY(mark);
    QCOMPARE(mark->fill, Theme::standard().stage.cancel);
    QVERIFY(g.find(itemKey(ItemRole::CancelMarkText, 3))->text.contains(QStringLiteral("cancel requested")));
    QVERIFY(!g.find(itemKey(ItemRole::CancelMark, 1)));
}

void StageLayoutTest::stateIsWrittenNotOnlyColoured()
{
    const trace::Snapshot s = scenes::exceptionsAndCancel();
    const StageGeometry g = layout(s);
    for (const trace::TaskView &t : s.tasks) {
        const bool finished = t.state == trace::TaskState::Done || t.state == trace::TaskState::Failed
            || t.state == trace::TaskState::Cancelled;
        const StageItem *label = g.find(itemKey(finished ? ItemRole::TaskNote : ItemRole::TaskStateText, t.id));
        QVERIFY2(label, t.name.c_str());
        if (!finished)
            QVERIFY2(label->text.endsWith(taskStateLabel(t.state, Language::English)), qPrintable(label->text));
    }
}

void StageLayoutTest::finishedTasksBecomeChipsWithOutcome()
{
    const StageGeometry g = layout(scenes::exceptionsAndCancel());
    const QRectF done = g.absoluteRect(itemKey(ItemRole::Region, uint64_t(StageRegion::Done)));
    for (uint64_t id : {4, 5, 6})
        QVERIFY(done.contains(g.absoluteRect(itemKey(ItemRole::Task, id))));
    QCOMPARE(g.find(itemKey(ItemRole::TaskNote, 4))->text, QStringLiteral("✓ 'fast'"));
    QCOMPARE(g.find(itemKey(ItemRole::TaskNote, 5))->text, QStringLiteral("✗ ValueError"));
    QCOMPARE(g.find(itemKey(ItemRole::TaskNote, 6))->text, QStringLiteral("⊘ cancelled"));
}

void StageLayoutTest::frameRowsInnermostOnTopWithCode()
{
    const StageGeometry g = layout(scenes::exceptionsAndCancel());
    const QRectF inner = g.absoluteRect(itemKey(ItemRole::Frame, 5));
    const QRectF outer = g.absoluteRect(itemKey(ItemRole::Frame, 2));
    QVERIFY(inner.bottom() <= outer.top());
    QCOMPARE(g.find(itemKey(ItemRole::Frame, 5, 1))->text, QStringLiteral("fetch()  ·  line 15"));
    QCOMPARE(g.find(itemKey(ItemRole::FrameCode, 5))->text, QStringLiteral("raise ValueError(f'cannot decode {url!r}')"));
}

void StageLayoutTest::frenchLabels()
{
    const StageGeometry g = layout(scenes::exceptionsAndCancel(), QSize(1920, 1080), &Theme::standard(), {},
                                   Language::French);
    QVERIFY(g.find(itemKey(ItemRole::TaskStateText, 3))->text.endsWith(QStringLiteral("en attente")));
    QVERIFY(g.find(itemKey(ItemRole::CancelMarkText, 3))->text.contains(QStringLiteral("annulation demandée")));
    QVERIFY(g.find(itemKey(ItemRole::HeaderText, 3))->text == QStringLiteral("itération"));
}

void StageLayoutTest::readyLaneOverflowKeepsTheEventsHandle()
{
    trace::Snapshot s = scenes::twoSleepers();
    s.ready.clear();
    for (uint64_t id = 100; id < 140; ++id)
        s.ready.push_back(trace::HandleView{id, "print_later(" + std::to_string(id) + ")", 0, false});
    StageFocus focus;
    focus.handle = 139;   // just scheduled: at the back of the queue
    const StageGeometry g = layout(s, QSize(1920, 1080), &Theme::standard(), focus);
    const QRectF lane = g.absoluteRect(itemKey(ItemRole::Region, uint64_t(StageRegion::ReadyLane)));
    int shown = 0;
    double lastRight = 0;
    for (const trace::HandleView &h : s.ready) {
        const StageItem *chip = g.find(itemKey(ItemRole::Handle, h.id));
        if (!chip)
            continue;
        ++shown;
        QVERIFY(lane.contains(chip->rect));
        QVERIFY(chip->rect.left() > lastRight);
        lastRight = chip->rect.right();
    }
    const StageItem *focused = g.find(itemKey(ItemRole::Handle, 139));
    QVERIFY(focused && focused->focus);
    const StageItem *group = g.find(itemKey(ItemRole::GroupText, uint64_t(StageGroup::Handles)));
    QVERIFY(group);
    QCOMPARE(shown + group->text.mid(1).toInt(), 40);
    // The "+N" chip sits between the front of the queue and the event's handle.
    QVERIFY(g.absoluteRect(itemKey(ItemRole::Group, uint64_t(StageGroup::Handles))).right() <= focused->rect.left());
}

void StageLayoutTest::moduleCodeHoldsTheCpuOnlyOutsideARunningLoop()
{
    trace::Snapshot s;
    s.mainStack = {scenes::frame(99, "<module>", 17)};
    StageGeometry g = layout(s);
    QVERIFY(g.find(itemKey(ItemRole::Task, 0)));
    QCOMPARE(g.find(itemKey(ItemRole::Frame, 99, 1))->text, QStringLiteral("<module>()  ·  line 17"));
    // Between two iterations of a running loop the module is suspended in asyncio.run().
    s = scenes::twoSleepers();
    s.phase = trace::LoopPhase::Idle;
    s.runningHandle = 0;
    s.mainStack = {scenes::frame(99, "<module>", 17)};
    g = layout(s);
    QVERIFY(!g.find(itemKey(ItemRole::Task, 0)));
    QVERIFY(g.find(itemKey(ItemRole::PhaseText, 0))->text.contains(QStringLiteral("between iterations")));
    // A plain callback's own frames run above it.
    s.phase = trace::LoopPhase::Running;
    s.runningHandle = 50;
    s.mainStack.push_back(scenes::frame(9, "print_later", 3));
    g = layout(s);
    QVERIFY(g.find(itemKey(ItemRole::Task, 0)));
    QVERIFY(g.find(itemKey(ItemRole::Frame, 9)));
    QVERIFY(!g.find(itemKey(ItemRole::Frame, 99)));
}

void StageLayoutTest::deepStackOnTheCpuKeepsEveryFrame()
{
    trace::Snapshot s = scenes::twoSleepersTask3Running();
    s.tasks[2].stack = {scenes::frame(20, "main", 11), scenes::frame(21, "sleeper", 5), scenes::frame(22, "fetch", 15),
                        scenes::frame(23, "sleeper", 4, {{"name", "'fast'"}})};
    const StageGeometry g = layout(s);
    for (uint64_t id : {20, 21, 22, 23})
        QVERIFY2(g.find(itemKey(ItemRole::Frame, id)), qPrintable(QString::number(id)));
    QVERIFY(!g.find(itemKey(ItemRole::MoreFrames, 3)));
    QVERIFY(g.find(itemKey(ItemRole::FrameCode, 23)));     // the innermost frame keeps its code line
    QVERIFY(!g.find(itemKey(ItemRole::FrameCode, 20)));    // the outermost gives it up first
    // With room to spare, the locals come back.
    s.tasks[2].stack.erase(s.tasks[2].stack.begin());
    QVERIFY(layout(s).find(itemKey(ItemRole::FrameLocals, 23)));
    const QRectF cpu = g.absoluteRect(itemKey(ItemRole::Region, uint64_t(StageRegion::Cpu)));
    QVERIFY(cpu.contains(g.absoluteRect(itemKey(ItemRole::Task, 3))));
}

void StageLayoutTest::exceptionTokenTravelsFromTheFailedTaskToItsAwaiter()
{
    // Task-2 failed; Task-1, which awaited it, wakes and gets the exception.
    trace::Snapshot before = scenes::exceptionsAndCancel();
    before.inFlight = trace::ExceptionView{};
    before.tasks[1].state = trace::TaskState::Failed;
    before.tasks[1].stack.clear();
    before.tasks[1].exception = trace::ExceptionView{"ValueError", "cannot decode 'page 2'", 2, 0, 15};
    before.runningTask = 0;
    trace::Snapshot after = before;
    after.tasks[0].state = trace::TaskState::Running;
    after.tasks[0].awaiting = 0;
    after.runningTask = 1;
    after.inFlight = trace::ExceptionView{"ValueError", "cannot decode 'page 2'", 1, 0, 0};
    trace::Event e;
    e.kind = trace::EventKind::ExceptionReraised;
    e.task = 1;
    e.future = 2;
    const StageFocus focus = focusOf(e);
    const StageGeometry a = layout(before, QSize(1920, 1080), &Theme::standard(), focus);
    const StageGeometry b = layout(after, QSize(1920, 1080), &Theme::standard(), focus);
    const ItemKey token = itemKey(ItemRole::Exception, 0);
    QVERIFY(a.absoluteRect(itemKey(ItemRole::Task, 2)).contains(a.absoluteRect(token)));
    QVERIFY(b.absoluteRect(itemKey(ItemRole::Task, 1)).contains(b.absoluteRect(token)));
    // Without the event, a stored exception shows as the chip's outcome, not as a token.
    QVERIFY(!layout(before).find(token));
}

void StageLayoutTest::cancellationTokenStartsFromTheOrangeMark()
{
    trace::Snapshot before = scenes::exceptionsAndCancel();
    before.inFlight = trace::ExceptionView{};
    trace::Snapshot after = before;
    after.tasks[2].cancelRequested = false;
    after.inFlight = trace::ExceptionView{"CancelledError", "", 3, 3, 5};
    trace::Event e;
    e.kind = trace::EventKind::CancelDelivered;
    e.task = 3;
    const StageFocus focus = focusOf(e);
    const StageGeometry a = layout(before, QSize(1920, 1080), &Theme::standard(), focus);
    const StageGeometry b = layout(after, QSize(1920, 1080), &Theme::standard(), focus);
    const ItemKey token = itemKey(ItemRole::Exception, 0);
    QCOMPARE(a.absoluteRect(token), a.absoluteRect(itemKey(ItemRole::CancelMark, 3)));
    QCOMPARE(a.find(token)->fill, Theme::standard().stage.cancel);
    QVERIFY(b.absoluteRect(itemKey(ItemRole::Frame, 3)).contains(b.absoluteRect(token)));
    QCOMPARE(b.find(token)->fill, Theme::standard().stage.exception);
}

void StageLayoutTest::odometerRollsDigits_data()
{
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::addColumn<double>("roll");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<QString>("digits");   // right to left
    QTest::addColumn<QString>("turning");  // columns with a turn > 0, right to left
    QTest::newRow("at rest") << 1.0 << 2.0 << 0.0 << 3 << "0001" << "----";
    QTest::newRow("arrived") << 1.0 << 2.0 << 1.0 << 3 << "0002" << "----";
    QTest::newRow("halfway: units column mid-turn") << 0.0 << 1.0 << 0.5 << 0 << "0" << "t";
    QTest::newRow("iteration 9 to 10 rolls the tens too") << 9.0 << 10.0 << 0.5 << 0 << "90" << "tt";
    QTest::newRow("leading zeros hidden") << 3.0 << 4.0 << 0.0 << 0 << "3" << "-";
}

void StageLayoutTest::odometerRollsDigits()
{
    QFETCH(double, from);
    QFETCH(double, to);
    QFETCH(double, roll);
    QFETCH(int, decimals);
    QFETCH(QString, digits);
    QFETCH(QString, turning);
    const std::vector<OdometerColumn> columns = odometer(from, to, roll, decimals);
    QString gotDigits, gotTurning;
    for (const OdometerColumn &c : columns) {
        gotDigits += QString::number(c.digit);
        gotTurning += c.turn > 0 ? QLatin1Char('t') : QLatin1Char('-');
    }
    QCOMPARE(gotDigits, digits);
    QCOMPARE(gotTurning, turning);
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    StageLayoutTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "stage_layout_test.moc"
