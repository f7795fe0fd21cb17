"""A piece of a test run in a forked child as `nobody`, for the tests that need a file the user may not read.

Root reads anything, so chmod 000 stops nobody when the suite runs as root (as CI does): the child drops to
`nobody` first in that case, and runs as the user otherwise. Import everything the child needs before the
call, since the interpreter's own files may sit where `nobody` cannot read them.
"""

from __future__ import annotations

import os
import traceback
from typing import Callable

NOBODY = 65534


def exit_code_as_nobody(body: Callable[[], int]) -> int:
    """Run `body` in a forked child (as `nobody` when we are root) and return its exit code: what `body`
    returned, or 3 when it raised (the traceback goes to stderr, where pytest shows it)."""
    pid = os.fork()
    if pid == 0:
        code = 3
        try:
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            code = body()
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)
