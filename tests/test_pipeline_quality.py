"""Quality gate: end-to-end F1 on the labelled dev articles, scored by the shared scorer's own matching."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
from pathlib import Path

import pytest

from workers.pipeline import Article, check, load_table

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
MIN_F1 = 0.95


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not (SHARED / "dev").is_dir() and os.environ.get("CI") != "true",
                    reason="the labelled dev set (../shared/dev) is not beside this checkout")
def test_dev_set_f1() -> None:
    """Every dev article is checked; end-to-end F1 stays at or above the floor."""
    score = _scorer()
    table = load_table()
    totals = {"gold": 0, "pred": 0, "tp_e2e": 0}
    for gold_file in sorted((SHARED / "dev" / "gold").glob("*.json")):
        gold = json.loads(gold_file.read_text())
        text = (SHARED / "dev" / "articles" / gold["article"]).read_text(encoding="utf-8")
        result = check(Article(text=text, published_at=dt.date.fromisoformat(gold["published"])), table)
        scored = score.score_article(gold, text, result["claims"])
        for key in totals:
            totals[key] += scored[key]
    precision = totals["tp_e2e"] / totals["pred"] if totals["pred"] else 0.0
    recall = totals["tp_e2e"] / totals["gold"]
    assert score.f1(precision, recall) >= MIN_F1, totals
