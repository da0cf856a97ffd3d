"""A progress bar on stderr for `eislint check` on a long text (rich), shown only on a terminal
and only once the run has taken longer than `DELAY` seconds; it disappears when done, so what
stays on the terminal is the report. Machine formats on stdout never see it."""

from __future__ import annotations

import time
from typing import Any, TextIO

DELAY = 2.0


class ProgressBar:
    """Called with (characters parsed, characters to parse) by the annotate stage."""

    def __init__(self, stream: TextIO, delay: float = DELAY) -> None:
        self.stream = stream
        self.delay = delay
        self.started = time.monotonic()
        self._bar: Any = None
        self._task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None:
            if time.monotonic() - self.started < self.delay or done >= total:
                return
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

            self._bar = Progress(
                TextColumn("taalanalyse"),
                BarColumn(),
                TaskProgressColumn(),
                TimeRemainingColumn(),
                console=Console(file=self.stream),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("taalanalyse", total=total)
        self._bar.update(self._task, completed=done, total=total)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
