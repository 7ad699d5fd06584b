class Base:
    def greet(self):
        return "Base.greet"
    @classmethod
    def create(cls):
        return f"Base.create({cls.__name__})"
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls.registered = True

class Child(Base):
    def greet(self):
        def inner():
            return super(Child, self).greet()
        return "Child>" + inner()
    @classmethod
    def create(cls):
        return "Child>" + super().create()
    def gen(self):
        yield super().greet()
    def comp(self):
        return [super(Child, self).greet() for _ in range(1)]
    @staticmethod
    def static():
        try:
            return super().greet()
        except RuntimeError as e:
            return "RuntimeError: " + str(e)

c = Child()
print(c.greet(), Child.create(), list(c.gen()), c.comp(), Child.static(), Child.registered)

class Mixin:
    def hello(self):
        return "Mixin>" + super().hello()
class Root:
    def hello(self):
        return "Root"
class Combined(Mixin, Root):
    pass
print(Combined().hello())
try:
    Mixin().hello()
except AttributeError as e:
    print("AttributeError:", e)

class WithProp(Base):
    @property
    def name(self):
        return "prop"
class SubProp(WithProp):
    @property
    def name(self):
        return "sub+" + super().name
print(SubProp().name)
s = super(Child, c)
print(type(s).__name__, s.greet())
print(repr(super(Child, Child))[:25])
