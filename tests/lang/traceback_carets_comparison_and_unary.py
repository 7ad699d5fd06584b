class Thing:
    pass

things = [Thing(), Thing()]
print(-things[0])
