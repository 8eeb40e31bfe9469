"""A second, made-up domain checked by the same engine with only the reference table changed.

The table under tests/data/fictional describes the fictional island republic of Valdoria: its Maritime
Security Council proscribes smuggling syndicates and pirate crews, its Coast Guard posts bounties on
pirate captains. Every expected verdict below was reasoned from tests/data/fictional/facts.yaml as of
each article's publication date, not copied from the engine's output.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from workers.pipeline import Article, check, load_table

TABLE = Path(__file__).resolve().parent / "data" / "fictional"
ARTICLES = TABLE / "articles"
PUBLISHED = {
    "saltmarch": dt.date(2032, 3, 18),
    "greywater": dt.date(2032, 8, 2),
}
FILES = {
    "saltmarch": "saltmarch-2032-03-18.txt",
    "greywater": "greywater-2032-08-02.txt",
}

# (article, claim type, surface text of the key mention, subject id, sentence snippet, expected label)
CASES: list[Any] = [
    # Designations, article of 2032-03-18.
    pytest.param("saltmarch", "designation", "Black Gull Syndicate", "black-gull", "on March 14, 2031",
                 "supported", id="pmo-right-date"),
    pytest.param("saltmarch", "designation", "Crimson Latern Crew", "crimson-lantern", "on March 14, 2031",
                 "supported", id="pmo-misspelt-name"),
    pytest.param("saltmarch", "designation", "Veiled Keel Syndicate", "veiled-keel", "last November",
                 "supported", id="pmo-by-parent-authority-relative-month"),
    pytest.param("saltmarch", "designation", "Saltfang Brotherhood", "saltfang", "in August 2031",
                 "refuted", id="pmo-wrong-date"),
    pytest.param("saltmarch", "designation", "Driftwood Wardens", "driftwood", "in October 2030",
                 "partially_supported", id="pmo-claimed-but-only-watch-list"),
    pytest.param("saltmarch", "designation", "Amberlight Exchange", "amberlight", "on the Watch List",
                 "partially_supported", id="watch-list-wrong-authority"),
    pytest.param("saltmarch", "designation", "Greywater Compact", "greywater", "has also been proscribed",
                 "refuted", id="pmo-only-after-publication"),
    pytest.param("saltmarch", "designation", "Black Gull Syndicate", "black-gull", "an outlaw organisation",
                 "supported", id="implied-kind-linked-without-cue"),
    # Counts, in force at publication.
    pytest.param("saltmarch", "designation_count", "three syndicates", None, "In all, the council",
                 "supported", id="count-right"),
    pytest.param("saltmarch", "designation_count", "two Korvathi syndicates", None, "In all, the council",
                 "supported", id="count-right-with-nationality"),
    pytest.param("saltmarch", "designation_count", "four pirate crews", None, "It has also proscribed",
                 "refuted", id="count-wrong"),
    pytest.param("saltmarch", "designation_count", "one Ostrennian crew", None, "Only one Ostrennian crew",
                 "supported", id="count-any-kind-with-nationality"),
    # Bounties.
    pytest.param("saltmarch", "reward", "$3.5 million", "orrin-halbrecht", "bounty on him now stands",
                 "supported", id="bounty-current-pronoun-subject"),
    pytest.param("saltmarch", "reward", "$2 million", "orrin-halbrecht", "Posters in Port Serel",
                 "outdated", id="bounty-outdated"),
    pytest.param("saltmarch", "reward", "€750,000", "ysolde-marrowind", "from €500,000 to €750,000",
                 "partially_supported", id="bounty-raised-from-wrong-previous"),
    pytest.param("saltmarch", "reward", "€1 million", "ysolde-marrowind", "has already reached",
                 "refuted", id="bounty-only-after-publication"),
    # Event dates.
    pytest.param("saltmarch", "event_date", "on April 9, 2031", "harbour-accord", "Harbour Accord",
                 "supported", id="event-right-date"),
    pytest.param("saltmarch", "event_date", "in September 2031", "tessel-point-raid", "Tessel Point lighthouse",
                 "refuted", id="event-wrong-date"),
    # Article of 2032-08-02: the same table, a later publication date.
    pytest.param("greywater", "designation", "Greywater Compact", "greywater", "on May 27, 2032",
                 "supported", id="later-pmo-now-supported"),
    pytest.param("greywater", "designation_count", "four syndicates", None, "has now proscribed",
                 "supported", id="later-count-right"),
    pytest.param("greywater", "designation_count", "three syndicates", None, "Campaign leaflets",
                 "outdated", id="later-count-outdated"),
    pytest.param("greywater", "reward", "€1 million", "ysolde-marrowind", "now offer",
                 "supported", id="later-bounty-current"),
    pytest.param("greywater", "reward", "€750,000", "ysolde-marrowind", "Older wanted posters",
                 "outdated", id="later-bounty-outdated"),
]

# Text that must yield no claim at all: (article, snippet).
NEGATIVES: list[Any] = [
    pytest.param("saltmarch", "the Coast Guard said €40 million of contraband linked to Marrowind had been seized",
                 id="amount-not-a-bounty"),
    pytest.param("saltmarch", "Fishermen say the Cobalt Anchor Syndicate still runs fuel along the Korvathi coast.",
                 id="group-without-designation"),
    pytest.param("saltmarch", "proscription orders now cover a dozen harbours along the Saltmarch coast.",
                 id="dozen-harbours"),
    pytest.param("saltmarch", "Inspectors have visited a dozen harbours where proscribed crews sold stolen fuel.",
                 id="dozen-harbours-where-group-noun"),
    pytest.param("saltmarch", "Patrols now watch a dozen harbours sheltering proscribed crews.",
                 id="dozen-harbours-before-group-noun"),
    pytest.param("saltmarch", "left two keepers injured", id="people-not-groups"),
]


def _text(name: str) -> str:
    """The text of one fictional article."""
    return (ARTICLES / FILES[name]).read_text(encoding="utf-8")


def _article(name: str) -> Article:
    """One fictional article with its publication date."""
    return Article(text=_text(name), published_at=PUBLISHED[name])


@pytest.fixture(scope="module")
def results() -> dict[str, dict]:
    """Each fictional article checked against the fictional table."""
    table = load_table(TABLE)
    return {name: check(_article(name), table) for name in FILES}


def _matches(claim: dict, kind: str, surface: str, subject: str | None, context: str) -> bool:
    """True when a claim is the expected one: type, surface, subject and sentence."""
    found = (claim["subject"] or {}).get("id")
    return claim["type"] == kind and claim["text"] == surface and found == subject and context in claim["sentence"]


def _overlaps(claim: dict, start: int, end: int) -> bool:
    """True when a claim's span overlaps [start, end)."""
    return claim["span"][0] < end and claim["span"][1] > start


@pytest.mark.parametrize(("article", "kind", "surface", "subject", "context", "label"), CASES)
def test_expected_claim_and_verdict(results: dict[str, dict], article: str, kind: str, surface: str,
                                    subject: str | None, context: str, label: str) -> None:
    """Each reasoned claim is found once, with the expected verdict."""
    found = [c for c in results[article]["claims"] if _matches(c, kind, surface, subject, context)]
    assert len(found) == 1, [(c["type"], c["text"], c["subject"]) for c in results[article]["claims"]]
    assert found[0]["verdict"]["label"] == label, found[0]["verdict"]["explanation"]


@pytest.mark.parametrize(("article", "snippet"), NEGATIVES)
def test_negative_text_yields_no_claim(results: dict[str, dict], article: str, snippet: str) -> None:
    """Amounts that are not bounties, numbers of non-groups and bare group mentions yield nothing."""
    text = results[article]["article"]["text"]
    start = text.index(snippet)
    spurious = [c for c in results[article]["claims"] if _overlaps(c, start, start + len(snippet))]
    assert spurious == [], [(c["type"], c["text"]) for c in spurious]


@pytest.mark.parametrize("article", sorted(FILES))
def test_no_unexpected_claims(results: dict[str, dict], article: str) -> None:
    """Outside the negative snippets, every claim found is one of the reasoned cases."""
    cases = [p.values for p in CASES if p.values[0] == article]
    text = results[article]["article"]["text"]
    negatives = [(text.index(p.values[1]), text.index(p.values[1]) + len(p.values[1]))
                 for p in NEGATIVES if p.values[0] == article]
    extra = [c for c in results[article]["claims"]
             if not any(_matches(c, *case[1:5]) for case in cases)
             and not any(_overlaps(c, s, e) for s, e in negatives)]
    assert extra == [], [(c["type"], c["text"], c["subject"], c["verdict"]["label"]) for c in extra]


def _words(text: str) -> set[str]:
    """Lower-case words of a text."""
    return set(re.findall(r"[a-z]+", text.lower()))


@pytest.mark.parametrize("article", ["saltmarch", "greywater"])
def test_explanations_use_only_the_tables_words(results: dict[str, dict], article: str) -> None:
    """No explanation borrows a kind word of the bundled table that the fictional table does not have."""
    fictional = load_table(TABLE)
    own = set().union(*(_words(k.name) for k in fictional.kinds.values()), {"designated", "designation"})
    foreign = set().union(*(_words(k.name) for k in load_table().kinds.values())) - own
    leaks = [(c["text"], c["verdict"]["explanation"]) for c in results[article]["claims"]
             if _words(c["verdict"]["explanation"]) & foreign]
    assert leaks == []


def test_reference_version_is_the_fictional_tables(results: dict[str, dict]) -> None:
    """The result names the fictional table's version, not the bundled table's."""
    versions = {r["reference_version"] for r in results.values()}
    assert versions == {load_table(TABLE).version}
    assert load_table().version not in versions


@pytest.mark.parametrize("article", sorted(FILES))
def test_bundled_table_finds_nothing_in_fictional_article(article: str) -> None:
    """The bundled table knows none of the fictional names or triggers: nothing is checked across domains. A reward
    its cues find ("bounty") is for someone it does not know: unverifiable, the name as written."""
    result = check(_article(article), load_table())
    assert all(c["type"] == "reward" and c["subject"]["id"] is None and c["verdict"]["label"] == "unverifiable"
               for c in result["claims"]), result["claims"]
