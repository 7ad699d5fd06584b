print("hello from asyncscope")
print("2 + 2 =", 2 + 2)
