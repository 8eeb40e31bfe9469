"""The claim diff between two versions of a story: a small pure function and its table."""

from __future__ import annotations

import pytest

from workers.versions import CHANGED, NEW, UNCHANGED, diff_claims, mark_changes, mark_recheck, verdict_changes


def claim(text: str, label: str = "supported", value: dict | None = None, kind: str = "reward",
          subject: str | None = "Q1") -> dict:
    return {"id": f"c-{text}", "type": kind, "text": text, "subject": {"id": subject, "name": "x"} if subject else None,
            "value": value or {"amount": 1}, "verdict": {"label": label, "explanation": "", "evidence": []}}


@pytest.mark.parametrize(
    ("before", "after", "marks", "gone"),
    [
        ([], [claim("a")], [NEW], []),
        ([claim("a")], [], [], ["a"]),
        ([claim("a")], [claim("a")], [UNCHANGED], []),
        ([claim("a")], [claim("  A ")], [UNCHANGED], []),  # key text: case and spaces folded
        ([claim("a")], [claim("a", label="refuted")], [CHANGED], []),
        ([claim("a")], [claim("a", value={"amount": 2})], [CHANGED], []),
        ([claim("a")], [claim("a", kind="event_date")], [NEW], ["a"]),  # another type: another claim
        ([claim("a")], [claim("a", subject="Q2")], [NEW], ["a"]),  # another subject too
        ([claim("a", subject=None)], [claim("a", subject=None)], [UNCHANGED], []),
        ([claim("a"), claim("a", label="refuted")], [claim("a", label="refuted")], [CHANGED], ["a"]),  # in order
        ([claim("a"), claim("b")], [claim("b"), claim("c")], [UNCHANGED, NEW], ["a"]),
    ],
)
def test_diff_claims(before: list, after: list, marks: list, gone: list) -> None:
    got_marks, got_gone = diff_claims(before, after)
    assert got_marks == marks
    assert [c["text"] for c in got_gone] == gone


def test_mark_changes() -> None:
    result = mark_changes({"claims": [claim("a"), claim("b")]}, "job-1", {"claims": [claim("a"), claim("z")]})
    assert [c["change"] for c in result["claims"]] == [UNCHANGED, NEW]
    assert result["changes"]["previous_job"] == "job-1" and result["changes"]["compared"]
    assert [(g["text"], g["label"]) for g in result["changes"]["gone"]] == [("z", "supported")]
    assert [c["change"] for c in mark_changes({"claims": [claim("a")]}, "j", None)["claims"]] == [NEW]


def test_verdict_changes() -> None:
    before = [claim("a"), claim("b", label="refuted"), claim("gone")]
    after = [claim("a", label="outdated"), claim("b", label="refuted"), claim("new")]
    changes = verdict_changes(before, after)
    assert [(c["text"], c["before"], c["after"]) for c in changes] == [
        ("a", "supported", "outdated"), ("new", None, "supported"), ("gone", "supported", None)]
    assert changes[0]["claim"] == "c-a" and changes[2]["claim"] is None


def test_mark_recheck() -> None:
    previous = {"claims": [claim("a")], "reference_version": "sha256:1", "reference_version_number": 4}
    recheck = mark_recheck({"claims": [claim("a", label="refuted")]}, "job-1", previous)["recheck"]
    assert recheck["previous_reference_version"] == "sha256:1" and recheck["previous_reference_version_number"] == 4
    assert [c["after"] for c in recheck["verdict_changes"]] == ["refuted"]
    assert mark_recheck({"claims": []}, "job-1", None)["recheck"]["compared"] is False
