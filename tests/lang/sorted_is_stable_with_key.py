# sort/sorted are stable, also with key= and reverse=.
data = [("b", 2), ("a", 2), ("c", 1), ("d", 1), ("e", 3)]
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1], reverse=True))
words = ["pear", "Fig", "apple", "fig", "Pear", "kiwi"]
print(sorted(words, key=str.lower), sorted(words), sorted(words, key=len, reverse=True))
nums = [5, 3, 5.0, 1, 3.0, 2]
nums.sort(); print(nums)
print(sorted("hello"), sorted({3: "a", 1: "b"}), sorted([3, 1, 2], reverse=True))
big = [(i * 7919) % 1000 for i in range(2000)]
print(sorted(big)[:10], sorted(big)[-5:], sorted(big, reverse=True)[:5], big == sorted(big))
print(sorted(range(100, 0, -1))[:5], sorted([[2, 1], [1, 2], [1, 1]]))
