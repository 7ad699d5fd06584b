value = 5
value()
