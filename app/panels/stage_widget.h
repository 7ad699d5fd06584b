// StageWidget: the animated stage in a window.
//
// Why it is built this way: it is a thin frame around renderFrame — given a
// StageSource and a position (event, progress) it paints exactly what the
// exporter writes for that position at the widget's size. It owns no clock:
// the player moves the position, as the triple (from, position, progress) it
// keeps. The two layouts of the current transition are cached, so playing an
// event at 60 fps only interpolates and paints.
#pragma once

#include "render/stage_source.h"

#include <QWidget>

#include <memory>
#include <optional>

namespace ascope {

class StageWidget : public QWidget
{
    Q_OBJECT

public:
    explicit StageWidget(QWidget *parent = nullptr);
    ~StageWidget() override;

    // The run to show (null: an empty stage); it must outlive the widget or
    // be replaced first. Resets the position to the start.
    void setSource(const StageSource *source);
    const StageSource *source() const { return m_source; }

    // Event `step` played `linearProgress` of the way (0..1), from the state before it.
    void setPosition(size_t step, double linearProgress = 1.0);
    // A glide from the state after event `from` (-1: the start) to the state
    // after event `to`, `linearProgress` of the way (the player's triple).
    void setTransition(long from, size_t to, double linearProgress);
    size_t step() const { return m_step; }
    long from() const { return m_from; }
    double progress() const { return m_progress; }

    void setLanguage(Language language);
    void setTheme(const Theme &theme);
    void setNarrationBand(FrameOptions::Narration narration);

    // The frame as painted now (what the exporter writes at this position and size).
    FrameInput currentFrame() const;

    // The task whose card or chip (or a lock holder's chip naming it) is
    // under `pos` (widget pixels) in the frame as painted now; 0: none.
    uint64_t taskAt(const QPointF &pos) const;

    QSize sizeHint() const override { return QSize(960, 540); }
    QSize minimumSizeHint() const override { return QSize(480, 270); }

signals:
    // A click on a task's card or chip.
    void taskClicked(uint64_t task);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    FrameOptions options() const;

    const StageSource *m_source = nullptr;
    size_t m_step = 0;
    long m_from = -1;
    double m_progress = 1.0;
    Language m_language = Language::French;
    const Theme *m_theme = &Theme::standard();
    FrameOptions::Narration m_narration = FrameOptions::Narration::Auto;

    // The layouts of one (step, size, language, theme): progress changes only interpolate.
    struct Cached
    {
        size_t step = 0;
        long from = -1;
        QSize size;
        Language language = Language::French;
        const Theme *theme = nullptr;
        FrameOptions::Narration narration = FrameOptions::Narration::Auto;
        FrameInput frame;   // at progress 1; the eased progress is set per paint
    };
    mutable std::optional<Cached> m_cache;
};

} // namespace ascope
