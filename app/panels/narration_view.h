// The narration: the cue showing at the current position, in the chosen
// language, large enough to read from the back of a room.
#pragma once

#include <QWidget>

class QLabel;

namespace ascope {

class NarrationView : public QWidget
{
    Q_OBJECT

public:
    explicit NarrationView(QWidget *parent = nullptr);

    // `index` of `count` cues (index -1: none shown yet); `text` in the language.
    void setCue(int index, int count, const QString &text);
    QString text() const;

private:
    QLabel *m_counter = nullptr;
    QLabel *m_text = nullptr;
};

} // namespace ascope
