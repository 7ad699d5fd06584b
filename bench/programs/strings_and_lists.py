# String and list work: building strings, joining, splitting, slicing,
# sorting, and counting words in a dict.
words = []
seed = 12345
for i in range(260000):
    seed = (seed * 1103515245 + 12345) % 2147483648
    length = 3 + seed % 6
    word = ""
    for k in range(length):
        word += chr(97 + (seed >> (k * 3)) % 26)
    words.append(word)

text = " ".join(words)
print(len(text), text[:30], text[-20:])

counts = {}
for word in text.split():
    counts[word] = counts.get(word, 0) + 1
common = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:5]
print(len(counts), common)

by_length = sorted(words, key=len)
print(by_length[0], by_length[-1], sorted(words)[1000], sorted(words, reverse=True)[1000])

reversed_words = [w[::-1] for w in words if w[0] in "aeiou"]
print(len(reversed_words), "".join(reversed_words)[1000:1040])

pieces = []
for i in range(400000):
    pieces.append(str(i * 7)[-3:])
joined = ",".join(pieces)
print(len(joined), joined.count("77"), joined.upper()[:20].lower() == joined[:20])
