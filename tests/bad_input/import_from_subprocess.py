# Only the modules asyncscope provides can be imported: no subprocess.
# expect-exit: 1
# expect-stderr-last: ModuleNotFoundError: No module named 'subprocess'
from subprocess import run
run(["echo", "escaped"])
