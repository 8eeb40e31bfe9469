"""Which facts conflict: a table of single-valued facts against one in force from 2025-01-10."""

from __future__ import annotations

import pytest

from workers.refcheck import conflicting


def _fact(fact_id: str, amount: int, announced: str, until: str | None = None, subject: str = "nicolas-maduro") -> dict:
    dates = {"announced": announced, **({"until": until} if until else {})}
    return {"id": fact_id, "predicate": "reward", "subjects": [subject], "attributes": {"amount": amount},
            "dates": dates, "sources": ["https://example.org/"]}


@pytest.mark.parametrize(
    ("new", "clash"),
    [
        (_fact("n", 2, "2025-01-10"), "a"),  # same first day, other value
        (_fact("n", 1, "2025-01-10"), None),  # same value
        (_fact("n", 2, "2025-03-01"), None),  # later: supersedes, no overlap
        (_fact("n", 2, "2024-01-01", until="2025-02-01"), "a"),  # its until reaches past a's start
        (_fact("n", 2, "2024-01-01", until="2025-01-09"), None),  # ends the day before
        (_fact("n", 2, "2025-01-10", subject="someone-else"), None),  # another subject
        (_fact("a", 2, "2025-01-10"), None),  # the fact itself, updated
    ],
)
def test_conflicting(new: dict, clash: str | None) -> None:
    found = conflicting(new, [_fact("a", 1, "2025-01-10")])
    assert (found or {}).get("id") == clash
