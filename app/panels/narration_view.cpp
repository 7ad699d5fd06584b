#include "panels/narration_view.h"

#include "render/theme.h"

#include <QHBoxLayout>
#include <QLabel>

namespace ascope {

NarrationView::NarrationView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    m_counter = new QLabel(this);
    m_counter->setObjectName(QStringLiteral("narrationCounter"));
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("narrationText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont font = Theme::standard().uiFont();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    m_text->setFont(font);
    QFont small = Theme::standard().uiFont();
    small.setBold(true);
    m_counter->setFont(small);
    m_counter->setMinimumWidth(m_counter->fontMetrics().horizontalAdvance(QStringLiteral("00/00")) + 8);
    m_counter->setToolTip(tr("Narration cue shown / cues in this run (Page Up / Page Down)"));
    layout->addWidget(m_counter, 0, Qt::AlignVCenter);
    layout->addWidget(m_text, 1);
    setCue(-1, 0, {});
}

void NarrationView::setCue(int index, int count, const QString &text)
{
    m_counter->setText(count == 0 ? QString() : QStringLiteral("%1/%2").arg(index + 1).arg(count));
    m_text->setText(index < 0 ? QString() : text);
}

QString NarrationView::text() const { return m_text->text(); }

} // namespace ascope
