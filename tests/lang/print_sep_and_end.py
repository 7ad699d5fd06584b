# print() joins its arguments with sep and finishes with end.
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ")
print("no newline", end="")
print(" -- continued", end="!\n")
print()
print(1, 2.5, None, True, [1, "two"], sep=" | ")
print("x", sep=None, end=None)
