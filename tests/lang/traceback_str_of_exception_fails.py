class Broken(Exception):
    def __str__(self):
        raise RuntimeError("cannot render")

raise Broken("x")
