"""Frozen value objects that travel through the pipeline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, NamedTuple


@dataclass(frozen=True, slots=True)
class DateWindow:
    """A resolved date: the first and last day it may mean, and how precisely it was said."""

    start: dt.date
    end: dt.date
    granularity: str  # day | week | month | year | range

    def overlaps(self, other: DateWindow) -> bool:
        """True when the two windows share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def to_dict(self) -> dict[str, str]:
        """JSON-ready form."""
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "granularity": self.granularity}


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in the text and what it resolves to (None when it cannot be resolved)."""

    start: int
    end: int
    text: str
    window: DateWindow | None
    relative: bool
    open_ended: bool = False  # "since February": from then until publication


@dataclass(frozen=True, slots=True)
class MoneyMention:
    """An amount of money in the text."""

    start: int
    end: int
    text: str
    amount: float
    currency: str
    bound: str | None  # None (as stated), "approx", "min" (at least), "max" (at most), "above", "below"


class PhraseMatch(NamedTuple):
    """A table phrase (name, alias, cue, term, trigger) found in the text.

    A NamedTuple rather than a frozen dataclass: hundreds are made per article, and a frozen dataclass
    costs four times as much to build (both are immutable and typed).
    """

    start: int  # character offsets in the text
    end: int
    first: int  # token indexes, end exclusive
    last: int
    kind: str
    ref: str
    plural: bool = False
    fuzzy: bool = False


class Sentence(NamedTuple):
    """A sentence: its span, its paragraph, and its clauses as character spans (a NamedTuple, like
    PhraseMatch: one per sentence of every article)."""

    start: int
    end: int
    paragraph: int
    index: int  # type: ignore[assignment]  # the sentence's number, shadowing tuple.index on purpose
    clauses: tuple[tuple[int, int], ...]
    bullet: bool = False


@dataclass(frozen=True, slots=True)
class Evidence:
    """A reference fact a verdict rests on."""

    fact_id: str
    sources: tuple[str, ...]
    statement: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"fact_id": self.fact_id, "sources": list(self.sources), "statement": self.statement}


@dataclass(frozen=True, slots=True)
class Verdict:
    """The label, the one-sentence explanation and the evidence of a claim."""

    label: str
    explanation: str
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"label": self.label, "explanation": self.explanation,
                "evidence": [e.to_dict() for e in self.evidence]}


@dataclass(frozen=True, slots=True)
class Claim:
    """An atomic claim found in the text, before verification."""

    type: str
    start: int
    end: int
    sentence: Sentence
    subject: str | None  # entity id
    value: dict[str, Any] = field(default_factory=dict)
    date: DateMention | None = None
    subject_name: str | None = None  # as written, for a subject the table does not know (then `subject` is None)
