class Config:
    settings = {}

Config.settings.missing.value
