"""Progress of a long build on stderr: pages done of the total, at most once an interval, silent for short builds."""

from __future__ import annotations

import time
from collections.abc import Callable

from isodocs.translation import t

INTERVAL = 5.0   # seconds between two lines, and before the first: a build shorter than this prints nothing


class Progress:
    """Counts pages done; `emit` receives a line such as "isodocs: 250 of 1,000 pages (25%)" when `interval`
    seconds have passed since the start or the last line, and a closing line if any was printed."""

    def __init__(self, total: int, emit: Callable[[str], None], interval: float = INTERVAL, language: str = "en"
                 ) -> None:
        self.total = total
        self.done = 0
        self.emit = emit
        self.language = language
        self.interval = interval
        self.last = time.monotonic()
        self.printed = 0

    def advance(self, done: int | None = None) -> None:
        """One more page done (or `done` pages in all)."""
        self.done = self.done + 1 if done is None else done
        now = time.monotonic()
        if now - self.last >= self.interval and self.done < self.total:
            self.last = now
            self._line()

    def finish(self) -> None:
        """The closing line, when the build was long enough to print any."""
        if self.printed:
            self.done = max(self.done, self.total)
            self._line()

    def _line(self) -> None:
        share = f" ({100 * self.done // self.total}%)" if self.total else ""
        self.emit(t("cli.progress", self.language, done=self.done, total=self.total, share=share))
        self.printed += 1
