import asyncio
    print("indented")
