word = "abc"
def pos():
    return 10
print(word[pos()])
