"""Engine speed benchmark: median time per article, in-process and warm, against dateparser and quantulum3.

Run from the repository root:

    .venv/bin/python bench/pipeline.py [--entities 100000] [--rounds 30] [--set ../shared/dev] [--json out.json]

It times the bundled table's compile and `check()` over the dev articles, runs `dateparser.search.search_dates`
and `quantulum3.parser.parse` on the same texts in the same run, then compiles a table with N synthetic
organizations (three aliases each), times that compile, reports its peak memory, times `check()` again and
verifies the big table finds exactly the claims the small one does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import resource
import statistics
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.synthetic import DEFAULT_ENTITIES, synthetic_table  # noqa: E402
from workers.pipeline import Article, check, engine_build  # noqa: E402
from workers.pipeline.lexicon import words  # noqa: E402
from workers.pipeline.reference import ReferenceTable, compile_table, load  # noqa: E402

TARGET_MS = 2.0
TARGET_COMPILE_S = 5.0
TARGET_SCALE_RATIO = 2.0
MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class DevArticle:
    """One dev article: file name, text and publication date."""

    name: str
    text: str
    published: dt.date


@dataclass(frozen=True, slots=True)
class Timing:
    """Per-article wall times of one contender, in milliseconds."""

    samples: tuple[float, ...]

    @property
    def median(self) -> float:
        """Median ms per article."""
        return statistics.median(self.samples)

    @property
    def p90(self) -> float:
        """90th percentile ms per article."""
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]

    def to_dict(self) -> dict[str, float]:
        """JSON-ready figures."""
        return {"median_ms": round(self.median, 3), "p90_ms": round(self.p90, 3), "samples": len(self.samples)}


def load_articles(folder: Path) -> list[DevArticle]:
    """The dev articles with their publication dates from the gold files; exits with a message if absent."""
    gold_dir, text_dir = folder / "gold", folder / "articles"
    golds = sorted(gold_dir.glob("*.json")) if gold_dir.is_dir() else []
    if not golds:
        raise SystemExit(f"bench: no dev set at {folder} (expected gold/*.json and articles/*.txt); "
                         "pass --set PATH")
    out = []
    for g in golds:
        gold = json.loads(g.read_text(encoding="utf-8"))
        text_path = text_dir / gold.get("article", g.with_suffix(".txt").name)
        if not text_path.is_file():
            raise SystemExit(f"bench: {g.name} names {text_path}, which does not exist")
        out.append(DevArticle(text_path.name, text_path.read_text(encoding="utf-8"),
                              dt.date.fromisoformat(gold["published"])))
    return out


def time_per_article(articles: Sequence[DevArticle], run: Callable[[DevArticle], Any], rounds: int,
                     warmup: int = 1) -> Timing:
    """Warm up, then time `run` on every article for `rounds` rounds."""
    for _ in range(warmup):
        for a in articles:
            run(a)
    gc.collect()
    samples = []
    for _ in range(rounds):
        for a in articles:
            t0 = time.perf_counter()
            run(a)
            samples.append((time.perf_counter() - t0) * 1000)
    return Timing(tuple(samples))


def claim_signature(result: dict[str, Any]) -> list[tuple[Any, ...]]:
    """What must not change with a bigger table: each claim's type, span, text, subject and label."""
    return [(c["type"], tuple(c["span"]), c["text"], (c["subject"] or {}).get("id"), c["verdict"]["label"])
            for c in result["claims"]]


def rss_mb() -> float:
    """Current resident set size of this process in MB."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return float("nan")
    return pages * resource.getpagesize() / MB


def max_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (ru_maxrss is KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def engine_runner(table: ReferenceTable) -> Callable[[DevArticle], dict[str, Any]]:
    """`check()` of one article against `table`."""
    return lambda a: check(Article(text=a.text, published_at=a.published), table)


def baselines(articles: Sequence[DevArticle], rounds: int) -> dict[str, Timing]:
    """dateparser.search.search_dates and quantulum3 on the same texts, warmed up."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from dateparser.search import search_dates
        from quantulum3 import parser as qparser

        def dates(a: DevArticle) -> Any:
            base = dt.datetime.combine(a.published, dt.time())
            return search_dates(a.text, languages=["en"],
                                settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})

        def quantities(a: DevArticle) -> Any:
            return qparser.parse(a.text)

        return {"dateparser": time_per_article(articles, dates, rounds),
                "quantulum3": time_per_article(articles, quantities, rounds)}


def small_table(articles: Sequence[DevArticle], rounds: int) -> tuple[ReferenceTable, dict[str, Any]]:
    """Compile the bundled table and time `check()` with it."""
    compile_s = []
    table = None
    for _ in range(3):
        t0 = time.perf_counter()
        table = load(ROOT / "reference")
        compile_s.append(time.perf_counter() - t0)
    assert table is not None
    timing = time_per_article(articles, engine_runner(table), rounds, warmup=2)
    return table, {"compile_s": min(compile_s), "entities": len(table.entities), "facts": len(table.facts),
                   "timing": timing}


def big_table(articles: Sequence[DevArticle], rounds: int, count: int, seed: int) -> tuple[ReferenceTable,
                                                                                           dict[str, Any]]:
    """Build the synthetic table, measure its compile's time and memory, and time `check()` with it."""
    avoid = {w for a in articles for w in words(a.text)}
    t0 = time.perf_counter()
    raw = synthetic_table(count, seed, avoid)
    generate_s = time.perf_counter() - t0
    gc.collect()
    rss_before = rss_mb()
    t0 = time.perf_counter()
    table = compile_table(raw)
    compile_s = time.perf_counter() - t0
    rss_after = rss_mb()
    run = engine_runner(table)
    t0 = time.perf_counter()
    run(articles[0])
    first_ms = (time.perf_counter() - t0) * 1000
    gc.collect()
    tracemalloc.start()  # a second, traced compile: tracemalloc slows it down, so it is not the timed one
    traced = compile_table(raw)
    retained, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del traced
    gc.collect()
    timing = time_per_article(articles, run, rounds, warmup=2)
    return table, {"entities": len(table.entities), "synthetic_entities": count, "facts": len(table.facts),
                   "phrases": len(raw[-1][1]["entities"]) * 4, "generate_s": generate_s, "compile_s": compile_s,
                   "tracemalloc_peak_mb": peak / MB, "tracemalloc_retained_mb": retained / MB,
                   "rss_before_mb": rss_before, "rss_after_mb": rss_after, "first_check_ms": first_ms,
                   "timing": timing}


def compare_claims(articles: Sequence[DevArticle], small: ReferenceTable, big: ReferenceTable) -> list[str]:
    """Differences between the claims found with the small and the big table (empty when they match)."""
    diffs = []
    for a in articles:
        want = claim_signature(engine_runner(small)(a))
        got = claim_signature(engine_runner(big)(a))
        if want != got:
            missing = [c for c in want if c not in got]
            extra = [c for c in got if c not in want]
            diffs.append(f"{a.name}: {len(want)} vs {len(got)} claims; only small: {missing[:3]}; "
                         f"only big: {extra[:3]}")
    return diffs


def report(figures: dict[str, Any]) -> None:
    """Print the figures as a compact table."""
    from rich.console import Console
    from rich.table import Table

    def mark(ok: bool) -> str:
        return "[green]ok[/]" if ok else "[red]MISSED[/]"

    eng = figures["engine"]
    out = Table(title=f"claimcheck engine ({figures['build']}), {figures['articles']} dev articles x "
                      f"{figures['rounds']} rounds (ms per article, warm, in-process)")
    out.add_column("measure")
    out.add_column("value", justify="right")
    out.add_column("target / note")
    out.add_row("engine, bundled table: median", f"{eng['median_ms']:.2f} ms",
                f"<= {TARGET_MS} ms {mark(eng['median_ms'] <= TARGET_MS)}")
    out.add_row("engine, bundled table: p90", f"{eng['p90_ms']:.2f} ms", "")
    out.add_row("bundled table compile", f"{figures['small']['compile_s'] * 1000:.0f} ms",
                f"{figures['small']['entities']} entities, {figures['small']['facts']} facts")
    for name, b in figures["baselines"].items():
        out.add_row(f"{name}: median", f"{b['median_ms']:.1f} ms",
                    f"engine is {b['median_ms'] / eng['median_ms']:.0f}x faster")
    big = figures.get("big")
    if big:
        out.add_row(f"{big['synthetic_entities']:,} entities: compile_table", f"{big['compile_s']:.2f} s",
                    f"<= {TARGET_COMPILE_S} s {mark(big['compile_s'] <= TARGET_COMPILE_S)}"
                    f" (generating the sections: {big['generate_s']:.1f} s)")
        out.add_row("  compile peak memory (tracemalloc)", f"{big['tracemalloc_peak_mb']:.0f} MB",
                    f"retained by the table: {big['tracemalloc_retained_mb']:.0f} MB")
        out.add_row("  process RSS", f"{big['rss_after_mb']:.0f} MB",
                    f"before compile {big['rss_before_mb']:.0f} MB; max RSS {figures['max_rss_mb']:.0f} MB "
                    "(with the traced compile)")
        out.add_row("  first check (lazy vocabulary)", f"{big['first_check_ms']:.0f} ms", "")
        out.add_row("  engine, big table: median", f"{big['median_ms']:.2f} ms",
                    f"{big['ratio']:.2f}x small <= {TARGET_SCALE_RATIO}x {mark(big['ratio'] <= TARGET_SCALE_RATIO)}")
        out.add_row("  engine, big table: p90", f"{big['p90_ms']:.2f} ms", "")
        out.add_row("  same claims as bundled table", "yes" if big["claims_match"] else "[red]NO[/]",
                    "type, span, text, subject, label")
    Console(width=120).print(out)
    for line in (big or {}).get("claim_diffs", []):
        print("  claim diff:", line)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print (and optionally save) the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=Path, default=ROOT.parent / "shared" / "dev",
                    help="dev set folder with articles/ and gold/ (default: ../shared/dev)")
    ap.add_argument("--rounds", type=int, default=30,
                    help="timed rounds over the articles (default 30: a steady median)")
    ap.add_argument("--entities", type=int, default=DEFAULT_ENTITIES,
                    help=f"synthetic entities for the scale test, 0 to skip (default {DEFAULT_ENTITIES})")
    ap.add_argument("--seed", type=int, default=7, help="seed of the synthetic names")
    ap.add_argument("--no-baselines", action="store_true", help="skip dateparser and quantulum3")
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = ap.parse_args(argv)
    if args.rounds < 1:
        ap.error("--rounds must be at least 1")

    articles = load_articles(args.set)
    small, s = small_table(articles, args.rounds)
    figures: dict[str, Any] = {
        "articles": len(articles), "rounds": args.rounds, "python": sys.version.split()[0], "build": engine_build(),
        "engine": s.pop("timing").to_dict(), "small": s, "baselines": {},
    }
    if not args.no_baselines:
        for name, timing in baselines(articles, args.rounds).items():
            figures["baselines"][name] = {**timing.to_dict(),
                                          "engine_speedup": round(timing.median / figures["engine"]["median_ms"], 1)}
    if args.entities > 0:
        big, b = big_table(articles, args.rounds, args.entities, args.seed)
        diffs = compare_claims(articles, small, big)
        b.update(b.pop("timing").to_dict())
        b["ratio"] = b["median_ms"] / figures["engine"]["median_ms"]
        b["claims_match"] = not diffs
        b["claim_diffs"] = diffs
        figures["big"] = b
    figures["max_rss_mb"] = max_rss_mb()
    report(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=float) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
