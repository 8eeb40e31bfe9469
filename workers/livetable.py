"""The table a worker process checks against: the store's newest version, compiled off the job path and swapped in.

A watcher thread polls the version number every POLL_INTERVAL seconds and compiles a new version while jobs go on
with the one they hold. A change of facts alone is applied to the previous table (`with_facts`: the matcher is
shared), anything else compiles the version's snapshot. A job calls `current()` once at its start and keeps that
table to its end; when the store is already ahead, it waits up to WAIT seconds for the watcher to catch up.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workers.pipeline.api import reference_path
from workers.pipeline.reference import ReferenceTable, compile_table, with_facts
from workers.refstore import FACTS_FILE, ReferenceStore, apply_ops

log = logging.getLogger(__name__)
POLL_INTERVAL = 0.2  # seconds between two looks at the version number
WAIT = 2.0  # seconds a job waits for a version the store has and this process is still compiling


@dataclass(frozen=True, slots=True)
class Loaded:
    """One compiled version of the store's table."""

    number: int
    hash: str
    table: ReferenceTable


class LiveTable:
    """The store's current table in this process, kept up to date by a watcher thread."""

    def __init__(self, store: ReferenceStore, seed: Path, poll: float = POLL_INTERVAL) -> None:
        self.store, self.seed, self.poll = store, seed, poll
        self.loaded: Loaded | None = None
        self._compiling = threading.Lock()
        self._swapped = threading.Condition()
        self._wake = threading.Event()
        self._pid: int | None = None

    def current(self, wait: float = WAIT) -> Loaded:
        """The newest version compiled here; the store's current one unless it is still being compiled."""
        self._watch_in_this_process()
        loaded = self.loaded
        if loaded is None:
            self.refresh()
            return self.loaded
        number = self.store.number()
        if number > loaded.number:
            deadline = time.monotonic() + wait
            self._wake.set()
            with self._swapped:
                while self.loaded.number < number and (left := deadline - time.monotonic()) > 0:
                    self._swapped.wait(left)
        return self.loaded

    def warm(self) -> None:
        """Compile the current version in the background (a new pool process, before its first job)."""

        def run() -> None:
            try:
                self.current()
            except Exception:
                log.exception("could not load the reference table; the first job will try again")

        threading.Thread(target=run, name="reference-warm", daemon=True).start()

    def refresh(self) -> Loaded:
        """Compile the store's current version if this process does not have it yet."""
        with self._compiling:
            number = self.store.number()
            if number == 0:
                self.store.ensure_seeded(self.seed)
                number = self.store.number()
            if self.loaded is None or number > self.loaded.number:
                self.loaded = self._advance(self.loaded, number)
        with self._swapped:
            self._swapped.notify_all()
        return self.loaded

    def _advance(self, old: Loaded | None, number: int) -> Loaded:
        """Version `number`: from `old` by its facts when only facts changed since, else compiled whole."""
        if old is not None:
            changes = self.store.ops(old.number + 1, number)
            ops = [op for change in changes if change is not None for op in change]
            if all(change is not None for change in changes) and all(op["section"] == "facts" for op in ops):
                facts: dict[str, Any] = {}
                apply_ops({}, facts, ops)
                put = [(FACTS_FILE, record) for record in facts.values()]
                removed = {op["id"] for op in ops if op["op"] == "retire"} - facts.keys()
                version = self.store.summary(number)["hash"]
                return Loaded(number, version, with_facts(old.table, put, removed, version))
        snap = self.store.snapshot(number)
        return Loaded(number, snap.hash, compile_table(snap.raw(), version=snap.hash))

    def _watch_in_this_process(self) -> None:
        """Start the watcher thread once per process (a forked pool process starts its own)."""
        if self._pid == os.getpid():
            return
        with _LIVE_LOCK:
            if self._pid == os.getpid():
                return
            if self._pid is not None:  # made in the parent before a fork: its locks may be held there
                self._compiling, self._swapped, self._wake = threading.Lock(), threading.Condition(), threading.Event()
            self._pid = os.getpid()
        threading.Thread(target=self._watch, name="reference-watcher", daemon=True).start()

    def _watch(self) -> None:
        while True:
            self._wake.wait(self.poll)
            self._wake.clear()
            try:
                if self.loaded is None or self.store.number() > self.loaded.number:
                    self.refresh()
            except Exception:
                log.exception("could not load the reference table's new version; the previous one stays in use")
                time.sleep(1)


_LIVE: dict[tuple[str, str], LiveTable] = {}
_LIVE_LOCK = threading.Lock()


def live_table(config: Mapping[str, Any]) -> LiveTable:
    """This process's live table for the app's Redis and key prefix, seeded from REFERENCE when the store is empty."""
    key = (config["REDIS_URL"], config["KEY_PREFIX"])
    with _LIVE_LOCK:
        found = _LIVE.get(key)
        if found is None:
            found = _LIVE[key] = LiveTable(ReferenceStore.from_config(config), reference_path(config["REFERENCE"]))
    return found
