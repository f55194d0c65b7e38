"""Talking to a long-running git process: its output parsed while git writes the rest, its input fed from
a thread alongside; git and our parsing run on different cores."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from typing import IO


def output(stdout: IO[bytes]) -> Iterator[bytes]:
    """The process's output in pieces as they arrive, until it closes its end. Parsing a piece takes far
    less time than git takes to write the next, so git seldom waits on a full pipe."""
    # a pipe is buffered: read1 returns what has arrived instead of waiting for the whole size
    read = stdout.read1 if isinstance(stdout, io.BufferedIOBase) else stdout.read
    while piece := read(1 << 16):
        yield piece


def feed(stdin: IO[bytes], data: bytes) -> threading.Thread:
    """Write `data` to the process and close its input, from a thread; join it when done."""

    def write() -> None:
        try:
            stdin.write(data)
            stdin.close()
        except OSError:  # git stopped reading (it failed, or we stopped it): the reader reports why
            pass

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    return writer
