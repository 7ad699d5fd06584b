import asyncio
async def t():
    try:
        yield 1
        yield 2
    finally:
        print("fin")
async def main():
    e = t()
    print(await e.__anext__())
    pass
    print("deleted")
    await asyncio.sleep(0)
    print("after")
asyncio.run(main())
print("end")
