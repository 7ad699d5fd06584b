def gen():
    yield

gen().send(1)
