name = "Ada"
n = 3.14159
items = [1, "two"]
print(f"{name!r} {name!s} {name!a} {'é'!a}")
print(f"{n:.2f} {n:10.3f}| {n:<10.1f}| {n:^10.1f}| {n:+.0f}")
width, prec = 12, 3
print(f"{n:{width}.{prec}f}|")
print(f"{n:{'>'}{width}}|")
print(f"{name=} {n=:.1f} {items=!s}")
print(f"{ name = }")
print(f"{1+1=}")
print(f"{{literal}} {{{name}}}")
print(f"{255:#x} {255:08b} {1234567:,} {1234567:_} {0.25:%}")
print(f"{'left':<8}|{'right':>8}|{'mid':*^9}|")
print(f"{3:03d} {-3:03d} {42:+d}")
print(f"{items[1]!r:>8}")
print(f"{'nested ' + f'{name.upper()}'}")
d = {"k": "v"}
print(f"{d['k']} {d}")
print(f"{n!r:>12}")
print(f"{True!s:>6}|{None}|")
class C:
    def __format__(self, spec):
        return f"C<{spec}>"
    def __repr__(self):
        return "C()"
print(f"{C()} {C():abc} {C()!r} {C()!r:>5}")
print(f"{'x' if n > 3 else 'y'}")
x = 10
print(f"{x:{'^' if x else '<'}5}|")
print(f"{x!r:{'>'}{4}}")
try:
    f"{name:d}"
except ValueError as e:
    print("ValueError:", e)
try:
    f"{x:z}"
except ValueError as e:
    print("ValueError:", e)
