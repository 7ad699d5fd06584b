x = 3.14159
name = "world"
items = {"a": [1, 2]}
print(f"{x=}", f"{x = :.2f}", f"{name!r:^11}", f"{name=!s:>8}")
print(f"{items['a'][1]}", f'{items["a"]}')
print(f"{{}}", f"{{{x:.1f}}}", f"a{{b}}c")
print(f"{x:{'.3f'}}", f"{x:{10}.{2}f}|")
w = 8
print(f"{name:>{w}}|{name:<{w}}|{name:^{w}}|")
print(f"{3 if x > 3 else 4}")
print(f"{(lambda: 'lambda')()}")
print(f"{[i for i in range(3)]}")
print(f"{x!a}", f"{'ü'!a}")
print(f"{1_000_000:,}", f"{255:#06x}", f"{-0.0:+.1f}", f"{1e20:.3g}")
print(f"{True:d}", f"{None!r}", f"{b'bytes'}")
print(f"multi"
      f"part {name}")
print(f"""triple {name}
second line""")
print(rf"raw \n {name}", fr"{name}\t")
print(f"{x:=^20}")
print(f"{'%'}", f"{5:%}", f"{0.5:.0%}")
class Fmt:
    def __format__(self, spec):
        return f"<{spec}>"
print(f"{Fmt():x{w}y}", format(Fmt(), "abc"), "{:z}".format(Fmt()))
print(f"{name}" f"{name}")
print(f"{x:10}|{name:10}|{42:10}|")
print(f"{'a':*<5}{'b':*>5}")
try:
    print(f"{x:q}")
except ValueError as e:
    print("ValueError:", e)
try:
    print(f"{name:d}")
except ValueError as e:
    print("ValueError:", e)
try:
    print(f"{object():abc}")
except TypeError as e:
    print("TypeError:", e)
