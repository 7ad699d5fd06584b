async def work():
    raise ValueError("inside coroutine")

work().send(None)
