records = [{"name": "a", "age": 3}, {"name": "b"}]
records.sort(key=lambda r: r["age"])
