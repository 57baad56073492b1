"""Progress on standard error: a tqdm bar on a terminal; elsewhere (a log file, a pipe, a CI
job) a plain line now and then, as a bar's carriage returns would flood the log.

    progress(total, stream) -> an object with ``update(n)`` and ``close()``
"""

from __future__ import annotations

import time

PLAIN_EVERY_SECONDS = 10.0


def progress(total: int, stream, *, initial: int = 0, label: str = "ingest"):
    """A tqdm bar if ``stream`` is a terminal, else a ``PlainProgress``."""
    if not _is_terminal(stream):
        return PlainProgress(total, stream, initial=initial, label=label)
    from tqdm import tqdm

    return tqdm(total=total, initial=initial, unit="article", file=stream, dynamic_ncols=True)


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


class PlainProgress:
    """``ingest: 120/830 articles (14%), 35.2 s`` on its own line, at most every ``every``
    seconds, and once more at the end: progress a log can hold."""

    def __init__(self, total: int, stream, *, initial: int = 0, label: str = "ingest",
                 every: float = PLAIN_EVERY_SECONDS):
        self.total, self.stream, self.label, self.every = total, stream, label, every
        self.done = initial
        self.started = self.last = time.monotonic()

    def update(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            self._line(now)

    def close(self) -> None:
        self._line(time.monotonic())

    def _line(self, now: float) -> None:
        share = 100 * self.done // max(self.total, 1)
        print(f"{self.label}: {self.done}/{self.total} articles ({share}%), "
              f"{now - self.started:.1f} s", file=self.stream, flush=True)
