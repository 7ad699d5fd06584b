def get(d):
    return len(d["a"]["b"])

get({"a": {}})
