# Loops with integer arithmetic: Collatz sequence lengths, a sum of divisors
# by trial division, and a little modular arithmetic. Small ints only.
longest, best = 0, 0
for start in range(1, 120000):
    n, steps = start, 0
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    if steps > longest:
        longest, best = steps, start
print(best, longest)

perfect = []
for n in range(2, 6000):
    total = 1
    d = 2
    while d * d <= n:
        if n % d == 0:
            total += d
            if d * d != n:
                total += n // d
        d += 1
    if total == n:
        perfect.append(n)
print(perfect)

x = 1
for i in range(400000):
    x = (x * 31 + i) % 1000003
print(x)
