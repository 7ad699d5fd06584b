#include "render/event_caption.h"

#include "render/stage_layout.h"

namespace ascope {

namespace {

using trace::EventKind;

QString qs(const std::string &s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

QString taskName(uint64_t id, const trace::Snapshot &before, const trace::Snapshot &after)
{
    if (const trace::TaskView *t = after.task(id))
        return qs(t->name);
    if (const trace::TaskView *t = before.task(id))
        return qs(t->name);
    return QStringLiteral("Task #") + QString::number(id);
}

QString frameFunction(uint64_t frame, const trace::Snapshot &s)
{
    auto scan = [frame](const std::vector<trace::FrameView> &stack) -> const trace::FrameView * {
        for (const trace::FrameView &f : stack)
            if (f.id == frame)
                return &f;
        return nullptr;
    };
    if (const trace::FrameView *f = scan(s.mainStack))
        return qs(f->function);
    for (const trace::TaskView &t : s.tasks)
        if (const trace::FrameView *f = scan(t.stack))
            return qs(f->function);
    return QString();
}

QString exceptionText(const trace::Event &e)
{
    QString s = qs(e.excType);
    if (!e.excMessage.empty())
        s += QStringLiteral(": ") + qs(e.excMessage);
    return s;
}

QString seconds(double t) { return QString::number(t, 'f', 3) + QStringLiteral(" s"); }

QString primitiveName(uint64_t id, const trace::Snapshot &s)
{
    const trace::PrimitiveView *p = s.primitive(id);
    return p ? ascope::primitiveName(*p) : QStringLiteral("?");
}

// "Task-2 puts 'job1' into Queue (size 2)".
QString primitiveCaption(const trace::Event &e, const QString &task, const trace::Snapshot &before,
                         const trace::Snapshot &after, bool fr)
{
    auto pick = [fr](const QString &french, const QString &english) { return fr ? french : english; };
    const QString who = task.isEmpty() ? pick(QStringLiteral("Le programme"), QStringLiteral("The program")) : task;
    const QString name = primitiveName(e.object, after);
    const trace::PrimitiveView *primitive = after.primitive(e.object);
    // A queue's size is in the snapshot, the other states in the event.
    const QString n = QString::number(qlonglong(primitive ? primitive->state : e.value));
    QString item = qs(e.text);
    if (item.isEmpty()) {
        // A get from a FIFO or LIFO queue: the item it took is at that end before it.
        const trace::PrimitiveView *was = before.primitive(e.object);
        if (was && !was->items.empty())
            item = qs(was->kind == trace::PrimitiveKind::LifoQueue ? was->items.back().repr : was->items.front().repr);
    }
    const std::string &op = e.label;
    if (op == "put")
        return pick(QStringLiteral("%1 met %2 dans %3 (taille %4)"), QStringLiteral("%1 puts %2 into %3 (size %4)"))
            .arg(who, item, name, n);
    if (op == "get")
        return pick(QStringLiteral("%1 prend %2 dans %3 (reste %4)"), QStringLiteral("%1 takes %2 from %3 (%4 left)"))
            .arg(who, item, name, n);
    if (op == "task_done") {
        const QString left = QString::number(primitive ? qlonglong(primitive->unfinished) : 0);
        return pick(QStringLiteral("%1 appelle %2.task_done() : %3 travaux non terminés"),
                    QStringLiteral("%1 calls %2.task_done(): %3 unfinished"))
            .arg(who, name, left);
    }
    const bool semaphore = primitive && primitive->isSemaphore();
    if (op == "acquire")
        return semaphore ? pick(QStringLiteral("%1 acquiert %2 (valeur %3)"), QStringLiteral("%1 acquires %2 (value %3)"))
                               .arg(who, name, n)
                         : pick(QStringLiteral("%1 prend %2"), QStringLiteral("%1 acquires %2")).arg(who, name);
    if (op == "release")
        return semaphore ? pick(QStringLiteral("%1 relâche %2 (valeur %3)"), QStringLiteral("%1 releases %2 (value %3)"))
                               .arg(who, name, n)
                         : pick(QStringLiteral("%1 relâche %2"), QStringLiteral("%1 releases %2")).arg(who, name);
    if (op == "set")
        return pick(QStringLiteral("%1 positionne %2 : ceux qui l'attendent se réveillent"),
                    QStringLiteral("%1 sets %2: its waiters wake up"))
            .arg(who, name);
    if (op == "clear")
        return pick(QStringLiteral("%1 remet %2 à zéro"), QStringLiteral("%1 clears %2")).arg(who, name);
    if (op == "notify")
        return pick(QStringLiteral("%1 notifie %2 : %3 en attente réveillé(s)"),
                    QStringLiteral("%1 notifies %2: %3 waiter(s) woken"))
            .arg(who, name, n);
    return QStringLiteral("%1: %2.%3()").arg(who, name, qs(op));
}

} // namespace

QString describeEvent(size_t step, const trace::Event &e, const trace::Snapshot &before, const trace::Snapshot &after,
                      Language language)
{
    const bool fr = language == Language::French;
    auto pick = [fr](const QString &french, const QString &english) { return fr ? french : english; };
    const QString task = e.task ? taskName(e.task, before, after) : QString();
    const QString label = qs(e.label);
    QString what;
    switch (e.kind) {
    case EventKind::LoopIterationBegin:
        what = pick(QStringLiteral("La boucle commence l'itération %1"), QStringLiteral("The loop begins iteration %1"))
                   .arg(qulonglong(e.value));
        break;
    case EventKind::LoopIterationEnd:
        what = pick(QStringLiteral("Fin de l'itération %1"), QStringLiteral("Iteration %1 ends")).arg(qulonglong(e.value));
        break;
    case EventKind::SelectWait:
        what = e.value > 0
            ? pick(QStringLiteral("Rien n'est prêt : le sélecteur attend le prochain timer (%1)"),
                   QStringLiteral("Nothing is ready: the selector waits for the next timer (%1)"))
                  .arg(seconds(e.value))
            : pick(QStringLiteral("Le sélecteur regarde sans attendre : des handles sont prêts"),
                   QStringLiteral("The selector polls without waiting: handles are ready"));
        break;
    case EventKind::ClockJump:
        what = pick(QStringLiteral("L'horloge saute de %1 à %2"), QStringLiteral("The clock jumps from %1 to %2"))
                   .arg(seconds(e.time), seconds(e.value));
        break;
    case EventKind::HandleScheduled:
        what = pick(QStringLiteral("call_soon : %1 rejoint la queue de READY"),
                    QStringLiteral("call_soon: %1 joins the back of READY"))
                   .arg(label);
        break;
    case EventKind::HandleRun:
        what = pick(QStringLiteral("%1 quitte READY et s'exécute sur le CPU"),
                    QStringLiteral("%1 leaves READY and runs on the CPU"))
                   .arg(label);
        break;
    case EventKind::HandleSkipped:
        what = pick(QStringLiteral("Un handle annulé quitte READY sans s'exécuter"),
                    QStringLiteral("A cancelled handle leaves READY without running"));
        break;
    case EventKind::HandleCancelled:
        what = pick(QStringLiteral("Un handle est annulé : il sera sauté"), QStringLiteral("A handle is cancelled: it will be skipped"));
        break;
    case EventKind::TimerAdded:
        what = pick(QStringLiteral("call_later : un timer est posé pour t = %1"),
                    QStringLiteral("call_later: a timer is set for t = %1"))
                   .arg(seconds(e.value));
        break;
    case EventKind::TimerFired:
        what = pick(QStringLiteral("Un timer est échu : son rappel passe dans READY"),
                    QStringLiteral("A timer is due: its callback moves to READY"));
        break;
    case EventKind::TimerCancelled:
        what = pick(QStringLiteral("Un timer est annulé (il reste dans le tas)"),
                    QStringLiteral("A timer is cancelled (it stays in the heap)"));
        break;
    case EventKind::TimerRemoved:
        what = pick(QStringLiteral("Un timer annulé est retiré du tas"), QStringLiteral("A cancelled timer leaves the heap"));
        break;
    case EventKind::TaskCreated:
        what = pick(QStringLiteral("create_task : %1 (%2) est créée ; elle ne s'exécute pas encore"),
                    QStringLiteral("create_task: %1 (%2) is created; it does not run yet"))
                   .arg(label, qs(e.function) + QStringLiteral("()"));
        break;
    case EventKind::TaskStarted:
        what = pick(QStringLiteral("%1 reprend : sa coroutine continue"), QStringLiteral("%1 resumes: its coroutine goes on"))
                   .arg(task);
        break;
    case EventKind::TaskSuspended:
        what = e.future == 0
            ? pick(QStringLiteral("%1 cède la main (sleep(0)) : de nouveau prête"),
                   QStringLiteral("%1 yields (sleep(0)): ready again"))
                  .arg(task)
            : pick(QStringLiteral("%1 se suspend : elle attend %2"), QStringLiteral("%1 suspends: it awaits %2"))
                  .arg(task, prettyFutureLabel(e.label));
        break;
    case EventKind::TaskResumed:
        what = pick(QStringLiteral("Ce que %1 attendait est prêt : elle se réveille"),
                    QStringLiteral("What %1 awaited is done: it wakes up"))
                   .arg(task);
        break;
    case EventKind::TaskDone:
        what = pick(QStringLiteral("%1 se termine et renvoie %2"), QStringLiteral("%1 returns %2")).arg(task, qs(e.text));
        break;
    case EventKind::TaskFailed:
        what = pick(QStringLiteral("%1 échoue : %2"), QStringLiteral("%1 fails: %2")).arg(task, exceptionText(e));
        break;
    case EventKind::TaskCancelled:
        what = pick(QStringLiteral("%1 est annulée"), QStringLiteral("%1 is cancelled")).arg(task);
        break;
    case EventKind::FutureCreated:
        what = e.label.empty() || e.label == "Future"
            ? pick(QStringLiteral("Un future est créé (#%1)"), QStringLiteral("A future is created (#%1)")).arg(e.future)
            : pick(QStringLiteral("%1 crée un future (#%2)"), QStringLiteral("%1 creates a future (#%2)"))
                  .arg(label)
                  .arg(e.future);
        break;
    case EventKind::FutureChained:
        what = pick(QStringLiteral("Le future #%1 attendra %2"), QStringLiteral("Future #%1 will wait for %2"))
                   .arg(QString::number(e.future),
                        after.task(e.object) || before.task(e.object) ? taskName(e.object, before, after)
                                                                      : QStringLiteral("#") + QString::number(e.object));
        break;
    case EventKind::PrimitiveCreated:
        what = pick(QStringLiteral("Un %1 est créé"), QStringLiteral("A %1 is created")).arg(primitiveName(e.object, after));
        break;
    case EventKind::PrimitiveChanged:
        what = primitiveCaption(e, task, before, after, fr);
        break;
    case EventKind::FutureDone:
        what = pick(QStringLiteral("Le future #%1 est fini (%2) : ses rappels sont programmés"),
                    QStringLiteral("Future #%1 is done (%2): its callbacks are scheduled"))
                   .arg(QString::number(e.future), qs(e.text));
        break;
    case EventKind::FramePushed:
        what = pick(QStringLiteral("Appel de %1()"), QStringLiteral("%1() is called")).arg(qs(e.function));
        break;
    case EventKind::FramePopped: {
        const QString f = frameFunction(e.frame, before);
        what = pick(QStringLiteral("%1() se termine"), QStringLiteral("%1() returns")).arg(f.isEmpty() ? QStringLiteral("?") : f);
        break;
    }
    case EventKind::LineExecuted: {
        const QString f = frameFunction(e.frame, after);
        what = pick(QStringLiteral("Ligne %1"), QStringLiteral("Line %1")).arg(e.line);
        if (!f.isEmpty())
            what += QStringLiteral(" · ") + f + QStringLiteral("()");
        break;
    }
    case EventKind::ExceptionRaised:
        what = pick(QStringLiteral("%1 est levée ligne %2"), QStringLiteral("%1 is raised at line %2"))
                   .arg(exceptionText(e))
                   .arg(e.line);
        break;
    case EventKind::ExceptionPropagated:
        what = pick(QStringLiteral("%1 sort de %2() sans être rattrapée"), QStringLiteral("%1 leaves %2() uncaught"))
                   .arg(qs(e.excType), frameFunction(e.frame, before));
        break;
    case EventKind::ExceptionCaught:
        what = pick(QStringLiteral("%1 est rattrapée ligne %2"), QStringLiteral("%1 is caught at line %2"))
                   .arg(qs(e.excType))
                   .arg(e.line);
        break;
    case EventKind::ExceptionStored:
        what = pick(QStringLiteral("%1 est stockée comme issue de %2"), QStringLiteral("%1 is stored as the outcome of %2"))
                   .arg(qs(e.excType), e.task ? task : taskName(e.future, before, after));
        break;
    case EventKind::ExceptionReraised:
        what = pick(QStringLiteral("%1 est relancée dans %2, qui attendait"),
                    QStringLiteral("%1 is raised again in %2, which was waiting"))
                   .arg(qs(e.excType), task);
        break;
    case EventKind::ExceptionUnretrieved:
        what = pick(QStringLiteral("Personne n'a récupéré l'exception de %1 : « Task exception was never retrieved » (%2)"),
                    QStringLiteral("Nobody retrieved %1's exception: \"Task exception was never retrieved\" (%2)"))
                   .arg(e.task ? task : QStringLiteral("Future #") + QString::number(e.future), exceptionText(e));
        break;
    case EventKind::CancelRequested:
        what = pick(QStringLiteral("%1.cancel() : annulation demandée"), QStringLiteral("%1.cancel(): cancellation requested"))
                   .arg(task);
        break;
    case EventKind::CancelDelivered:
        what = pick(QStringLiteral("CancelledError est lancée dans %1, à son await"),
                    QStringLiteral("CancelledError is thrown into %1 at its await"))
                   .arg(task);
        break;
    case EventKind::OutputWritten: {
        QString text = qs(e.text).trimmed();
        text.replace(QLatin1Char('\n'), QStringLiteral(" / "));
        const QString who = e.task ? task : pick(QStringLiteral("Le programme"), QStringLiteral("The program"));
        what = (e.isStderr ? pick(QStringLiteral("%1 écrit sur stderr : %2"), QStringLiteral("%1 writes to stderr: %2"))
                           : pick(QStringLiteral("%1 affiche : %2"), QStringLiteral("%1 prints: %2")))
                   .arg(who, text);
        break;
    }
    }
    return pick(QStringLiteral("étape %1 · "), QStringLiteral("step %1 · ")).arg(step) + what;
}

} // namespace ascope
