# title[fr]: Le protocole awaitable : send() et yield
# title[en]: The awaitable protocol: send() and yield
# video: V4b
#
# No event loop here: we play the loop ourselves. A custom awaitable yields a
# request from the bottom of an await chain; the request travels up through
# every await to whoever calls send(); the answer given to send() travels
# back down to the yield, and becomes the value of the await.


class Ask:
    def __init__(self, question):
        self.question = question

    def __await__(self):
        # cue[fr]: yield envoie la question tout en haut de la pile, jusqu'à l'appelant de send().
        # cue[en]: yield sends the question all the way up the stack, to whoever calls send().
        answer = yield self.question
        return answer


async def lookup(name):
    # cue[fr]: await ne fait que transmettre : ni la question ni la réponse ne s'arrêtent ici.
    # cue[en]: await only passes things through: neither question nor answer stops here.
    age = await Ask(f"age of {name}?")
    return f"{name} is {age}"


async def report():
    first = await lookup("Ada")
    second = await lookup("Alan")
    return [first, second]


coroutine = report()
answers = {"age of Ada?": 36, "age of Alan?": 41}
# cue[fr]: Le premier send(None) démarre la coroutine jusqu'au premier yield.
# cue[en]: The first send(None) starts the coroutine up to its first yield.
question = coroutine.send(None)
while True:
    print(f"loop got {question!r}, answers {answers[question]}")
    try:
        # cue[fr]: send() redescend la réponse jusqu'au yield qui attendait.
        # cue[en]: send() carries the answer back down to the waiting yield.
        question = coroutine.send(answers[question])
    except StopIteration as finished:
        print(f"coroutine returned {finished.value}")
        break
