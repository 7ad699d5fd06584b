class Account:
    __count = 0
    def __init__(self, owner):
        self.__owner = owner
        Account.__count += 1
    def owner(self):
        return self.__owner
    @classmethod
    def count(cls):
        return cls.__count
    def __dunder__(self):
        return "dunder names are not mangled"

a = Account("ann")
print(a.owner(), Account.count())
print(sorted(k for k in vars(a)))
print("_Account__count" in Account.__dict__)
print(a._Account__owner)
try:
    a.__owner
except AttributeError as e:
    print("AttributeError:", e)
print(a.__dunder__())

class Sub(Account):
    def peek(self):
        try:
            return self.__owner
        except AttributeError as e:
            return "AttributeError: " + str(e)
print(Sub("bob").peek())

class _Leading:
    def __m(self):
        return "mangled with stripped underscores"
    def call(self):
        return self.__m()
print(_Leading().call(), hasattr(_Leading, "_Leading__m"))

class Outer:
    def make(self):
        __local = "locals are mangled too"
        return __local
    def getter(self):
        return getattr(self, "__x", "getattr strings are not mangled")
print(Outer().make(), Outer().getter())
