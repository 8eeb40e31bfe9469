"""Normalisation: main text out of HTML, and a same-length folded view of the text for matching.

The text returned to the client is the text every span indexes. Plain text is returned unchanged
but for one-for-one replacements (non-breaking and other spaces), so offsets into the submitted text
stay valid. The matching view has exactly the text's length: lower case, no accents, straight quotes,
censored words ("te**orist") restored where the table's vocabulary makes them unambiguous.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

_ODD_SPACES = "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000\t\r\f\v"
_SPACES = dict.fromkeys(map(ord, _ODD_SPACES), " ")
_QUOTES = {**dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032\u00b4`"), "'"),
           **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"), '"'),
           **dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")}
_TOKEN_SPLIT = re.compile(r"([a-z0-9][a-z0-9\u0300-\u036f]*)")
_PLAIN_SPLIT = re.compile(r"([a-z0-9]+)")  # the same words when no combining accent is present (the usual case)
_COMBINING = re.compile(r"[\u0300-\u036f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ODD_SPACE = re.compile("[" + "".join(map(chr, _SPACES)) + "]")
_CENSORED = re.compile(r"(?<![a-z0-9*])(?=[a-z*]*[a-z])(?=[a-z*]*\*)[a-z*]{3,}(?![a-z0-9*])")
_BOILERPLATE = re.compile(
    r"^\s*(skip to (main )?content|read more( stories)?(:.{0,120})?|(read|see) also(:.{0,120})?|latest( news)?"
    r"|related( articles| stories| coverage)?(:.{0,120})?"
    r"|advertisement|share this( article)?|sign up for .*newsletter.*|follow us on .*|subscribe.*)\s*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """Lower-case, accent-free, straight-quote replacement for each Latin code point."""
    table: dict[int, str] = {}
    for cp in range(0x00C0, 0x0250):
        ch = chr(cp)
        base = unicodedata.normalize("NFKD", ch)[0].lower()
        if len(base) == 1 and base != ch:
            table[cp] = base
    table.update(_QUOTES)
    table.update(_SPACES)
    return table


def clean_plain(text: str) -> str:
    """One-for-one clean-up of submitted plain text: odd spaces become plain spaces."""
    return _ODD_SPACE.sub(" ", text) if _ODD_SPACE.search(text) else text


def extract_html(html: str) -> tuple[str, str | None]:
    """Main text and title of an HTML page: navigation, boilerplate and repeated headlines dropped."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                      include_links=False, with_metadata=True)
    text = getattr(doc, "text", None) if doc is not None else None
    title = getattr(doc, "title", None) if doc is not None else None
    if not text:
        from lxml import html as lxml_html

        try:
            text = lxml_html.fromstring(html).text_content()
        except Exception:  # lxml raises several unrelated types for broken markup
            text = ""
    lines = [ln.strip() for ln in clean_plain(text).split("\n")]
    kept: list[str] = []
    seen: set[str] = set()
    for line in lines:
        key = line.casefold()
        if not line or _BOILERPLATE.match(line) or (key in seen and len(line) < 200):
            continue
        seen.add(key)
        kept.append(line)
    return "\n".join(kept), title


@dataclass(frozen=True, slots=True)
class Document:
    """The text, its same-length matching view, and its word tokens as parallel tuples."""

    text: str
    view: str
    norms: tuple[str, ...]  # folded form of each word
    starts: tuple[int, ...]  # offset of each word's first character
    ends: tuple[int, ...]  # offset just past each word


def fold_view(text: str, vocabulary: Iterable[str] | dict[int, tuple[str, ...]] = ()) -> str:
    """The matching view: same length as `text`, folded, with censored words restored."""
    lowered = text.lower()
    if len(lowered) != len(text):  # only "İ" (U+0130) lowers to two characters: keep the first, "i"
        lowered = text.replace("\u0130", "i").lower()
    if lowered.isascii():
        view = lowered
    else:  # each distinct character replaced at once: few per text (quotes, dashes, accented letters)
        table, view = _fold_table(), lowered
        for char in set(_NON_ASCII.findall(lowered)):
            if (plain := table.get(ord(char))) is not None:
                view = view.replace(char, plain)
    if "*" in view:
        view = _uncensor(view, vocabulary)
    return view


def _uncensor(view: str, vocabulary: Iterable[str] | dict[int, tuple[str, ...]]) -> str:
    by_length: Mapping[int, Sequence[str]]
    if isinstance(vocabulary, dict):
        by_length = vocabulary
    else:
        grouped: dict[int, list[str]] = {}
        for word in vocabulary:
            grouped.setdefault(len(word), []).append(word)
        by_length = grouped
    chars = list(view)
    for m in _CENSORED.finditer(view):
        pattern = re.compile(re.escape(m.group()).replace(r"\*", "[a-z]"))
        matches = {w for w in by_length.get(len(m.group()), ()) if pattern.fullmatch(w)}
        if len(matches) == 1:
            chars[m.start():m.end()] = matches.pop()
    return "".join(chars)


def tokenize(view: str) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]]:
    """Word tokens of the view: their folded forms, start offsets and end offsets."""
    combining = _COMBINING.search(view) is not None
    # split() with a group alternates separator, word, separator...; summing the lengths gives every offset
    # in C, about twice as fast as a match object per word
    parts = (_TOKEN_SPLIT if combining else _PLAIN_SPLIT).split(view)
    offsets = list(itertools.accumulate(map(len, parts), initial=0))
    norms = parts[1::2]
    if combining:
        norms = [_COMBINING.sub("", w) for w in norms]
    return tuple(norms), tuple(offsets[1:-1:2]), tuple(offsets[2:-1:2])


def prepare(text: str, vocabulary: Iterable[str] | dict[int, tuple[str, ...]] = ()) -> Document:
    """Build the document the extractors read."""
    view = fold_view(text, vocabulary)
    return Document(text, view, *tokenize(view))
