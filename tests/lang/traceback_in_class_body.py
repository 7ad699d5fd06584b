class Config:
    values = {"a": 1}
    default = values["b"]
