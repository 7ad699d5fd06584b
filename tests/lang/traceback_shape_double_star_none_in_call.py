print(**None)
