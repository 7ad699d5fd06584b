# A scenario reads no input: input() does not exist.
# expect-exit: 1
# expect-stderr-last: NameError: name 'input' is not defined
print(input("name? "))
