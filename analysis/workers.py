"""Worker processes that die with the main process and leave Ctrl-C to it.

:func:`init` is the initializer of the local engine's process pool
(:func:`analysis.run._in_order`): a worker ignores SIGINT (a terminal's Ctrl-C
reaches the whole process group; the main process alone reacts, with one
line and exit status 130) and exits as soon as its parent is gone, even when
the parent was killed with SIGKILL and could run no clean-up. On Linux the
kernel sends the worker SIGKILL when the parent dies
(``prctl(PR_SET_PDEATHSIG)``); everywhere, a daemon thread also checks twice
a second that the parent is still the worker's parent. :func:`stop` ends a
pool at once instead of waiting for the batches in flight.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor

from .collector import lean_worker

PR_SET_PDEATHSIG = 1
#: Seconds between two checks of the parent by the portable watcher.
POLL = 0.5


def init(parent: int) -> None:
    """Pool initializer: ignore SIGINT, collect young objects less often
    (:func:`~analysis.collector.lean_worker`), exit when process ``parent`` is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    lean_worker()
    _death_signal()
    if os.getppid() != parent:  # the parent died before the worker got here
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="watch-parent", daemon=True).start()


def ignore_interrupts() -> None:
    """Run in each worker of a local Dask cluster: a terminal's Ctrl-C reaches the whole
    process group, and the parent alone must handle it (it kills the workers at once). The
    worker's own Dask logger is quieted too: a task cancelled by that stop would otherwise
    print a "CancelledError" warning after the one line the interrupt promises."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.getLogger("distributed").setLevel(logging.ERROR)


def _death_signal() -> None:
    """Ask Linux to SIGKILL this process when its parent dies (a no-op elsewhere)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no libc prctl: the watcher thread still works
        pass


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(POLL)
    os._exit(1)


def stop(pool: ProcessPoolExecutor) -> None:
    """End ``pool`` now: cancel the queued tasks and kill the running workers."""
    procs = list((getattr(pool, "_processes", None) or {}).values())
    for proc in procs:
        if proc.is_alive():
            proc.kill()
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs:
        proc.join(timeout=5)
