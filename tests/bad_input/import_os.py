# Only the modules asyncscope provides can be imported: no os.
# expect-exit: 1
# expect-stderr-last: ModuleNotFoundError: No module named 'os'
import os
os.system("echo escaped")
