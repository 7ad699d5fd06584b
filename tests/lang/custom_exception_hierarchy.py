class AppError(Exception):
    def __init__(self, msg, code=1):
        super().__init__(msg)
        self.code = code

class NotFound(AppError):
    def __str__(self):
        return f"not found: {self.args[0]} (code {self.code})"

class Fatal(AppError, RuntimeError):
    pass

try:
    raise NotFound("user", code=404)
except AppError as e:
    print(type(e).__name__, e, e.code, e.args, repr(e))

try:
    raise Fatal("disk")
except RuntimeError as e:
    print("caught as RuntimeError:", e, [c.__name__ for c in type(e).__mro__])

class NoArgs(Exception):
    pass
print(repr(NoArgs()), str(NoArgs()), repr(NoArgs(1, 2)), str(NoArgs(1, 2)))
print(str(KeyError("k")), repr(KeyError("k")), str(KeyError()), str(KeyError(1, 2)))

class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr!"
print(repr(WithRepr("x")), str(WithRepr("x")))

e = ValueError("a", "b")
e.args = ("changed",)
print(e, e.args)
e.extra = 5
print(e.extra)
print(issubclass(NotFound, Exception), issubclass(KeyboardInterrupt, Exception))
print(Exception.__mro__)
print(ValueError.__bases__, KeyError.__mro__)

try:
    raise NotFound("page", 3)
except (KeyError, AppError) as e:
    print("tuple match", e)

class Explode(Exception):
    def __str__(self):
        return "exploded message"
raise Explode("ignored arg")
