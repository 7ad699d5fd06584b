# A task that failed unobserved is reported ("Task exception was never
# retrieved") when it dies: here main's frame, kept by the traceback of the
# exception escaping asyncio.run, holds it until that traceback was printed.
import asyncio
async def boom():
    raise ValueError("task failed")
async def main():
    t = asyncio.create_task(boom())
    await asyncio.sleep(0)
    raise RuntimeError("main failed")
asyncio.run(main())
