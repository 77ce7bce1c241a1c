"""Wall time and peak memory of a step, for build progress and the benchmarks."""

from __future__ import annotations

import threading
import time

import psutil


class PeakMeter:
    """Context manager sampling this process's RSS every few ms; `.seconds`, `.peak_mb`."""

    def __init__(self, interval: float = 0.02):
        self.interval, self.seconds, self.peak_mb = interval, 0.0, 0.0
        self._process = psutil.Process()
        self._stop = threading.Event()

    def __enter__(self) -> PeakMeter:
        self._start = time.perf_counter()
        self._sample()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()
        self.seconds = time.perf_counter() - self._start

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def _sample(self) -> None:
        self.peak_mb = max(self.peak_mb, self._process.memory_info().rss / 2**20)
