# A set display of constants is built like CPython's compiler builds it (a frozenset constant merged into a new set).
print({5, 3, 9, 1, 100, 33, 17})
print({-1, -2, 8, 16, 24, 7})
print({1, 9, 17, 25, 33, 2, 10}, {17, 33, 49, 65, 2, 100})
x = 17
print({5, 3, 9, 1, 100, 33, x})
print({1.5, 2.5, 1, 2}, {(1, 2), (2, 1), (0, 0)})
