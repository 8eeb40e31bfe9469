"""The reference table: the bundled content, validation errors that name file, record and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from workers.pipeline.errors import ReferenceTableError
from workers.pipeline.lexicon import Entry, PhraseIndex
from workers.pipeline.reference import load

BUNDLED = Path(__file__).resolve().parents[1] / "reference"


def test_bundled_table_holds_every_fact_with_sources() -> None:
    """Every fact has a source URL; every subject is a known entity."""
    table = load(BUNDLED)
    assert len(table.facts) >= 19
    for fact in table.facts:
        assert fact.sources and all(s.startswith("https://") for s in fact.sources)
        assert all(s in table.entities for s in fact.subjects)
    assert table.version.startswith("sha256:")


def test_a_table_path_may_be_given_as_a_string() -> None:
    assert load(str(BUNDLED)).version == load(BUNDLED).version


def test_single_valued_facts_are_superseded_by_the_next() -> None:
    """A reward holds until the day before the next one for the same person."""
    table = load(BUNDLED)
    rewards = sorted((f for f in table.facts if f.predicate == "reward"), key=lambda f: f.first_day)
    for earlier, later in zip(rewards, rewards[1:], strict=False):
        assert table.fact_date_until(earlier) == later.first_day - __import__("datetime").timedelta(days=1)
    assert table.fact_date_until(rewards[-1]) is None


@pytest.fixture
def table_dir(tmp_path: Path) -> Path:
    """A writable copy of the bundled table."""
    target = tmp_path / "table"
    shutil.copytree(BUNDLED, target)
    return target


def _edit_facts(folder: Path, change) -> None:
    path = folder / "facts.yaml"
    data = yaml.safe_load(path.read_text())
    change(data["facts"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True))


def test_version_changes_with_content_only(table_dir: Path) -> None:
    """The same content has the same version; a changed amount gives a new one."""
    before = load(table_dir).version
    assert load(BUNDLED).version == before
    _edit_facts(table_dir, lambda facts: facts[-3]["attributes"].update(amount=51_000_000))
    assert load(table_dir).version != before


BAD_FACTS = [
    ("no source", lambda fs: fs[0].update(sources=[]), "eo-14157-signed", "sources", "at least one source"),
    ("missing sources", lambda fs: fs[0].pop("sources"), "eo-14157-signed", "sources", "required"),
    ("source with a stray key", lambda fs: fs[0].update(sources=[{"url": "https://example.org", "2025": None}]),
     "eo-14157-signed", "sources.0", "unknown keys"),
    ("bad url", lambda fs: fs[0].update(sources=["not a url"]), "eo-14157-signed", "sources.0", "URL"),
    (
        "bad date",
        lambda fs: fs[1]["dates"].update(announced="2025-02-30"),
        "fto-2025-02-cartels",
        "dates.announced",
        "not a real date",
    ),
    ("unknown subject", lambda fs: fs[1]["subjects"].append("nobody"), "fto-2025-02-cartels", "subjects", "nobody"),
    (
        "unknown kind",
        lambda fs: fs[1]["attributes"].update(kinds=["xyz"]),
        "fto-2025-02-cartels",
        "attributes.kinds",
        "xyz",
    ),
    ("duplicate id", lambda fs: fs.append(dict(fs[0])), "eo-14157-signed", "id", "duplicate"),
    ("no date at all", lambda fs: fs[0].update(dates={}), "eo-14157-signed", "dates.announced", "needs"),
    ("unknown predicate", lambda fs: fs[1].update(predicate="inscription"), "fto-2025-02-cartels", "predicate",
     "must be one of designation, reward, event"),
    ("until before it began", lambda fs: fs[1]["dates"].update(until="2025-01-01"), "fto-2025-02-cartels",
     "dates.until", "is before announced"),
    ("currency not a code", lambda fs: next(f for f in fs if f["predicate"] == "reward")["attributes"].update(
        currency="dollars"), None, "attributes.currency", "ISO 4217"),
]


@pytest.mark.parametrize(
    ("change", "record", "field", "message"), [c[1:] for c in BAD_FACTS], ids=[c[0] for c in BAD_FACTS]
)
def test_bad_fact_is_named(table_dir: Path, change, record: str, field: str, message: str) -> None:
    """Loading fails with the file, the record and the field in the message."""
    _edit_facts(table_dir, change)
    with pytest.raises(ReferenceTableError) as err:
        load(table_dir)
    assert err.value.file.endswith("facts.yaml")
    assert (err.value.record, err.value.field) == (record or err.value.record, field)
    assert message in str(err.value)


def test_unquoted_impossible_date_is_a_field_error(table_dir: Path) -> None:
    """YAML reads 2025-02-30 unquoted as no date at all: the record and field are named, nothing crashes."""
    path = table_dir / "facts.yaml"
    text = path.read_text()
    assert "announced: 2025-02-19" in text
    path.write_text(text.replace("announced: 2025-02-19", "announced: 2025-02-30", 1))
    with pytest.raises(ReferenceTableError) as err:
        load(table_dir)
    assert (err.value.record, err.value.field) == ("fto-2025-02-cartels", "dates.announced")
    assert "not a real date" in str(err.value)


def test_unknown_predicate_in_the_vocabulary_is_named(table_dir: Path) -> None:
    """A vocabulary predicate the engine has no claims for is refused, not silently ignored."""
    path = table_dir / "vocabulary.yaml"
    data = yaml.safe_load(path.read_text())
    data["predicates"]["inscription"] = {"cues": ["inscribed"]}
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    with pytest.raises(ReferenceTableError, match="unknown predicate") as err:
        load(table_dir)
    assert err.value.record == "predicates.inscription"


def test_unknown_entity_type_is_named(table_dir: Path) -> None:
    """An entity of an unknown type names entities.yaml, the entity and `type`."""
    path = table_dir / "entities.yaml"
    data = yaml.safe_load(path.read_text())
    data["entities"][0]["type"] = "spaceship"
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    with pytest.raises(ReferenceTableError) as err:
        load(table_dir)
    assert (Path(err.value.file).name, err.value.record, err.value.field) == ("entities.yaml", "us-government", "type")


def test_broken_yaml_names_the_file(table_dir: Path) -> None:
    """A syntax error names the file."""
    (table_dir / "facts.yaml").write_text("facts: [unclosed")
    with pytest.raises(ReferenceTableError, match="facts.yaml: not valid YAML"):
        load(table_dir)


def test_missing_path() -> None:
    """A table path that does not exist is an error, not an empty table."""
    with pytest.raises(ReferenceTableError, match="no such file"):
        load(Path("/nonexistent/table"))


def test_large_tables_are_validated_on_another_core(monkeypatch: pytest.MonkeyPatch, table_dir: Path) -> None:
    """Past the threshold, entities are validated in a forked child; its error still names file, record, field."""
    from workers.pipeline import reference

    monkeypatch.setattr(reference, "PARALLEL_VALIDATION_MIN", 1)
    assert load(table_dir).version == load(BUNDLED).version
    path = table_dir / "entities.yaml"
    data = yaml.safe_load(path.read_text())
    data["entities"][-1]["aliases"] = "not a list"
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    with pytest.raises(ReferenceTableError) as err:
        load(table_dir)
    assert (Path(err.value.file).name, err.value.record, err.value.field) == (
        "entities.yaml", data["entities"][-1]["id"], "aliases")


def test_a_cue_noun_also_matches_its_plural() -> None:
    """A table that lists the cue "listing" finds "listings" too (nouns in -ing, -tion, -ment)."""
    table = load(Path(__file__).resolve().parent / "data" / "haitigangs" / "reference")
    hits = table.lexicon.scan(("its", "listings", "in", "order"))
    assert any(e.kind == "designation_cue" for hit in hits for e in hit.entries if hit.first == 1)


def test_a_trigger_in_the_past_also_matches_a_timeline_s_present() -> None:
    """The trigger "santrich was killed" also finds "Santrich is killed" (a timeline's historical present)."""
    table = load(Path(__file__).resolve().parent / "data" / "colombia" / "reference")
    triggers = [t for e in table.entities.values() for t in e.triggers if " was " in f" {t.lower()} "]
    assert triggers, "the table has a trigger in the past"
    words = tuple(f" {triggers[0].lower()} ".replace(" was ", " is ").split())
    hits = table.lexicon.scan(words)
    assert any(e.kind == "trigger" for hit in hits for e in hit.entries if hit.first == 0 and hit.last == len(words))


@pytest.mark.parametrize(("separators", "found"), [
    ({1: ", ", 3: ", "}, True),  # "Anubis, a wolf, was shot"
    ({1: ", ", 2: ". ", 3: ", "}, False),  # not across a sentence's end
    ({1: ", ", 2: "; ", 3: ", "}, False),  # nor a semicolon
    ({1: " (", 3: "), "}, False),  # brackets are not commas
    ({1: ", "}, False),  # never closed
])
def test_an_aside_inside_a_trigger_is_bounded_by_commas_in_one_sentence(separators: dict, found: bool) -> None:
    """ "anubis was shot" is read across ", a wolf," but not across a sentence's end or a semicolon."""
    index = PhraseIndex()
    index.add("anubis was shot", Entry("trigger", "anubis-killing"))
    tokens = ("anubis", "a", "wolf", "was", "shot")
    hits = index.scan_asides(tokens, lambda i: separators.get(i, " "), frozenset({"the"}), frozenset({"who"}))
    assert [(h.first, h.last, h.fuzzy) for h in hits] == ([(0, 5, True)] if found else [])


@pytest.mark.parametrize(("words", "found"), [
    (("restores", "protections"), True),  # a timeline's "- Feb. 10: A judge restores protections"
    (("restoring", "protections"), False),
])
def test_a_trigger_opened_by_a_past_verb_also_matches_its_present(words: tuple, found: bool) -> None:
    """The trigger "restored protections" also finds "restores protections" (a timeline's historical present)."""
    table = load(Path(__file__).resolve().parent / "data" / "species" / "reference")
    hits = table.lexicon.scan(words)
    assert any(e.kind == "trigger" for hit in hits for e in hit.entries if hit.last == len(words)) is found


@pytest.mark.parametrize(("word", "common"), [
    ("killed", "kill"), ("kills", "kill"), ("killing", "kill"), ("barred", "bar"), ("bars", "bar"),
    ("approved", "approv"), ("approves", "approv"), ("met", "meet"), ("meets", "meet"), ("carried", "carry"),
    ("pagers", "pager"), ("passed", "pass"),
])
def test_a_words_inflections_share_one_stem(word: str, common: str) -> None:
    """ "killed", "kills" and "killing" (and an irregular "met" and "meets") have one common form."""
    from workers.pipeline.english import stem

    assert stem(word) == common


def _loose_hits(tokens: tuple[str, ...], capitals: set[int], stops: dict[int, str] | None = None) -> list[tuple]:
    from workers.pipeline.english import FUNCTION_WORDS

    index = PhraseIndex()
    index.add_loose("killed zawahiri", Entry("trigger", "zawahiri-killed"), FUNCTION_WORDS)
    index.add_loose("magnitsky act", Entry("trigger", "magnitsky-act"), FUNCTION_WORDS)
    hits = index.loose(tokens, lambda i: (stops or {}).get(i, " "), capitals.__contains__)
    return [(h.first, h.last, h.entries[0].ref, h.fuzzy) for h in hits]


def test_a_trigger_told_loosely_is_found_in_any_order_and_inflection() -> None:
    """ "killed zawahiri" in "a strike kills al-Qaeda leader Ayman al-Zawahiri" and "the killing of Zawahiri"."""
    told = ("strike", "kills", "al", "qaeda", "leader", "ayman", "al", "zawahiri")
    assert _loose_hits(told, {2, 3, 5, 6, 7}) == [(1, 8, "zawahiri-killed", True)]
    assert _loose_hits(("the", "killing", "of", "zawahiri"), {3}) == [(1, 4, "zawahiri-killed", True)]


@pytest.mark.parametrize(("tokens", "capitals", "stops"), [
    (("kills", "a", "b", "c", "d", "e", "f", "zawahiri"), {7}, {}),  # too far apart
    (("zawahiri", "spoke", "then", "they", "killed"), {0}, {3: ". "}),  # across a sentence's end
    (("the", "global", "magnitsky", "act"), {1, 2, 3}, {}),  # a name alone, no word of what happened
    (("killed", "zawahiri"), set(), {}),  # no capital: two common words near each other
])
def test_a_loose_trigger_needs_its_words_close_in_one_clause_a_name_and_what_happened(
        tokens: tuple[str, ...], capitals: set[int], stops: dict[int, str]) -> None:
    assert _loose_hits(tokens, capitals, stops) == []


@pytest.mark.parametrize("term, expected", [
    ("organization", ["organizations"]),
    ("public health emergency of international concern", ["public health emergencies of international concern"]),
    ("member of Congress", ["members of Congress"]),
    ("woman", ["women"]),
    ("sanctions", []),
    ("business", ["businesses"]),
    ("crisis", ["crises"]),
    ("oligarch", ["oligarchs", "oligarches"]),
    ("branch", ["branches", "branchs"]),
    ("wolf", ["wolves"]),
    ("thief", ["thiefs", "thieves"]),
])
def test_a_phrase_s_plural_is_its_head_s(term: str, expected: list[str]) -> None:
    """The plural changes the head noun: the last word, or the word before an "of" that follows it."""
    from workers.pipeline.lexicon import plural_forms

    assert [" ".join(form) for form in plural_forms(tuple(term.split()))] == expected


def test_a_kind_told_by_an_adverb_and_participle_is_found_in_the_verb_s_other_forms() -> None:
    """ "partially restricted" is also "partially restricts" and "partially restricting"; other terms are left."""
    from workers.pipeline.reference import _adverb_verb_forms

    assert {"partially restricts", "partially restricting"} <= set(_adverb_verb_forms("partially restricted"))
    assert {"fully bans", "fully banning"} <= set(_adverb_verb_forms("fully banned"))
    assert _adverb_verb_forms("travel ban") == [] and _adverb_verb_forms("listed entity") == []


@pytest.mark.parametrize("cue, expected", [
    ("carries", "carried"), ("names", "named"), ("receives", "received"), ("watches", "watched"),
    ("press", None), ("focus", None), ("carry", None), ("prize money", None),
])
def test_a_one_word_cue_in_the_third_person_also_matches_its_past(cue: str, expected: str | None) -> None:
    """ "carries" also as "carried": a cue written as the present, told in the past (none for other cues)."""
    from workers.pipeline.reference import past_forms

    forms = past_forms(cue)
    assert expected in forms if expected else forms == []
