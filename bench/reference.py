"""Reference store bench: compile time and memory at 1,000, 10,000 and 100,000 entities, and how long a worker's
live table takes to pick up a one-fact change at 100,000 entities.

    .venv/bin/python bench/reference.py [--sizes 1000 10000 100000] [--rounds 5] [--redis-url URL] [--json out.json]

Each size is compiled in a fresh process (its RSS before and after is the table's memory). The pick-up is measured
against a real Redis under a throwaway key prefix (erased at the end): the synthetic table is imported into the
store, a `LiveTable` (the code every worker process runs) compiles it, then each round changes one fact through
the store (as the admin API does) and times from the write's return until the live table holds the new version.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from synthetic import synthetic_table  # noqa: E402

from workers.jobs import connect  # noqa: E402
from workers.livetable import LiveTable  # noqa: E402
from workers.pipeline.api import DEFAULT_REFERENCE  # noqa: E402
from workers.pipeline.reference import compile_table  # noqa: E402
from workers.refstore import ReferenceStore  # noqa: E402


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20


def compile_one(size: int) -> dict[str, Any]:
    """Compile a synthetic table of `size` extra entities in this process: seconds and memory."""
    raw = synthetic_table(size)
    before = _rss_mb()
    began = time.perf_counter()
    table = compile_table(raw)
    seconds = time.perf_counter() - began
    after = _rss_mb()
    return {"entities": len(table.entities), "facts": len(table.facts), "compile_s": round(seconds, 3),
            "table_rss_mb": round(after - before, 1), "peak_rss_mb": round(resource.getrusage(
                resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def pickup(size: int, rounds: int, redis_url: str) -> dict[str, Any]:
    """Import a `size`-entity table, let a live table compile it, then time one-fact changes until picked up."""
    prefix = f"bench-ref-{uuid.uuid4().hex[:8]}:"
    client = connect(redis_url)
    store = ReferenceStore(client, prefix)
    try:
        raw = synthetic_table(size)
        began = time.perf_counter()
        store.replace(raw, "bench")
        import_s = time.perf_counter() - began
        live = LiveTable(store, DEFAULT_REFERENCE)
        began = time.perf_counter()
        first = live.current()
        first_s = time.perf_counter() - began
        fact_id = next(f.id for f in first.table.facts if f.id.startswith("syn-"))
        writes, pickups = [], []
        for i in range(rounds):
            record, tag, _ = store.get("facts", fact_id)
            changed = {**record, "note": f"bench round {i}"}
            began = time.perf_counter()
            written = store.put("facts", changed, "bench", create=False, if_match=lambda t, tag=tag: t == tag)
            wrote = time.perf_counter()
            while live.loaded.number < written.number:
                time.sleep(0.002)
            done = time.perf_counter()
            assert live.loaded.table.version == written.hash
            assert live.loaded.table.lexicon is first.table.lexicon
            writes.append(wrote - began)
            pickups.append(done - wrote)
        return {"entities": len(first.table.entities), "import_s": round(import_s, 2),
                "first_compile_s": round(first_s, 2),
                "write_median_s": round(statistics.median(writes), 3),
                "pickup_median_s": round(statistics.median(pickups), 3), "pickup_max_s": round(max(pickups), 3),
                "rounds": rounds}
    finally:
        for key in client.scan_iter(match=prefix + "*", count=1000):
            client.delete(key)


def main(argv: list[str] | None = None) -> int:
    """Run the bench and print (and optionally save) its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one is not None:
        print(json.dumps(compile_one(args.one)))
        return 0
    figures: dict[str, Any] = {"compile": []}
    for size in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(size)], capture_output=True, text=True,
                             check=True)
        row = {"synthetic": size, **json.loads(out.stdout)}
        figures["compile"].append(row)
        print(f"{size:>7} synthetic entities: compile {row['compile_s']:.2f} s, table {row['table_rss_mb']:.0f} MB "
              f"RSS (peak {row['peak_rss_mb']:.0f} MB)", flush=True)
    figures["pickup"] = pickup(max(args.sizes), args.rounds, args.redis_url)
    p = figures["pickup"]
    print(f"one-fact change at {p['entities']} entities: picked up in {p['pickup_median_s']:.3f} s median, "
          f"{p['pickup_max_s']:.3f} s max ({p['rounds']} rounds; the write itself {p['write_median_s']:.3f} s; "
          f"import {p['import_s']:.1f} s, first compile {p['first_compile_s']:.1f} s)")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
