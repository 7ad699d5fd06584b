big = 2**63 - 1
small = -2**63
print(big + 1, small - 1, big * 2, small * -1, -small, abs(small), small // -1, small % -1)
x = big
x += 1
print(x)
y = small
y -= 1
print(y)
z = 3037000500
print(z * z, z * -z)
print(-2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 63, (-2) ** 63, 7 // -2, -7 % 3, -7 // 2, 7 % -3)
print(1 << 63, 1 << 64, -1 >> 100, big >> 1, big << 1)
print(True + True, True * 10, -True, ~False, False ** 0)
print(0.1 + 0.2, 1e308 * 10, -1e308 * 10, 1 / 3, 2 ** 0.5)
a = [1, 2]
a *= 2
print(a, "ab" * 3, 3 * "x", [0] * 0)
print(big == big + 0, big < big + 1, small > small - 1)
