word = "w"
print(-word)
