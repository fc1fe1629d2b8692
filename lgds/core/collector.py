"""Python's cycle collector, paused while the kit loads.

Loading makes hundreds of thousands of objects that all live on (parsed files, checked models,
events). Each full collection scans every object tracked, and loading makes enough of them to set off
several, each scanning all that was loaded before: at ten times national scale that was a large part
of ``lgds check``. Nothing loading makes is garbage that only the collector can free for long: the
collector runs again as soon as the load is over.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """The cycle collector off while the block runs, then as it was before."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
