"""Versions of one CMS story: which claims of a new version are new, changed or unchanged, and which are gone."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

NEW, CHANGED, UNCHANGED = "new", "changed", "unchanged"
_SPACE = re.compile(r"\s+")


def claim_key(claim: Mapping[str, Any]) -> tuple[str, str | None, str]:
    """What identifies a claim across versions: its type, its subject's id and its key text (case, spaces folded)."""
    subject = claim.get("subject") or {}
    return claim.get("type", ""), subject.get("id"), _SPACE.sub(" ", str(claim.get("text", ""))).strip().casefold()


def _verdict(claim: Mapping[str, Any]) -> str | None:
    return (claim.get("verdict") or {}).get("label")


def diff_claims(
    before: Iterable[Mapping[str, Any]], after: Iterable[Mapping[str, Any]]
) -> tuple[list[str], list[Mapping[str, Any]]]:
    """A mark per claim of `after` (new, changed in verdict or value, unchanged) and the claims of `before` gone.

    Claims match by `claim_key`, in order when a key occurs more than once.
    """
    waiting: dict[tuple, list[Mapping[str, Any]]] = {}
    for claim in before:
        waiting.setdefault(claim_key(claim), []).append(claim)
    marks = []
    for claim in after:
        earlier = waiting.get(claim_key(claim))
        if not earlier:
            marks.append(NEW)
            continue
        old = earlier.pop(0)
        same = _verdict(old) == _verdict(claim) and old.get("value") == claim.get("value")
        marks.append(UNCHANGED if same else CHANGED)
    return marks, [claim for left in waiting.values() for claim in left]


def verdict_changes(
    before: Iterable[Mapping[str, Any]], after: Iterable[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """The claims whose verdict changed between two checks of one article, matched by `claim_key` (in order):
    `claim` (the new claim's id), type, text, subject, `before` and `after` labels (None for a claim made by only
    one of the checks)."""
    waiting: dict[tuple, list[Mapping[str, Any]]] = {}
    for claim in before:
        waiting.setdefault(claim_key(claim), []).append(claim)
    out = []
    for claim in after:
        earlier = waiting.get(claim_key(claim))
        old = earlier.pop(0) if earlier else None
        if old is None or _verdict(old) != _verdict(claim):
            out.append(_verdict_change(claim, _verdict(old) if old else None, _verdict(claim)))
    out += [_verdict_change(c, _verdict(c), None, gone=True) for left in waiting.values() for c in left]
    return out


def _verdict_change(claim: Mapping[str, Any], before: str | None, after: str | None, *,
                    gone: bool = False) -> dict[str, Any]:
    return {"claim": None if gone else claim.get("id"), "type": claim.get("type"), "text": claim.get("text"),
            "subject": claim.get("subject"), "before": before, "after": after}


def mark_recheck(result: dict[str, Any], previous_job: str, previous: Mapping[str, Any] | None) -> dict[str, Any]:
    """`result` with a `recheck` member: the job re-checked, the table version its result rested on, and the
    claims whose verdict changed since (`verdict_changes`)."""
    result["recheck"] = {
        "previous_job": previous_job,
        "previous_reference_version": (previous or {}).get("reference_version"),
        "previous_reference_version_number": (previous or {}).get("reference_version_number"),
        "compared": previous is not None,
        "verdict_changes": verdict_changes((previous or {}).get("claims") or [], result["claims"]),
    }
    return result


def mark_changes(result: dict[str, Any], previous_job: str, previous: Mapping[str, Any] | None) -> dict[str, Any]:
    """`result` with each claim's `change` and a `changes` member: the previous job, whether its result was there
    to compare (else every claim is new), and the claims gone since (id, type, text, subject, value, label)."""
    marks, gone = diff_claims((previous or {}).get("claims") or [], result["claims"])
    for claim, mark in zip(result["claims"], marks, strict=True):
        claim["change"] = mark
    result["changes"] = {
        "previous_job": previous_job,
        "compared": previous is not None,
        "gone": [
            {"id": c.get("id"), "type": c.get("type"), "text": c.get("text"), "subject": c.get("subject"),
             "value": c.get("value"), "label": _verdict(c)}
            for c in gone
        ],
    }
    return result
