class B:
    def __bool__(self):
        return "yes"

assert B(), "message"
