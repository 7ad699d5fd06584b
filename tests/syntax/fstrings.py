name = "world"
width, precision = 10, 3
value = 3.14159
print(f"hello {name}")
print(f"{value:{width}.{precision}f}")
print(f"{value=}", f"{ value = !r:>12}", f"{name!a}")
print(f"{{literal}} {name!s:^{width}}")
print(f"""multi
line {name}
{
value
}""")
print(F'{"a" if name else "b"}', rf"\d{name}", fR"{name}\n")
print("plain " f"{name}" ' more')
print(f"{[x for x in range(3)]} {dict(a=1)['a']} {(lambda: 1)()}")
print(f'{name:{"<" if True else ">"}{width}}')
