# The asyncio classes show the module CPython defines them in (Future and
# Task come from the C accelerator _asyncio).
import asyncio

for cls in (asyncio.Future, asyncio.Task, asyncio.Handle, asyncio.TimerHandle, asyncio.Lock,
            asyncio.Event, asyncio.Condition, asyncio.Semaphore, asyncio.BoundedSemaphore,
            asyncio.Queue, asyncio.PriorityQueue, asyncio.LifoQueue, asyncio.Barrier,
            asyncio.Timeout, asyncio.Runner, asyncio.TaskGroup, asyncio.CancelledError,
            asyncio.InvalidStateError, asyncio.BrokenBarrierError, asyncio.QueueEmpty,
            asyncio.QueueFull, asyncio.TimeoutError):
    print(cls.__module__, cls.__name__, cls)
