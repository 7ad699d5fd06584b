# Only the modules asyncscope provides can be imported: no network.
# expect-exit: 1
# expect-stderr-last: ModuleNotFoundError: No module named 'socket'
import socket
