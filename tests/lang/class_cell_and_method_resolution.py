class A:
    def which(self):
        return __class__.__name__
    def cls_of_self(self):
        return type(self).__name__

class B(A):
    pass

b = B()
print(b.which(), b.cls_of_self())

class C:
    attr = "class attribute"
    def attr_method(self):
        return "method"
c = C()
c.attr = "instance attribute"
print(c.attr, C.attr)
c.attr_method = lambda: "instance callable shadows method"
print(c.attr_method(), C.attr_method(c))

class D:
    def __init__(self):
        self.helper = self.compute
    def compute(self):
        return "bound method stored on instance"
print(D().helper())

class E:
    count = 0
    def increment(self):
        self.count += 1
        return self.count
e1, e2 = E(), E()
e1.increment(); e1.increment(); e2.increment()
print(e1.count, e2.count, E.count)

class Base:
    def template(self):
        return f"{self.hook()}!"
    def hook(self):
        return "base"
class Override(Base):
    def hook(self):
        return "override"
print(Base().template(), Override().template())

class WithCall:
    def __call__(self):
        return "instance called"
w = WithCall()
w.__call__ = lambda: "instance attribute __call__ ignored"
print(w())

class Len:
    def __len__(self):
        return 3
l = Len()
l.__len__ = lambda: 99
print(len(l))
