class B:
    def __bool__(self):
        return "yes"

out = [x for x in range(2) if B()]
