class Shape:
    sides = 0
    registry = []
    def __init__(self, name):
        self.name = name
    @classmethod
    def create(cls, name):
        cls.registry.append(cls.__name__)
        return cls(name)
    @staticmethod
    def describe(n):
        return f"{n} sides"
    @classmethod
    def info(cls):
        return cls.describe(cls.sides)

class Square(Shape):
    sides = 4

sq = Square.create("sq")
print(type(sq).__name__, sq.name, Shape.registry)
print(Square.info(), sq.info(), Shape.info())
print(Shape.describe(3), sq.describe(7))
print(type(Shape.__dict__["describe"]).__name__, type(Shape.__dict__["create"]).__name__)
f = Shape.__dict__["describe"]
print(f.__func__(9))
bound = Square.create
print(bound.__self__ is Square, bound.__func__.__name__)
sm = staticmethod(len)
class Holder:
    size = sm
print(Holder.size("abcd"), Holder().size([1]))
