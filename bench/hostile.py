"""Hostile-input benchmark: the engine's time on nasty articles grows linearly with their size.

Run from the repository root:

    .venv/bin/python bench/hostile.py [--sizes 31250 125000 500000] [--json out.json]

Each input of the corpus below is made at each size (characters) and checked by `workers.pipeline.check`
(best of two runs). The engine must return a result or refuse with an InputError, never raise anything else,
and stay within two bounds: a budget per size and growth close to linear. The budget is relative, measured in
the same run: at most --budget-multiple (default 10) times the engine's time per character on ordinary text (the
dev articles, ../shared/dev/articles, else a built-in paragraph), plus 0.1 s; --seconds-per-mb sets an absolute
budget instead (the former default was 5 s a megabyte, about 10x the ordinary cost on the machine it was set on).
Growth close to linear: (time at 4x the size at most --max-ratio, default 8, times the time at the smaller size:
linear is 4, quadratic 16; times below 0.05 s are not judged, timer noise dominates there). A regular expression
that backtracks catastrophically is quadratic or worse and breaks the second bound long before the first. Text
of code points above U+FFFF takes 4 bytes a character in Python, and grows by up to 7x per 4x between 125,000 and
500,000 characters as its copies outgrow the CPU caches (then linearly again: 0.84 us a character at 1 MB).
Exit status 1 when a bound is broken or an input crashes the engine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workers.pipeline import Article, InputError, check, load_table  # noqa: E402

PUBLISHED = dt.date(2025, 9, 10)


def _fill(unit: str, n: int) -> str:
    """`unit` repeated to exactly n characters."""
    return (unit * (n // len(unit) + 1))[:n]


def _unicode(n: int) -> str:
    """n code points from every plane up to 3, surrogates excepted: every Unicode category."""
    rng = random.Random(n)
    points = (rng.randrange(0x20, 0x3FFFF) for _ in range(n))
    return "".join(chr(p) for p in points if not 0xD800 <= p <= 0xDFFF)


def _nested(n: int) -> str:
    """Tags nested as deep as the size allows around one sentence."""
    depth = max(1, (n - 60) // 11)
    return "<div>" * depth + "<p>Tren de Aragua was designated in February 2025.</p>" + "</div>" * depth


#: name -> (field, maker of an input of about n characters)
CORPUS: dict[str, tuple[str, Callable[[int], str]]] = {
    "one character repeated": ("text", lambda n: "a" * n),
    "full stops": ("text", lambda n: "." * n),
    "dollar signs": ("text", lambda n: "$" * n),
    "spaces then a letter": ("text", lambda n: " " * (n - 1) + "x"),
    "newlines": ("text", lambda n: "\n" * n),
    "digits (a number of n digits)": ("text", lambda n: "$" + "9" * (n - 1)),
    "digit groups": ("text", lambda n: "$" + _fill("1,000", n - 1)),
    "amounts and cues": ("text", lambda n: _fill("$1 reward for Maduro ", n)),
    "one long line of claims": ("text", lambda n: _fill("Tren de Aragua was designated in February 2025 and a "
                                                        "$5 million reward offered ", n)),
    "words, no punctuation": ("text", lambda n: _fill("word ", n)),
    "impossible dates": ("text", lambda n: _fill("On February 30, 2025 the U.S. designated Tren de Aragua. ", n)),
    "mixed scripts": ("text", lambda n: _fill("Картель Tren de Aragua 特朗普 designated كارتل in February ", n)),
    "every Unicode category": ("text", _unicode),
    "control characters": ("text", lambda n: _fill("\x01\x02\x1b[31m Tren de Aragua designated \x7f", n)),
    "deeply nested HTML": ("html", _nested),
    "HTML entities": ("html", lambda n: "<p>" + _fill("&amp;", n - 3) + "</p>"),
    "unclosed tags": ("html", lambda n: _fill("<p ", n)),
}


def timed(field: str, text: str, table: object) -> tuple[float, str]:
    """Best of two runs in seconds, and what came of it: a claim count, `refused` or `CRASH ...`."""
    best, outcome = float("inf"), ""
    for _ in range(2):
        started = time.perf_counter()
        try:
            result = check(Article(published_at=PUBLISHED, **{field: text}), table)
            outcome = f"{len(result['claims'])} claims"
        except InputError:
            outcome = "refused"
        except Exception as exc:  # noqa: BLE001 (the benchmark reports it)
            return time.perf_counter() - started, f"CRASH {type(exc).__name__}: {exc}"
        best = min(best, time.perf_counter() - started)
    return best, outcome


ARTICLES = ROOT.parent / "shared" / "dev" / "articles"
ORDINARY = ("The State Department designated Tren de Aragua a foreign terrorist organization on Feb. 20, 2025, and "
            "offered up to $5 million for its leader. Six Mexican cartels were designated the same day. ") * 12


def ordinary_seconds_per_char(table: object, rounds: int = 5) -> float:
    """The engine's time per character on ordinary articles (the dev articles, else a built-in paragraph): the
    baseline the budget is a multiple of, measured in the same run."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))] or [ORDINARY]
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for text in texts:
            check(Article(text=text, published_at=PUBLISHED), table)
        best = min(best, time.perf_counter() - started)
    return best / sum(map(len, texts))


def main(argv: list[str] | None = None) -> int:
    """Time every input at every size and judge the bounds."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[31_250, 125_000, 500_000])
    parser.add_argument("--budget-multiple", type=float, default=10.0)
    parser.add_argument("--seconds-per-mb", type=float, default=None)
    parser.add_argument("--max-ratio", type=float, default=8.0)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    table = load_table()
    check(Article(text="Warm up the engine.", published_at=PUBLISHED), table)
    ordinary = ordinary_seconds_per_char(table)
    per_char = args.seconds_per_mb / 1e6 if args.seconds_per_mb else args.budget_multiple * ordinary
    print(f"ordinary text: {ordinary * 1e6:.2f} us a character; budget {per_char * 1e6:.2f} us a character "
          f"({per_char * 1e6:.1f} s a megabyte) plus 0.1 s", flush=True)
    rows, broken = [], []
    header = " | ".join(f"{size:>9,}" for size in args.sizes)
    print(f"{'input':<32} {header} | worst ratio | outcome (largest)", flush=True)
    for name, (field, make) in CORPUS.items():
        times, outcomes = [], []
        for size in args.sizes:
            seconds, outcome = timed(field, make(size), table)
            times.append(seconds)
            outcomes.append(outcome)
            if outcome.startswith("CRASH"):
                broken.append(f"{name} at {size}: {outcome}")
            if seconds > per_char * size + 0.1:
                broken.append(f"{name} at {size}: {seconds:.2f} s is over the budget")
        ratios = [
            (later / earlier) / (big / small) * 4  # normalised to a 4x step
            for earlier, later, small, big in zip(times, times[1:], args.sizes, args.sizes[1:], strict=False)
            if later >= 0.05
        ]
        worst = max(ratios, default=None)
        if worst is not None and worst > args.max_ratio:
            broken.append(f"{name}: time grew {worst:.1f}x for 4x the size")
        cells = " | ".join(f"{1000 * s:>7.1f}ms" for s in times)
        print(f"{name:<32} {cells} | {'-' if worst is None else f'{worst:.1f}':>11} | {outcomes[-1]}", flush=True)
        rows.append({"input": name, "field": field, "sizes": args.sizes, "seconds": times,
                     "worst_ratio_per_4x": worst, "outcomes": outcomes})
    print("all bounds held" if not broken else "BROKEN:\n  " + "\n  ".join(broken), flush=True)
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "broken": broken, "ordinary_seconds_per_char": ordinary,
                                         "budget_seconds_per_char": per_char}, indent=2))
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
