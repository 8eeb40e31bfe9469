"""Claim extraction: which claims a text makes, with their key mention and subject; negatives included."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from workers.pipeline import Article, check, load_table

PUB = dt.date(2025, 8, 8)


def _claims(text: str, published: dt.date | None = PUB) -> list[tuple[str, str, str | None]]:
    result = check(Article(text=text, published_at=published), load_table())
    return [(c["type"], c["text"], c["subject"]["id"] if c["subject"] else None) for c in result["claims"]]


CASES = [
    (
        "an amount inside an 'if' clause is no reward offered",
        "If the State Department raised the reward for Maduro to $100 million, somebody would talk. The State "
        "Department offers $50 million for Maduro.",
        [("reward", "$50 million", "nicolas-maduro")],
    ),
    (
        "'seven of the eight groups' counts seven groups",
        "Before that, OFAC had sanctioned seven of the eight groups as terrorists.",
        [("designation_count", "seven of the eight groups", None)],
    ),
    (
        "a name after a relation noun is designated when a relative clause says so",
        "Prosecutors charged members of MS-13, which was designated a foreign terrorist organization in February, "
        "and members of Barrio 18.",
        [("designation", "MS-13", "mara-salvatrucha")],
    ),
    (
        "a name after a relation noun is designated by a relative or an apposition with a cue and its own subject",
        "The boat carried members of Tren de Aragua, a gang the State Department listed as a foreign terrorist "
        "organization in February. Police arrested members of MS-13, which the Treasury sanctioned. Agents "
        "questioned members of Barrio 18, which designated a new leader, and members of the Sinaloa Cartel, "
        "which runs the plazas in Sinaloa.",
        [("designation", "Tren de Aragua", "tren-de-aragua"), ("designation", "MS-13", "mara-salvatrucha")],
    ),
    (
        "an ordinal after 'the' counts what came before; a superlative does not",
        "Gran Grif is the 10th Latin American or Caribbean group the State Department has designated this year. CJNG "
        "is the fifth-largest cartel.",
        [("designation", "Gran Grif", "gran-grif"),
         ("designation_count", "10th Latin American or Caribbean group", None)],
    ),
    (
        "a name before or after a relation noun is not designated",
        "The Treasury sanctioned a Tren de Aragua leader and the leader of Venezuela's Tren de Aragua gang as "
        "terrorists, and the State Department designated MS-13 a foreign terrorist organization.",
        [("designation", "MS-13", "mara-salvatrucha")],
    ),
    (
        "a number word in a capitalised name is no count; a title's is",
        "Six Cartels Designated As Terrorist Organizations\nThe FBI added him to its Ten Most Wanted Cartels list.",
        [("designation_count", "Six Cartels", None)],
    ),
    (
        "the next steps of a sequence of designations",
        "On Feb. 20, eight groups became foreign terrorist organizations. Haiti's Viv Ansanm followed in May. "
        "In September came Ecuador's Los Choneros.",
        [
            ("designation_count", "eight groups", None),
            ("designation", "Viv Ansanm", "viv-ansanm"),
            ("designation", "Los Choneros", "los-choneros"),
        ],
    ),
    (
        "'followed' with an object, or far from a designation, is no sequel",
        "On Feb. 20, eight groups became foreign terrorist organizations. Viv Ansanm followed the news closely. "
        "Then came the rain. Los Choneros followed in May.",
        [("designation_count", "eight groups", None)],
    ),
    (
        "names listed with a name a kind term describes",
        "In February, Tren de Aragua and MS-13 became foreign terrorist organizations; the Sinaloa Cartel did not.",
        [
            ("designation", "Tren de Aragua", "tren-de-aragua"),
            ("designation", "MS-13", "mara-salvatrucha"),
        ],
    ),
    (
        "list after a colon",
        "The U.S. has designated two gangs as foreign terrorist organizations: Tren de Aragua (TdA) and MS-13.",
        [
            ("designation_count", "two gangs", None),
            ("designation", "Tren de Aragua (TdA)", "tren-de-aragua"),  # both names, one mention
            ("designation", "MS-13", "mara-salvatrucha"),
        ],
    ),
    (
        "X, Y and six other groups",
        "In February, the U.S. designated Tren de Aragua, the Sinaloa Cartel, and six other criminal groups as "
        "terrorist organizations.",
        [
            ("designation", "Tren de Aragua", "tren-de-aragua"),
            ("designation", "Sinaloa Cartel", "cartel-de-sinaloa"),
            ("designation_count", "six other criminal groups", None),
        ],
    ),
    (
        "bullet list after an introduction",
        "The action targets the following cartels, designated as FTOs:\n- Cártel de Sinaloa\n- CJNG\nOther news.",
        [("designation", "Cártel de Sinaloa", "cartel-de-sinaloa"), ("designation", "CJNG", "cjng")],
    ),
    (
        "a list after a short intro sentence of its own",
        "In February the State Department designated eight groups as FTOs. Among them:\n- Tren de Aragua\n- MS-13\n"
        "Other news.",
        [
            ("designation_count", "eight groups", None),
            ("designation", "Tren de Aragua", "tren-de-aragua"),
            ("designation", "MS-13", "mara-salvatrucha"),
        ],
    ),
    (
        "no list without a designation just before",
        "Officials met in February. Among them:\n- Tren de Aragua\n- MS-13\nOther news.",
        [],
    ),
    (
        "the rest of a list in the next sentence",
        "In February the State Department designated Tren de Aragua as an FTO.\nThe others were MS-13 and the "
        "Sinaloa Cartel.",
        [
            ("designation", "Tren de Aragua", "tren-de-aragua"),
            ("designation", "MS-13", "mara-salvatrucha"),
            ("designation", "Sinaloa Cartel", "cartel-de-sinaloa"),
        ],
    ),
    (
        "the members of a list just told, named after a short head that ends in 'were'",
        "In February the State Department designated Tren de Aragua and two others as FTOs.\nThe groups named in "
        "the order were MS-13 and the Sinaloa Cartel.",
        [
            ("designation", "Tren de Aragua", "tren-de-aragua"),
            ("designation", "MS-13", "mara-salvatrucha"),
            ("designation", "Sinaloa Cartel", "cartel-de-sinaloa"),
        ],
    ),
    (
        "a head with a name in it is a sentence of its own, not a list's members",
        "In February the State Department designated Tren de Aragua as an FTO.\nThe Sinaloa Cartel says its "
        "rivals were MS-13 and Los Zetas.",
        [("designation", "Tren de Aragua", "tren-de-aragua")],
    ),
    (
        "'the others' with no designation just before",
        "Tren de Aragua operates in Chile.\nThe others were MS-13 and the Sinaloa Cartel.",
        [],
    ),
    (
        "a date the cue between takes is not the event's",
        "On Thursday, the Treasury sanctioned Los Mayos after the transfer of 29 cartel figures to the US.",
        [("designation", "Los Mayos", "los-mayos")],
    ),
    (
        "a reward that names its own target is not for the person named before",
        "Maduro is wanted in the US.\nThe State Department is offering up to $5 million for information on the "
        "whereabouts of LockBit affiliates.",
        [("reward", "$5 million", None)],  # for someone the table does not know
    ),
    (
        "a reward 'for his capture' refers back",
        "Maduro is wanted in the US.\nThe State Department raised the reward for his capture to $50 million.",
        [("reward", "$50 million", "nicolas-maduro")],
    ),
    (
        "context carried by also",
        "In February the State Department designated Tren de Aragua a foreign terrorist organization.\n"
        "Two weeks ago, Cartel de los Soles was also designated.",
        [
            ("designation", "Tren de Aragua", "tren-de-aragua"),
            ("designation", "Cartel de los Soles", "cartel-de-los-soles"),
        ],
    ),
    (
        "added to its list",
        "The administration labeled cartels as terrorists. It recently added Cartel de los Soles to its list.",
        [("designation", "Cartel de los Soles", "cartel-de-los-soles")],
    ),
    (
        "the group a faction belongs to is not designated",
        "The Treasury Department sanctioned Los Mayos, a faction of the Sinaloa cartel, on Thursday.",
        [("designation", "Los Mayos", "los-mayos")],
    ),
    (
        "a name before a noun for some of its people or parts is not designated",
        "The Treasury sanctioned three Sinaloa cartel units and two CJNG figures on Thursday.",
        [],
    ),
    (
        "named a kind, with the gap phrase of the table",
        "Ecuador's Los Choneros gang, which the Trump administration on Thursday named a foreign terrorist "
        "organization, has ties to Mexican cartels.",
        [("designation", "Los Choneros", "los-choneros")],
    ),
    (
        "a person the table designates needs no cue beside the name",
        "Ponce Félix has been sanctioned by the United States.",
        [("designation", "Ponce Félix", "juan-jose-ponce-felix")],
    ),
    (
        "a person the table does not designate does",
        "Maduro has been sanctioned by the United States.",
        [],
    ),
    (
        "a denial after an assertion about the same group is a claim of its own",
        "The Treasury on Thursday sanctioned Los Mayos.\nThe State Department has not designated Los Mayos.",
        [("designation", "Los Mayos", "los-mayos"), ("designation", "Los Mayos", "los-mayos")],
    ),
    (
        "a lone T is not n't",
        "The Tinkoff T bank was listed; Los Mayos was sanctioned.",
        [("designation", "Los Mayos", "los-mayos")],
    ),
    (
        "became a kind",
        "The Cartel of the Suns became an FTO last week.",
        [("designation", "Cartel of the Suns", "cartel-de-los-soles")],
    ),
    (
        "reward without the word: for information leading to",
        "The US has offered up to $15 million for information leading to Maduro's arrest since 2020.",
        [("reward", "$15 million", "nicolas-maduro")],
    ),
    (
        "apposition with a kind term",
        "Tren de Aragua, a foreign terrorist organization, operates in Chile.",
        [("designation", "Tren de Aragua", "tren-de-aragua")],
    ),
    (
        "reward with previous amount",
        "The reward for Maduro was raised from $25 million to $50 million in August.",
        [("reward", "$50 million", "nicolas-maduro")],
    ),
    (
        "the previous amount named after the new one",
        "The $50m reward for Maduro - double the previous $25m - is the largest ever offered.",
        [("reward", "$50m", "nicolas-maduro")],
    ),
    (
        "reward subject in the previous sentence",
        "Maduro is wanted in the United States. The bounty is now $50 million.",
        [("reward", "$50 million", "nicolas-maduro")],
    ),
    (
        "reward subject in the paragraph before (one-sentence paragraphs)",
        "The US doubled its reward for Venezuelan President Nicolás Maduro to $50 million.\n"
        "The reward had stood at $25 million since January.",
        [("reward", "$50 million", "nicolas-maduro"), ("reward", "$25 million", "nicolas-maduro")],
    ),
    (
        "no reward subject two paragraphs back",
        "Maduro spoke on Monday.\nThe talks went on.\nThe reward had stood at $25 million since January.",
        [],
    ),
    (
        "event with trigger and date",
        "In March, during a speech before the U.S. Congress, Trump declared war on the cartels.",
        [("event_date", "In March", "joint-session-address-2025")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_claims(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    """The text yields exactly these claims, in order."""
    assert _claims(text) == expected


NEGATIVE = [
    ("assets are not a reward", "Officials said $700 million of assets were seized from Maduro's allies."),
    ("assets next to a reward", "Officials also seized $700 million in assets linked to Maduro, Bondi said."),
    ("states are not groups", "Over a dozen U.S. states have sued over the designation of cartels."),
    ("mention without designation", "Targets include Venezuela's Tren de Aragua and the infamous MS-13 gang."),
    ("other clause", "Most cartels designated as terrorists operate in Mexico, while TdA's roots are in Venezuela."),
    ("a person near a group", "The Cartel de los Soles, allegedly led by Nicolás Maduro, is a network."),
    ("date of the report", "Trump signed a directive, The New York Times reported Friday."),
    ("event without a date", "Trump signed an executive order directing the State Department to act."),
    ("weak cue with no context", "The company added Tren de Aragua graffiti to its catalogue."),
    ("cartel members are not a count", "The extradition of 29 cartel members drew attention."),
    ("an old amount alone", "The reward for Maduro was raised in August from $25 million."),
]


@pytest.mark.parametrize("text", [c[1] for c in NEGATIVE], ids=[c[0] for c in NEGATIVE])
def test_no_claims(text: str) -> None:
    """Text that states nothing the table can check yields no claim."""
    assert _claims(text) == []


def test_spans_index_the_returned_text() -> None:
    """Every span indexes `article.text` and its surface is the claim's `text`."""
    text = (
        "In February, the U.S. designated Tren de Aragua as a “terrorist organization”.\u00a0The $50 million reward..."
    )
    result = check(Article(text=text, published_at=PUB), load_table())
    assert result["claims"]
    for claim in result["claims"]:
        start, end = claim["span"]
        assert result["article"]["text"][start:end] == claim["text"]
        s0, s1 = claim["sentence_span"]
        assert result["article"]["text"][s0:s1] == claim["sentence"]


def test_a_thing_named_earlier_is_found_by_its_head_noun() -> None:
    """Another table's reward subject (an object), named in full once and later as "the toilet"."""
    table = load_table(Path(__file__).resolve().parent / "data" / "heritage" / "reference")
    text = ("Thieves took the gold toilet from the palace in 2019.\nIt has never been recovered.\nThe trial goes on.\n"
            "The charity now offers a reward of 25,000 pounds for information about the toilet.")
    result = check(Article(text=text, published_at=dt.date(2025, 3, 4)), table)
    assert [(c["type"], c["text"], c["subject"]["id"]) for c in result["claims"]] == [
        ("reward", "25,000 pounds", "blenheim-toilet")]
    unrelated = ("Thieves took the gold toilet in 2019.\nPolice said little.\nThe museum was closed.\n"
                 "The charity now offers a 25,000 pound reward for the painting.")
    assert check(Article(text=unrelated, published_at=dt.date(2025, 3, 4)), table)["claims"] == []


def test_a_possessive_date_dates_its_noun_not_the_claim() -> None:
    """ "With Thursday's action, the Treasury has sanctioned Los Mayos": the claim is as of publication."""
    result = check(Article(text="With Thursday's action, the Treasury has sanctioned Los Mayos.",
                           published_at=dt.date(2025, 9, 20)), load_table())
    assert [(c["text"], c["value"]["date"]) for c in result["claims"]] == [("Los Mayos", None)]


SANCTIONS = Path(__file__).resolve().parent / "data" / "sanctions" / "reference"


def _verdicts(text: str, table_path: Path | None, published: dt.date) -> list[tuple[str, str, str | None, str]]:
    """Each claim's type, text, date text and verdict label."""
    result = check(Article(text=text, published_at=published), load_table(table_path))
    return [(c["type"], c["text"], (c["value"].get("date") or {}).get("text"), c["verdict"]["label"])
            for c in result["claims"]]


def _dated(text: str, table_path: Path | None = None, published: dt.date = PUB) -> list[tuple[str, str, str | None]]:
    """Each claim's type, text and the text of the date it was given."""
    return [found[:3] for found in _verdicts(text, table_path, published)]


def test_a_date_closing_a_later_conjunct_is_not_the_earlier_lists() -> None:
    """ "A and B in the first days of the war, and of C in March 2022": March dates C alone."""
    text = ("EU officials noted that the bloc had frozen the assets of Alisher Usmanov and Petr Aven in the first "
            "days of the war, and of steel magnate Alexei Mordashov in March 2022.")
    assert _dated(text, SANCTIONS, dt.date(2023, 12, 19)) == [
        ("designation", "Alisher Usmanov", None), ("designation", "Petr Aven", None),
        ("designation", "Alexei Mordashov", "in March 2022")]
    same_list = "The bloc froze the assets of Alisher Usmanov and Petr Aven in March 2022."
    assert [date for *_, date in _dated(same_list, SANCTIONS, dt.date(2023, 12, 19))] == ["in March 2022"] * 2


def test_a_date_in_an_earlier_conjuncts_relative_clause_is_its_own() -> None:
    text = ("Among the Russian lenders already on the U.S. list are Sberbank and Alfa-Bank, which were designated in "
            "April 2022, and VTB, which was sanctioned on the day of the invasion.")
    assert _dated(text, SANCTIONS, dt.date(2024, 2, 24)) == [
        ("designation", "Sberbank", "in April 2022"), ("designation", "Alfa-Bank", "in April 2022"),
        ("designation", "VTB", None)]


def test_a_date_closing_a_phrase_about_another_event_does_not_date_the_claim() -> None:
    text = ("The United States on Friday imposed sanctions on more than 500 targets in its largest single round "
            "since Russia's full-scale invasion of Ukraine two years ago, adding state shipping giant Sovcomflot to "
            "its Specially Designated Nationals list.")
    dated = dict(((kind, name), date) for kind, name, date in _dated(text, SANCTIONS, dt.date(2024, 2, 24)))
    assert dated[("designation", "Sovcomflot")] == "on Friday"  # "States" before it is a name, not "she states"
    assert dated[("event_date", "two years ago")] == "two years ago"  # the invasion's own date


def test_a_gapped_cue_gives_way_to_a_cue_of_its_kind_inside_it() -> None:
    """ "offered ... for" does not reach over "the $3 million bounty for": the bounty's date is its own."""
    text = ("A reward of about $10 million for Mikhail Matveev, offered in May 2023, has produced no arrest, and the "
            "$3 million bounty for Evgeniy Bogachev has been in place since 2015.")
    assert _dated(text, SANCTIONS, dt.date(2024, 12, 1)) == [
        ("reward", "$10 million", "in May 2023"), ("reward", "$3 million", "since 2015")]


def test_a_kind_named_without_a_claim_is_the_kind_of_the_next_sentences_claims() -> None:
    table = load_table(Path(__file__).resolve().parent / "data" / "heritage" / "reference")
    text = ("Both sites had been World Heritage Sites since the 1990s. Saint-Sophia Cathedral was inscribed in 1990 "
            "and Lviv in 1998.")
    result = check(Article(text=text, published_at=dt.date(2024, 3, 5)), table)
    assert [(c["text"], c["value"]["kind"]["id"], c["verdict"]["label"]) for c in result["claims"]] == [
        ("Saint-Sophia Cathedral", "whs", "supported"), ("Lviv", "whs", "supported")]


CTJUSTICE = Path(__file__).resolve().parent / "data" / "ctjustice" / "reference"


def test_a_datelines_date_dates_nothing() -> None:
    """ "July 8 (Reuters) - ": when the story was filed; the revocation's own date comes later in the story."""
    text = ("July 8 (Reuters) - The United States has revoked the designation of Hayat Tahrir al-Sham as a foreign "
            "terrorist organization.\nThe revocation takes effect on Tuesday with its publication in the Federal "
            "Register.")
    found = _verdicts(text, CTJUSTICE, dt.date(2025, 7, 8))
    assert [(kind, date) for kind, _, date, _ in found] == [("designation", None), ("event_date", "on Tuesday")]
    placed = "WASHINGTON, July 8 (AP) — The Treasury sanctioned Samidoun."
    assert [date for _, _, date, _ in _verdicts(placed, CTJUSTICE, dt.date(2025, 7, 8))] == [None]


def test_a_revoked_designation_is_checked_as_ended() -> None:
    """A removal is true once the designation's last day has passed (at its date, when it gives one)."""
    text = "The United States has revoked the designation of Hayat Tahrir al-Sham as a foreign terrorist organization."
    assert _verdicts(text, CTJUSTICE, dt.date(2025, 7, 8))[0][3] == "supported"
    assert _verdicts(text, CTJUSTICE, dt.date(2025, 3, 1))[0][3] == "refuted"  # still designated then
    claim = check(Article(text=text, published_at=dt.date(2025, 7, 8)), load_table(CTJUSTICE))["claims"][0]
    assert claim["value"]["removed"] and claim["verdict"]["explanation"].endswith("and that ended on July 7, 2025.")
    denial = "The United States has not designated Hayat Tahrir al-Sham as a foreign terrorist organization."
    denied = check(Article(text=denial, published_at=dt.date(2025, 7, 8)), load_table(CTJUSTICE))["claims"][0]
    assert not denied["value"]["removed"] and denied["verdict"]["explanation"].startswith("The denial is right: ")


def test_a_reward_in_the_past_perfect_is_true_of_its_time() -> None:
    past = "The United States had offered a reward of up to $10 million for information on al-Jolani."
    assert _verdicts(past, CTJUSTICE, dt.date(2025, 7, 8))[0][3] == "supported"
    now = "The United States offers a reward of up to $10 million for information on al-Jolani."
    assert _verdicts(now, CTJUSTICE, dt.date(2025, 7, 8))[0][3] == "refuted"  # dropped in December 2024


def test_a_designation_said_to_remain_is_dated_now_not_by_an_earlier_clause() -> None:
    text = "Hayat Tahrir al-Sham toppled Bashar al-Assad in December and remains designated as an FTO."
    assert _verdicts(text, CTJUSTICE, dt.date(2025, 3, 5))[0][2:] == (None, "supported")


def test_a_for_whom_reward_takes_its_date_from_its_own_clause_and_had_makes_it_past() -> None:
    text = ("The brothers' half-brother Ovidio Guzm\u00e1n L\u00f3pez, for whom Washington had offered $5 million, "
            "was captured by Mexican troops in Culiac\u00e1n in January.")
    table = Path(__file__).resolve().parent / "data" / "wanted" / "reference"
    assert _verdicts(text, table, dt.date(2023, 4, 15)) == [("reward", "$5 million", None, "supported"),
                                                            ("event_date", "in January", "in January", "supported")]


WANTED = Path(__file__).resolve().parent / "data" / "wanted" / "reference"


def test_a_kind_carried_from_before_yields_to_the_one_the_named_authority_makes() -> None:
    text = ("His brother Jes\u00fas Alfredo has been on the DEA's list of its 10 most-wanted fugitives for some time. "
            "Iv\u00e1n Archivaldo was also added on Friday to the FBI's Ten Most Wanted list.")
    result = check(Article(text=text, published_at=dt.date(2023, 4, 15)), load_table(WANTED))
    kinds = [(c["text"], c["value"]["kind"]["id"]) for c in result["claims"] if c["type"] == "designation"]
    assert kinds == [("Jes\u00fas Alfredo", "dea-most-wanted"), ("Iv\u00e1n Archivaldo", "ten-most-wanted")]


def test_a_date_in_a_relative_clause_of_an_apposition_dates_nothing_else() -> None:
    text = ("Her arrest leaves Ruja Ignatova, the OneCoin founder who disappeared in 2017, as the only woman on the "
            "FBI's Ten Most Wanted list.")
    assert [found for found in _dated(text, WANTED, dt.date(2025, 8, 21)) if found[0] == "designation"] == [
        ("designation", "Ruja Ignatova", None)]


def test_a_date_after_whom_a_statement_was_made_to_dates_the_statement() -> None:
    text = ('"We have now designated nine cartels as terrorist organizations," Rep. Dale Whitcomb told Fox News '
            "Digital on Sunday.")
    assert _dated(text) == [("designation_count", "nine cartels", None)]
    said = "Tren de Aragua was designated a terrorist organization, the State Department said in a statement on Monday."
    assert _dated(said) == [("designation", "Tren de Aragua", None)]


def test_a_count_far_beyond_what_the_table_records_at_its_date_cannot_be_checked() -> None:
    """The table records four of the 22 groups Ecuador's decree named in January 2024."""
    text = ("His government declared 22 criminal groups terrorist organizations in January 2024 by Executive Decree "
            "111.")
    assert [label for *_, label in _verdicts(text, ALLIEDLISTS, dt.date(2025, 9, 5))] == ["unverifiable"]


def test_a_date_of_a_part_does_not_date_the_whole() -> None:
    text = ("Since he took office in January, his administration has designated more than a dozen Latin American gangs "
            "and cartels as foreign terrorist organizations, starting with eight groups in February.")
    assert _dated(text, Path(__file__).resolve().parent / "data" / "cartels2" / "reference", dt.date(2025, 11, 25)) == [
        ("designation_count", "a dozen Latin American gangs and cartels", None),
        ("designation_count", "eight groups", "in February")]


def test_a_name_in_a_relative_clause_after_the_cue_is_not_designated_unless_the_clause_is_about_the_list() -> None:
    cartels2 = Path(__file__).resolve().parent / "data" / "cartels2" / "reference"
    text = ("In June, the Department of the Treasury sanctioned the Sinaloa Cartel, which has been at war since "
            "September 2024 with Los Mayos, loyal to Ismael Zambada.")
    assert [name for _, name, _ in _dated(text, cartels2, dt.date(2025, 8, 14))] == ["Sinaloa Cartel"]
    about_the_list = ("Ministers placed Belize on the bloc's list of non-cooperative jurisdictions for tax purposes, "
                      "which also still includes Costa Rica and Russia.")
    taxlists = Path(__file__).resolve().parent / "data" / "taxlists" / "reference"
    assert [name for _, name, _ in _dated(about_the_list, taxlists, dt.date(2024, 2, 23))] == [
        "Belize", "Costa Rica", "Russia"]


def test_a_date_opening_a_later_conjunct_is_that_conjuncts_alone() -> None:
    text = ("Last month the Treasury sanctioned Cartel de los Soles as a terrorist group, and in February the State "
            "Department designated Tren de Aragua a foreign terrorist organization.")
    assert _dated(text, None, dt.date(2025, 8, 20)) == [
        ("designation", "Cartel de los Soles", "Last month"), ("designation", "Tren de Aragua", "in February")]
    reward = ("The United States offers a $50 million reward for Nicol\u00e1s Maduro, and in May the Treasury "
              "sanctioned Tren de Aragua.")
    assert _dated(reward, None, dt.date(2025, 8, 20))[0] == ("reward", "$50 million", None)


def test_a_date_in_a_relative_clause_after_the_names_is_the_clauses() -> None:
    text = ("On Feb. 20, the State Department designated Tren de Aragua a foreign terrorist organization under the "
            "Immigration and Nationality Act, which was passed in 1952.")
    assert _dated(text, None, dt.date(2025, 8, 20)) == [("designation", "Tren de Aragua", "On Feb. 20")]


def test_whether_far_before_the_cue_still_makes_a_question() -> None:
    text = ("Rubio said the department would soon decide whether the gang led by Niño Guerrero, Tren de Aragua, is to "
            "be designated a foreign terrorist organization.")
    assert _dated(text) == []


def test_a_conjunct_with_a_subject_of_its_own_keeps_its_date_and_authority_apart() -> None:
    text = ("Ignatova has been on the list since June 2022, and the State Department separately offers up to "
            "$5 million for her. The FBI still offers up to $250,000 for Ignatova, and the State Department up to "
            "$5 million.")
    result = check(Article(text=text, published_at=dt.date(2025, 8, 21)), load_table(WANTED))
    found = [(c["type"], c["text"], (c["value"].get("date") or {}).get("text"),
              (c["value"].get("authority") or {}).get("id")) for c in result["claims"]]
    assert found == [("designation", "Ignatova", "since June 2022", None),
                     ("reward", "$5 million", None, "us-state"),  # the second $5 million, the State Department's too
                     ("reward", "$250,000", None, "fbi")]


def test_a_state_in_the_simple_past_is_true_of_its_time() -> None:
    text = "Rodriguez Singh, 40, was one of the FBI's Ten Most Wanted fugitives."
    assert _verdicts(text, WANTED, dt.date(2025, 8, 21)) == [("designation", "Rodriguez Singh", None, "supported")]


def test_the_groups_joined_do_not_take_the_joiners_date() -> None:
    text = ("On Thursday Washington designated Los Choneros and Los Lobos as foreign terrorist organizations. Today "
            "they join the Sinaloa Cartel and Tren de Aragua on the list of foreign terrorist organizations.")
    assert _dated(text, None, dt.date(2025, 9, 5))[-2:] == [("designation", "Sinaloa Cartel", None),
                                                           ("designation", "Tren de Aragua", None)]


def test_a_reward_linked_to_its_amount_by_a_verb_may_be_far_from_it_and_still_is_now() -> None:
    text = ("In Britain, a reward for information about the gold toilet stolen from Blenheim Palace in 2019 still "
            "stands at 25,000 pounds, police said.")
    heritage = Path(__file__).resolve().parent / "data" / "heritage" / "reference"
    assert _verdicts(text, heritage, dt.date(2024, 11, 1)) == [("reward", "25,000 pounds", None, "supported")]


SHADOWFLEET = Path(__file__).resolve().parent / "data" / "shadowfleet" / "reference"


def test_a_date_in_a_relative_clause_of_another_act_does_not_date_the_name() -> None:
    text = "Among the ships already on the UK list is the Kiwala, which Estonia detained in April."
    assert _verdicts(text, SHADOWFLEET, dt.date(2025, 7, 21)) == [
        ("designation", "the Kiwala", None, "supported"), ("event_date", "in April", "in April", "supported")]


def test_the_owner_of_what_is_designated_is_not_designated() -> None:
    text = ("The UK also sanctioned Nayara Energy, an Indian refinery part-owned by Rosneft, and Litasco Middle East, "
            "the Dubai-based trading arm of Lukoil.")
    names = [name for kind, name, _ in _dated(text, SHADOWFLEET, dt.date(2025, 7, 21)) if kind == "designation"]
    assert "Rosneft" not in names and "Lukoil" not in names and "Nayara Energy" in names


def test_a_designation_by_someone_the_table_does_not_know_cannot_be_checked() -> None:
    text = ("Texas Gov. Greg Abbott designated Tren de Aragua a foreign terrorist organization under state law last "
            "year. Officials said the State Department designated MS-13 a foreign terrorist organization in February.")
    result = check(Article(text=text, published_at=dt.date(2025, 8, 13)), load_table())
    found = [(c["text"], c["value"].get("authority_unknown"), c["verdict"]["label"]) for c in result["claims"]]
    assert found == [("Tren de Aragua", "Texas Gov. Greg Abbott", "unverifiable"), ("MS-13", None, "supported")]


def test_a_date_outside_a_quotation_dates_no_name_inside_it() -> None:
    text = ('Rubio designated the Cartel de los Soles eight days ago, saying it threatens the region "together with '
            'other designated FTOs such as Tren de Aragua and the Sinaloa Cartel."')
    assert _dated(text, None, dt.date(2025, 11, 24)) == [
        ("designation", "Cartel de los Soles", "eight days ago"), ("designation", "Tren de Aragua", None),
        ("designation", "Sinaloa Cartel", None)]
    named = 'Eight days ago the State Department designated Maduro\'s "Cartel de los Soles" a terrorist group.'
    assert _dated(named, None, dt.date(2025, 11, 24)) == [("designation", "Cartel de los Soles", "Eight days ago")]


@pytest.mark.parametrize(("text", "count"), [
    ("The EU listed 189 more vessels on Tuesday, bringing the number of vessels the bloc has listed to 342.", "342"),
    ("The 19th package listed 117 more vessels, bringing the total to 557.", "557"),
])
def test_a_count_brought_to_a_number_is_a_count(text: str, count: str) -> None:
    result = check(Article(text=text, published_at=dt.date(2025, 10, 24)), load_table(SHADOWFLEET))
    counts = [(c["text"], c["value"]["categories"]) for c in result["claims"] if c["type"] == "designation_count"]
    assert counts[-1][0] == count and counts[-1][1] == counts[0][1]


def test_has_had_is_the_present_perfect_not_the_past_perfect() -> None:
    text = "Maduro has had a $25 million bounty on his head since January."
    assert _verdicts(text, None, dt.date(2025, 10, 20)) == [("reward", "$25 million", "since January", "outdated")]


def test_an_amount_naming_no_one_is_for_whom_the_designations_were_about() -> None:
    """ "The prize, worth 11 million Swedish crowns, ..." names no one: it is the laureate's the article is about."""
    text = ("The Norwegian Nobel Committee awarded the 2025 Nobel Peace Prize to Maria Corina Machado on Friday.\n"
            "Machado has lived in hiding for much of the past year.\n"
            "The prize, worth 11 million Swedish crowns (about $1.2 million), will be presented in Oslo in December.")
    prizes = Path(__file__).resolve().parent / "data" / "prizes" / "reference"
    result = check(Article(text=text, published_at=dt.date(2025, 10, 10)), load_table(prizes))
    rewards = [(c["text"], c["subject"]["id"], c["verdict"]["label"])
               for c in result["claims"] if c["type"] == "reward"]
    assert rewards == [("11 million Swedish crowns", "maria-corina-machado", "supported")]


def test_parts_of_a_total_take_its_scope_and_an_ordinal_on_a_day_counts_all_by_then() -> None:
    text = ("- Dec. 16: The State Department designates Colombia's Clan del Golfo, the 15th group from the region to "
            "be named an FTO.\nEight of the 15 are cartels and seven are gangs.")
    found = _verdicts(text, None, dt.date(2025, 12, 30))
    assert [(name, label) for kind, name, _, label in found if kind == "designation_count"] == [
        ("15th group", "supported"), ("Eight of the 15 are cartels", "supported"), ("seven are gangs", "supported")]
    wrong = "The State Department has now designated 15 groups as FTOs. Nine of the 15 are cartels."
    assert _verdicts(wrong, None, dt.date(2025, 12, 30))[-1][::3] == ("designation_count", "refuted")


def test_an_authority_after_the_cue_that_is_the_subject_of_its_own_verb_is_not_the_maker() -> None:
    text = ("The Treasury still lists Tren de Aragua as a terrorist group, and diplomats said Washington was "
            "drafting a resolution. Its al Qaeda sanctions regime lists HTS.")
    result = check(Article(text=text, published_at=dt.date(2025, 8, 8)), load_table(CTJUSTICE))
    assert all(c["value"].get("authority_unknown") is None for c in result["claims"])
    said = "Tren de Aragua was designated a foreign terrorist organization, the State Department said."
    found = check(Article(text=said, published_at=dt.date(2025, 8, 8)), load_table())["claims"]
    assert [(c["value"]["authority"] or {}).get("id") for c in found] == ["us-state"]


ICC = Path(__file__).resolve().parent / "data" / "iccwarrants" / "reference"


def test_a_conjunct_with_a_subject_and_auxiliary_of_its_own_does_not_take_the_earlier_date() -> None:
    text = ("Putin has been wanted by the court since March 2023, and judges have since issued warrants for former "
            "defence minister Sergei Shoigu.")
    found = [f for f in _dated(text, ICC, dt.date(2025, 3, 12)) if f[1] == "Sergei Shoigu"]
    assert found == [("designation", "Sergei Shoigu", None)]


def test_a_denied_misdescription_is_no_misdescription() -> None:
    text = "Mexico sent 29 alleged traffickers north in February in transfers it insists are not extraditions."
    found = _verdicts(text, None, dt.date(2025, 12, 22))
    assert [label for kind, *_, label in found if kind == "event_date"] == ["supported"]


def test_already_puts_a_designation_in_the_present() -> None:
    text = ("The Treasury announced the move on Friday, saying the network props up Tren de Aragua, which Washington "
            "already designates as a foreign terrorist organization.")
    assert _dated(text) == [("designation", "Tren de Aragua", None)]


def test_a_count_far_beyond_the_table_cannot_be_checked() -> None:
    far = "The State Department now has more than 70 groups on its list of foreign terrorist organizations."
    assert [label for *_, label in _verdicts(far, CTJUSTICE, dt.date(2025, 3, 5))] == ["unverifiable"]
    near = "The State Department now lists nine groups as foreign terrorist organizations."
    assert [label for *_, label in _verdicts(near, CTJUSTICE, dt.date(2025, 3, 5))] == ["refuted"]


def test_a_count_six_times_what_the_table_knows_cannot_be_checked() -> None:
    """The table lists one extreme right-wing group among those proscribed; six is beyond what it can tell."""
    text = "The move brings to six the number of extreme right-wing groups proscribed in Britain."
    assert _verdicts(text, UKPROSCRIBED, dt.date(2024, 4, 26)) == [
        ("designation_count", "six the number of extreme right-wing groups", None, "unverifiable")]


@pytest.mark.parametrize("text", [
    "The move brings to 12 the number of Latin American and Caribbean groups the administration has designated as "
    "foreign terrorist organizations this year.",
    "That brought to 12 the number of Latin American or Caribbean groups the administration has designated as "
    "foreign terrorist organizations in 2025.",
])
def test_brings_to_n_the_number_of_groups_is_a_count(text: str) -> None:
    found = _verdicts(text, Path(__file__).resolve().parent / "data" / "cartels2" / "reference", dt.date(2025, 9, 4))
    assert [(kind, name.split(" ")[0], label) for kind, name, _, label in found] == [
        ("designation_count", "12", "supported")]
    not_after_to = "The number of groups designated this year is 12."
    assert not _verdicts(not_after_to, None, dt.date(2025, 9, 4))


def test_a_reward_against_a_group_is_claimed_and_unverifiable() -> None:
    text = ("The Rewards for Justice program is also offering up to $15 million for information that disrupts the "
            "Houthis' financial networks.")
    result = check(Article(text=text, published_at=dt.date(2025, 3, 5)), load_table(CTJUSTICE))
    assert [(c["type"], c["subject"]["id"], c["verdict"]["label"]) for c in result["claims"]] == [
        ("reward", "ansarallah", "unverifiable")]
    person = "The U.S. offers a reward of $50 million for Tren de Aragua's ally Nicolás Maduro."
    assert [c[2] for c in _claims(person)] == ["nicolas-maduro"]


def _subjects(text: str) -> list[tuple[str, dict | None, str]]:
    """Each claim's text, subject and verdict label, against the bundled table."""
    result = check(Article(text=text, published_at=PUB), load_table())
    return [(c["text"], c["subject"], c["verdict"]["label"]) for c in result["claims"]]


@pytest.mark.parametrize(("text", "amount", "name"), [
    ("Crime Stoppers is offering a reward of up to $5,000 for information leading to the arrest of an eighth suspect, "
     "Yorbis Alejandro P\u00e9rez, 24, who remains at large.", "$5,000", "Yorbis Alejandro P\u00e9rez"),
    ("The State Department offers a reward of $15 million for CJNG leader Nemesio \"El Mencho\" Oseguera.",
     "$15 million", 'Nemesio "El Mencho" Oseguera'),
    ("El Mayo, for whom Washington offered a reward of $15 million before his arrest, will plead guilty.",
     "$15 million", "El Mayo"),
    ("The reward of $1 million for Rafael Caro Quintero was raised in 2018.", "$1 million", "Rafael Caro Quintero"),
    ("Ovidio Guzm\u00e1n L\u00f3pez, for whom Washington had offered $5 million, was captured in January 2023.",
     "$5 million", "Ovidio Guzm\u00e1n L\u00f3pez"),
    ("Washington also has a $25 million bounty on Diosdado Cabello, the interior minister.", "$25 million",
     "Diosdado Cabello"),
    ("Ecuador had offered a $1 million reward for information leading to Fito's recapture.", "$1 million", "Fito"),
    ("The program offers a reward of up to $10 million for information on Hamas financial networks.", "$10 million",
     "Hamas financial networks"),
    ("The State Department also offers up to $15 million for information on the CJNG's leader, Nemesio Oseguera "
     "Cervantes.", "$15 million", "Nemesio Oseguera Cervantes"),  # the name in apposition to "X's leader"
])
def test_a_reward_for_someone_the_table_does_not_know_is_unverifiable_with_the_name_as_written(
        text: str, amount: str, name: str) -> None:
    assert _subjects(text) == [(amount, {"id": None, "name": name}, "unverifiable")]


@pytest.mark.parametrize("text", [
    "A $20,000 reward was offered in the hunt for a chemical attack suspect.",  # no name at all
    "A $5,000 Reward Is Offered For Information On Missing Man John Doe",  # title case: capitals name no one
    "Police offered a $5,000 reward for information about the attack in Houston on Tuesday.",
    "Officials offer a $5,000 reward for information about a wolf found northwest of Flagstaff.",  # a place
    "Maduro is wanted. A reward of $50 million is offered for his capture.",  # the subject is named before
])
def test_a_reward_names_no_unknown_subject_from_modifiers_titles_places_or_back_references(text: str) -> None:
    assert not [subject for _, subject, _ in _subjects(text) if subject and subject["id"] is None]


def test_a_designation_by_a_country_the_table_knows_no_authority_of_cannot_be_checked() -> None:
    text = ("Ecuador's government declared Los Choneros a terrorist group in January 2024. Venezuela's Cartel de los "
            "Soles was designated a terrorist organization. In Mexico, the State Department designated six cartels as "
            "foreign terrorist organizations in February.")
    result = check(Article(text=text, published_at=PUB), load_table())
    found = [(c["text"], c["verdict"]["label"], c["value"].get("authority_place")) for c in result["claims"]]
    assert found[0] == ("Los Choneros", "unverifiable", "ecuador")
    assert "no designations by Ecuador" in result["claims"][0]["verdict"]["explanation"]
    assert [place for *_, place in found[1:]] == [None, None] and found[1][1] == "supported"


ALLIEDLISTS = Path(__file__).resolve().parent / "data" / "alliedlists" / "reference"


def test_an_authority_owning_the_group_is_not_its_designator() -> None:
    """"Ecuador's two largest gangs": Ecuador owns them; "Canada's list": Canada keeps the list."""
    text = ("Washington has designated Ecuador's two largest criminal gangs, Los Choneros and Los Lobos, as foreign "
            "terrorist organizations. The federal government added the Bishnoi gang to Canada's list of terrorist "
            "entities.")
    result = check(Article(text=text, published_at=dt.date(2025, 10, 1)), load_table(ALLIEDLISTS))
    found = [(c["text"], (c["value"].get("authority") or {}).get("id")) for c in result["claims"]
             if c["type"] == "designation"]
    assert found == [("Los Choneros", "us-government"), ("Los Lobos", "us-government"),
                     ("the Bishnoi gang", "canada-government")]


def test_a_gapped_cue_is_found_in_its_other_verb_forms() -> None:
    """The table lists "offered ... for" and "offering ... for"; the article says "still offers ... for"."""
    from workers.pipeline.reference import verb_forms

    assert set(verb_forms("offered ... for")) >= {"offers ... for", "offering ... for"}
    assert set(verb_forms("list ... as")) >= {"listed ... as", "lists ... as"}  # a bare verb too
    listed = "In February it listed eight groups as foreign terrorist organizations, among them the Sinaloa Cartel."
    assert [c[1] for c in _claims(listed)] == ["eight groups", "Sinaloa Cartel"]
    assert verb_forms("reward") == [] and verb_forms("put ... on") == []
    text = "It still offers up to $10 million for Abu Mohammed al-Jolani."
    assert [(kind, label) for kind, _, _, label in _verdicts(text, CTJUSTICE, dt.date(2024, 10, 16))] == [
        ("reward", "supported")]


def test_a_group_said_to_remain_on_the_list_of_a_kind_is_designated_now() -> None:
    """No cue: "remains on the list of" links the name to the kind; the other clause's date is not its date."""
    text = ("It moved against drug cartels in February, while Hayat Tahrir al-Sham remains on the list of foreign "
            "terrorist organizations.")
    assert _verdicts(text, CTJUSTICE, dt.date(2025, 8, 12)) == [
        ("designation", "Hayat Tahrir al-Sham", None, "outdated")]


TAXLISTS = Path(__file__).resolve().parent / "data" / "taxlists" / "reference"


@pytest.mark.parametrize(("text", "label"), [
    ("The Financial Action Task Force on Friday removed the United Arab Emirates from its grey list.", "supported"),
    ("The United Arab Emirates was taken off the grey list on Friday.", "supported"),
    ("The United Arab Emirates left the grey list in June 2023.", "partially_supported"),  # it left in February 2024
    ("South Africa was taken off the grey list on Friday.", "refuted"),  # still listed in February 2024
])
def test_a_removal_in_other_words_is_checked_against_the_listings_end(text: str, label: str) -> None:
    result = check(Article(text=text, published_at=dt.date(2024, 2, 23)), load_table(TAXLISTS))
    assert [(c["value"]["removed"], c["verdict"]["label"]) for c in result["claims"]] == [(True, label)]


def test_a_state_since_a_date_must_have_begun_by_then_and_the_past_perfect_is_true_of_its_time() -> None:
    since = "Myanmar has been on the FATF black list since 2020."  # listed in October 2022: not on it in 2020
    assert [label for *_, label in _verdicts(since, TAXLISTS, dt.date(2025, 10, 24))] == ["refuted"]
    later = "Myanmar has been on the FATF black list since 2023."  # true since 2023, though it began earlier
    assert [label for *_, label in _verdicts(later, TAXLISTS, dt.date(2025, 10, 24))] == ["partially_supported"]
    had = "The United Arab Emirates had been on the grey list since March 2022."  # removed in February 2024
    assert [label for *_, label in _verdicts(had, TAXLISTS, dt.date(2025, 10, 24))] == ["supported"]
    has = "The United Arab Emirates has been on the grey list since March 2022."
    assert [label for *_, label in _verdicts(has, TAXLISTS, dt.date(2025, 10, 24))] == ["outdated"]


def test_a_name_after_still_in_a_relative_clause_is_listed_now() -> None:
    text = ("EU finance ministers last October placed Belize on the bloc's list of non-cooperative jurisdictions, "
            "which also still includes Costa Rica and Russia.")
    assert [(name, date) for _, name, date, _ in _verdicts(text, TAXLISTS, dt.date(2024, 2, 23))] == [
        ("Belize", "last October"), ("Costa Rica", None), ("Russia", None)]


def test_a_count_named_with_its_authority_counts_only_that_authoritys_listings() -> None:
    """The table's "blacklist" kind covers the EU's tax list and the FATF's call-for-action list."""
    named = "The Financial Action Task Force blacklist now has three countries."
    assert [label for *_, label in _verdicts(named, TAXLISTS, dt.date(2024, 2, 23))] == ["supported"]
    unnamed = "The blacklist now has three countries."
    assert [label for *_, label in _verdicts(unnamed, TAXLISTS, dt.date(2024, 2, 23))] != ["supported"]


@pytest.mark.parametrize("text", [
    "Diplomats said the watchdog would decide next week whether to place South Africa under increased monitoring.",
    "Ukraine has urged the FATF to blacklist Russia.",
])
def test_a_possible_or_demanded_designation_is_not_a_claim(text: str) -> None:
    assert _verdicts(text, TAXLISTS, dt.date(2023, 2, 14)) == []


def test_a_month_called_may_is_not_a_maybe() -> None:
    text = "In May 2025, the State Department designated Tren de Aragua as a foreign terrorist organization."
    assert [(kind, name) for kind, name, *_ in _verdicts(text, None, dt.date(2025, 8, 8))] == [
        ("designation", "Tren de Aragua")]


UKPROSCRIBED = Path(__file__).resolve().parent / "data" / "ukproscribed" / "reference"


def test_a_de_prefixed_cue_is_a_removal_and_a_count_of_removals_is_not_a_count_of_listings() -> None:
    text = ("Only one group has been removed from the list after a legal challenge: the People's Mujahedin of Iran, "
            "which was de-proscribed in 2008.")
    found = check(Article(text=text, published_at=dt.date(2023, 9, 13)), load_table(UKPROSCRIBED))["claims"]
    assert [(c["type"], c["value"].get("removed"), c["verdict"]["label"]) for c in found] == [
        ("designation", True, "supported")]


def test_a_reward_for_information_about_an_event_has_the_event_as_subject() -> None:
    """The table's reward is for a killing (an event named by its triggers); another killing is not it, and the
    reward for that one is for someone the table does not know."""
    text = ("Crimestoppers offered £200,000 in 2022 for information about the killing of Olivia Pratt-Korbel.\n"
            "In October last year, the charity offered £20,000 for information about the murder of Carl Russell.")
    found = check(Article(text=text, published_at=dt.date(2024, 2, 5)), load_table(UKPROSCRIBED))["claims"]
    rewards = [(c["text"], c["subject"]["id"], c["verdict"]["label"]) for c in found if c["type"] == "reward"]
    assert rewards == [("£200,000", "olivia-pratt-korbel-murder", "supported"), ("£20,000", None, "unverifiable")]


def test_a_designation_dated_between_its_announcement_and_its_entry_into_force_is_right() -> None:
    """Palestine Action: order laid in June, the Commons vote on 2 July, in force on 5 July 2025."""
    text = "MPs voted on Wednesday to approve the order, which also outlaws the Maniacs Murder Cult."
    assert [(kind, date, label) for kind, _, date, label in _verdicts(text, UKPROSCRIBED, dt.date(2025, 7, 3))
            if kind == "designation"] == [("designation", "on Wednesday", "supported")]


def test_a_designation_since_a_year_must_have_begun_in_that_year() -> None:
    text = "The Izz al-Din al-Qassam Brigades has been banned since 2011."  # proscribed in 2001
    assert [label for *_, label in _verdicts(text, UKPROSCRIBED, dt.date(2023, 10, 20))] == ["partially_supported"]
    right = "The Izz al-Din al-Qassam Brigades has been banned since 2001."
    assert [label for *_, label in _verdicts(right, UKPROSCRIBED, dt.date(2023, 10, 20))] == ["supported"]


def test_leaving_something_else_is_not_a_removal() -> None:
    text = ("The State Department designated Tren de Aragua as a foreign terrorist organization in February. "
            "The Sinaloa Cartel, a terrorist organization, has since left its stronghold in Culiacan.")
    found = check(Article(text=text, published_at=dt.date(2025, 8, 8)), load_table())["claims"]
    assert not any(c["value"].get("removed") for c in found)


def test_a_bullet_list_under_a_reward_heading_gives_one_reward_per_item() -> None:
    text = ("ARE THERE REWARDS?\n\nYes. The main ones:\n\n- $50 million for Maduro, raised in August from $25 million\n"
            "- $5 billion in aid for Venezuela's neighbours\n\nWHAT NEXT?\n\nTalks go on.\n\n- $10 million for Maduro")
    found = _verdicts(text, None, dt.date(2025, 12, 19))
    assert [(kind, name, label) for kind, name, _, label in found] == [("reward", "$50 million", "supported")]


def test_a_bullet_list_after_a_colon_in_a_designation_context_lists_designations() -> None:
    """An explainer: the intro has no cue, only a colon; each item may carry its own leading date."""
    text = ("The State Department has named eight Latin American criminal groups foreign terrorist organizations.\n\n"
            "The first wave came on Feb. 20: eight groups.\n\n- Tren de Aragua\n- MS-13\n\nSince then:\n\n"
            "- May: Haiti's Viv Ansanm\n- Cartel de los Soles, which is led by Nicolás Maduro\n\nREWARDS?\n\n"
            "Yes, these:\n\n- $50 million for Maduro")
    found = _verdicts(text, Path(__file__).resolve().parent / "data" / "cartels2" / "reference",
                      dt.date(2025, 12, 19))
    assert [(kind, name, date) for kind, name, date, _ in found if kind != "designation_count"] == [
        ("designation", "Tren de Aragua", "on Feb. 20"), ("designation", "MS-13", "on Feb. 20"),
        ("designation", "Viv Ansanm", "May"), ("designation", "Cartel de los Soles", None),
        ("reward", "$50 million", None)]


def test_a_count_with_two_qualifiers_joined_by_and_counts_either() -> None:
    text = ("The State Department has designated 12 Latin American and Caribbean groups as foreign terrorist "
            "organizations.")
    result = check(Article(text=text, published_at=dt.date(2025, 9, 4)),
                   load_table(Path(__file__).resolve().parent / "data" / "cartels2" / "reference"))
    assert [(c["text"], c["value"]["regions"]) for c in result["claims"]] == [
        ("12 Latin American and Caribbean groups", ["latin-america", "caribbean"])]


@pytest.mark.parametrize(("offer", "label"), [
    ("offered", "supported"),  # the simple past: an act, true of its time
    ("offers", "outdated"),  # the present: the reward in force now was raised since
    ("has offered", "outdated"),  # the present perfect: the same
])
def test_an_amount_offered_for_someone_is_a_reward_without_a_reward_word(offer: str, label: str) -> None:
    text = f"Nicolás Maduro was indicted in 2020. The State Department {offer} $25 million for him."
    assert _subjects(text) == [("$25 million", {"id": "nicolas-maduro", "name": "Nicolás Maduro"}, label)]


def test_an_amount_offered_for_a_thing_is_no_reward() -> None:
    assert _subjects("Nicolás Maduro was indicted in 2020. The company offered $25 million for the building.") == []



@pytest.mark.parametrize(("text", "expected"), [
    ("Rafael Caro Quintero spent decades on the run. He was captured in July 2022 by marines.",
     [("event_date", "in July 2022", "in July 2022", "supported")]),
    ("Rafael Caro Quintero fled. The FBI put him on its list. Then it offered a reward for him. He was captured in "
     "July 2022.", [("event_date", "in July 2022", "in July 2022", "supported")]),  # a chain of pronouns
    ("Rafael Caro Quintero fled. Police kept looking. Agents kept looking. Marines kept looking. He was captured in "
     "July 2022.", []),  # too far, and nothing between refers back
    ("Rafael Caro Quintero fled. Ruja Ignatova vanished. She was captured in July 2022.", []),  # another person
])
def test_a_pronoun_stands_for_the_name_a_trigger_begins_with(text: str, expected: list) -> None:
    """ "He was captured" is the table's "caro quintero was captured" when he is the person named last."""
    found = _verdicts(text, WANTED, dt.date(2025, 3, 1))
    assert [c for c in found if c[0] == "event_date"] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Rafael Caro Quintero, the drug lord behind a 1985 murder, was captured in July 2022 by marines.",
     [("event_date", "in July 2022", "in July 2022", "supported")]),  # an aside inside the trigger, with its own date
    ("Marines flew Rafael Caro Quintero, who was captured in July 2021, to a base in Sinaloa.",
     [("event_date", "in July 2021", "in July 2021", "refuted")]),  # ", who was captured"
    ("Rafael Caro Quintero, a drug lord whom four presidents of two countries had sworn to catch and to jail for "
     "good, was captured in July 2022.", []),  # an aside too long to be one
])
def test_a_trigger_reads_across_an_aside(text: str, expected: list) -> None:
    """The table's "caro quintero was captured" is found across an aside set off by commas or a relative pronoun,
    and a date inside the aside is not the event's."""
    found = _verdicts(text, WANTED, dt.date(2025, 3, 1))
    assert [c for c in found if c[0] == "event_date"] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Ismael Zambada García was arrested in July 2024.", [("event_date", "in July 2024", "supported")]),
    ("Ismael Zambada García was arrested in July 2023.", [("event_date", "in July 2023", "refuted")]),
    ("Ismael Zambada García was indicted in July 2023.", []),
])
def test_a_trigger_that_begins_with_a_name_is_found_with_another_of_its_names(text: str, expected: list) -> None:
    """The table's "zambada was arrested" is found after the full name, "Ismael Zambada García was arrested"."""
    found = _verdicts(text, WANTED, dt.date(2025, 3, 1))
    assert [(c[0], c[1], c[3]) for c in found if c[0] == "event_date"] == expected


def test_a_clause_with_a_cue_of_its_own_takes_no_kind_from_another_paragraph() -> None:
    """ "designated X ..., and followed with Y" asserts designations of its own: the kind a paragraph before named
    (a domestic terrorist organization) is not theirs, though "followed" would carry one on."""
    extremists = Path(__file__).resolve().parent / "data" / "extremists" / "reference"
    text = ("Trump signed an executive order designating Antifa a domestic terrorist organization in September.\n\n"
            "The State Department designated the Russian Imperial Movement in April 2020, and followed with the "
            "Nordic Resistance Movement in June 2024.")
    result = check(Article(text=text, published_at=dt.date(2025, 11, 14)), load_table(extremists))
    found = [(c["text"], c["value"]["kind"] and c["value"]["kind"]["id"], c["verdict"]["label"])
             for c in result["claims"]]
    assert found == [("Antifa", "domestic-terrorist", "supported"),
                     ("the Russian Imperial Movement", None, "supported"),
                     ("the Nordic Resistance Movement", None, "supported")]


@pytest.mark.parametrize(("text", "date"), [
    ("Canada has listed eight extremist groups since 2019, among them the Proud Boys.", None),
    ("Canada listed eight extremist groups in February 2021, including the Proud Boys.", "in February 2021"),
])
def test_one_of_those_counted_since_a_date_is_not_dated_by_it(text: str, date: str | None) -> None:
    """ "eight groups since 2019, among them X": the period is the count's, not X's date; a day is theirs all."""
    extremists = Path(__file__).resolve().parent / "data" / "extremists" / "reference"
    found = _verdicts(text, extremists, dt.date(2025, 11, 14))
    assert [(c[1], c[2], c[3]) for c in found if c[0] == "designation"] == [("the Proud Boys", date, "supported")]


DATA = Path(__file__).resolve().parent / "data"


@pytest.mark.parametrize(("folder", "published", "text", "expected"), [
    ("iccwarrants", "2025-07-10", "Rodrigo Duterte was arrested in Manila on March 11 and flown to The Hague.",
     [("on March 11", "duterte-arrest")]),  # a date after its verb is that verb's
    ("extremists", "2025-11-14", "In October 2019 a gunman tried to force his way into the synagogue in Halle on "
     "Yom Kippur and killed two passers-by, and on 19 February 2020 a racist gunman killed nine people of immigrant "
     "background in Hanau.", [("In October 2019", "halle-attack"), ("on 19 February 2020", "hanau-shootings")]),
    ("isisk", "2024-08-26", "- March 18: Salah Abdeslam, the only surviving member of the Paris attack teams, is "
     "arrested in Molenbeek.", [("March 18", "abdeslam-arrest")]),  # a timeline's date opens its line
    ("alliedlists", "2025-10-15", "Mexico extradited 26 more cartel figures to the United States in August, after "
     "sending 29 cartel prisoners north in February.",
     [("in August", "mexico-transfer-26"), ("in February", "mexico-transfer-29")]),
    ("fda", "2024-07-02", "Eisai's drug, sold as Leqembi, won accelerated approval on Jan. 6, 2023, and was converted "
     "to full approval last July.", [("on Jan. 6, 2023", "leqembi-accelerated-approval"),
                                     ("last July", "leqembi-full-approval")]),  # "leqembi ... full approval"
])
def test_two_events_in_a_sentence_take_a_date_each(folder: str, published: str, text: str, expected: list) -> None:
    """Each date goes to one event, each event takes one date: a date opening a clause is the next verb's, any
    other the verb's before it."""
    result = check(Article(text=text, published_at=dt.date.fromisoformat(published)), load_table(DATA / folder /
                                                                                                   "reference"))
    assert [(c["text"], c["subject"]["id"]) for c in result["claims"] if c["type"] == "event_date"] == expected


def test_a_misdescription_is_the_nearest_event_s() -> None:
    """ "extradited 26 ..., after sending 29 ...": the 26 were misdescribed as extradited, not the 29."""
    text = ("Mexico extradited 26 more cartel figures to the United States in August, after sending 29 cartel "
            "prisoners north in February.")
    found = _verdicts(text, DATA / "alliedlists" / "reference", dt.date(2025, 10, 15))
    assert [(c[1], c[3]) for c in found if c[0] == "event_date"] == [("in August", "partially_supported"),
                                                                     ("in February", "supported")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Treasury sanctioned 17 Saudis in November 2018.", [("17 Saudis", 17, True, "supported")]),
    ("The Treasury sanctioned 17 Saudi nationals in November 2018.", [("17 Saudi nationals", 17, True,
                                                                       "supported")]),
    ("The Treasury sanctioned 16 Saudis in November 2018.", [("16 Saudis", 16, True, "refuted")]),
    ("The bombing, which the Treasury called terrorist, killed 13 soldiers and about 170 Saudis.", []),
])
def test_people_of_a_place_are_counted_as_people(text: str, expected: list) -> None:
    """ "17 Saudis" and "17 Saudi nationals" count the people the table designates from Saudi Arabia, though it
    designates bodies too; a count of people needs a designation asserted or named just before it."""
    result = check(Article(text=text, published_at=dt.date(2021, 3, 1)), load_table(DATA / "magnitsky" / "reference"))
    assert [(c["text"], c["value"]["count"], c["value"]["people"], c["verdict"]["label"]) for c in result["claims"]
            if c["type"] == "designation_count"] == expected


def test_a_count_of_those_on_a_list_today_is_of_those_in_force() -> None:
    """ "one of seven Haitians on it today": the seven on the list on the day, not seven added that day."""
    text = "Chérizier has been on the U.N. sanctions list since 2022, and is one of seven Haitians on it today."
    found = _verdicts(text, DATA / "haitigangs" / "reference", dt.date(2025, 10, 1))
    assert [(c[1], c[3]) for c in found if c[0] == "designation_count"] == [("seven Haitians", "supported")]


@pytest.mark.parametrize(("text", "expected"), [
    ("WHAT IS THE ENTITY LIST?\n\nThe oldest of the four is run by the Commerce Department. Huawei was added in "
     "May 2019.", [("Huawei", "in May 2019", "supported")]),  # "added" to the list a heading named
    ("WHAT IS THE ENTITY LIST?\n\nThe oldest of the four is run by the Commerce Department. Huawei was added in "
     "May 2018.", [("Huawei", "in May 2018", "refuted")]),
    ("The Commerce Department runs it. Huawei was added in May 2018.", []),  # no list named: "added" asserts nothing
])
def test_added_after_a_list_is_named_is_added_to_it(text: str, expected: list) -> None:
    """A weak cue ("was added") designates when a list was named a few sentences before, and "was added in May
    2019" is dated by its date (the passive is not "he added on Monday")."""
    found = _verdicts(text, DATA / "entitylist" / "reference", dt.date(2025, 5, 20))
    assert [(c[1], c[2], c[3]) for c in found if c[0] == "designation"] == expected


@pytest.mark.parametrize(("text", "designated"), [
    ("Australia listed the IRGC as a terrorist organisation after Iran's crackdown on protests.", ["IRGC"]),
    ("The State Department designated the IRGC, which keeps a channel to Tehran, in April 2019.", ["IRGC"]),
    ("Relations between Canberra and Tehran soured after the IRGC was listed as a terrorist group.", ["IRGC"]),
    ("Washington designated Iran a state sponsor of terrorism in 1984.", ["Iran"]),
    ("Iran's designation as a state sponsor of terrorism dates from 1984.", ["Iran"]),
])
def test_a_country_said_in_passing_is_not_designated(text: str, designated: list) -> None:
    """A country after a preposition of movement or relation, or owning a noun that is not a designation's, is a
    place the sentence passes through, not what it designates."""
    found = _verdicts(text, DATA / "irgc" / "reference", dt.date(2025, 8, 27))
    assert [c[1] for c in found if c[0] == "designation"] == designated


@pytest.mark.parametrize(("text", "expected"), [
    ("Police arrested two men over last Sunday's daylight theft of crown jewels from the Louvre.",
     [("last Sunday", "supported")]),
    ("Police arrested two men over last Sunday's brazen and well-planned daylight theft of crown jewels from the "
     "Louvre.", []),  # too many words between: not the theft's date
])
def test_a_date_owns_the_event_a_few_words_after_it(text: str, expected: list) -> None:
    """ "last Sunday's daylight theft": the possessive date dates the event an adjective or two after it."""
    found = _verdicts(text, DATA / "artcrime" / "reference", dt.date(2025, 10, 26))
    assert [(c[1], c[3]) for c in found if c[0] == "event_date"] == expected


def test_yet_to_designate_is_a_denial() -> None:
    """ "has yet to add the IRGC to its terrorist list" says the EU has not listed it: a denial, checked as one."""
    result = check(Article(text="The European Union has yet to add the IRGC to its terrorist list.",
                           published_at=dt.date(2025, 12, 5)), load_table(DATA / "irgc" / "reference"))
    assert [(c["text"], c["value"]["negated"], c["verdict"]["label"]) for c in result["claims"]] == [
        ("IRGC", True, "supported")]


def test_a_count_from_a_country_and_a_region_counts_either_and_not_a_name_before_a_colon() -> None:
    """ "three more groups from Ecuador and Central America": groups from either; Cartel de los Soles, named before
    the colon, is not one of the "more"."""
    text = ("Cartel de los Soles is the 14th Latin American criminal group the State Department has designated as a "
            "foreign terrorist organization this year: eight in February, two Haitian gang coalitions in May, three "
            "more groups from Ecuador and Central America in September, and now the Venezuelan group.")
    found = _verdicts(text, DATA / "cartels5" / "reference", dt.date(2025, 11, 28))
    assert ("designation_count", "three more groups", "in September", "supported") in found


@pytest.mark.parametrize(("text", "authority", "label"), [
    ("Attorney General Pam Bondi noted that the Sinaloa Cartel is now a designated foreign terrorist organization.",
     None, "supported"),  # the speaker reports it; she did not make it
    ("Attorney General Pam Bondi designated the Sinaloa Cartel a foreign terrorist organization.",
     "us-justice", "partially_supported"),  # the maker named, and wrong
])
def test_the_one_who_reports_a_designation_is_not_its_maker(text: str, authority: str | None, label: str) -> None:
    """ "X noted that Y is a designated FTO": X is not the designating authority."""
    result = check(Article(text=text, published_at=dt.date(2025, 8, 26)), load_table(DATA / "cartels5" / "reference"))
    assert [((c["value"]["authority"] or {}).get("id"), c["verdict"]["label"]) for c in result["claims"]] == [
        (authority, label)]


def test_a_name_inside_a_kind_s_name_is_not_designated() -> None:
    """ "added ISIS-K to its Islamic State and al-Qaida sanctions list": ISIS-K is listed; the Islamic State is part
    of the list's name."""
    text = "In 2023 the UN Security Council added ISIS-K to its Islamic State and al-Qaida sanctions list."
    found = _verdicts(text, DATA / "isisk" / "reference", dt.date(2025, 3, 6))
    assert [c[1] for c in found if c[0] == "designation"] == ["ISIS-K"]


def test_a_trigger_reads_past_a_determiner_its_phrase_leaves_out() -> None:
    """ "restored those protections" is the table's "restored protections"; "restored some protections" is not."""
    species = Path(__file__).resolve().parent / "data" / "species" / "reference"
    text = "A federal judge in California restored {} protections in February 2022."
    assert [c[:2] for c in _verdicts(text.format("those"), species, dt.date(2025, 3, 1)) if c[0] == "event_date"] == [
        ("event_date", "in February 2022")]
    assert [c for c in _verdicts(text.format("some"), species, dt.date(2025, 3, 1)) if c[0] == "event_date"] == []


STATESPONSORS = Path(__file__).resolve().parent / "data" / "statesponsors" / "reference"


@pytest.mark.parametrize(("text", "expected"), [
    ("The Treasury designated the Houthis and an Iran-based financier.", ["the Houthis"]),  # a compound adjective
    ("The State Department designated Iran-backed militias in Iraq and Syria.", []),  # and places after "in"
    ("Washington designated Cuba a state sponsor of terrorism in January, and Iran as well.", ["Cuba", "Iran"]),
])
def test_a_place_or_a_compound_adjective_is_not_designated(text: str, expected: list) -> None:
    found = _verdicts(text, STATESPONSORS, dt.date(2025, 3, 1))
    assert [name for kind, name, *_ in found if kind == "designation"] == expected


def test_a_question_asks_whether_a_group_is_designated_but_still_says_what_a_reward_is() -> None:
    claims = _claims("Is Tren de Aragua a foreign terrorist organization? Does anyone believe the $50 million reward "
                     "for Maduro will work? Tren de Aragua is a foreign terrorist organization.")
    assert [(kind, text) for kind, text, _ in claims] == [("reward", "$50 million"), ("designation", "Tren de Aragua")]
    assert claims[1][2] == "tren-de-aragua" and claims[0][2] == "nicolas-maduro"


@pytest.mark.parametrize("text", [
    "The administration delisted Tren de Aragua, undoing a designation made in February.",
    "It is a label the administration had lifted from Tren de Aragua, a designation made in February.",
])
def test_a_name_after_a_verb_that_ends_a_designation_is_checked_as_removed(text: str) -> None:
    result = check(Article(text=text, published_at=PUB), load_table())
    assert [(c["text"], c["value"]["negated"], c["verdict"]["label"]) for c in result["claims"]] == [
        ("Tren de Aragua", True, "refuted")]  # still designated on the publication date


def test_a_date_in_a_participle_phrase_after_one_name_dates_that_name_alone() -> None:
    text = ("The State Department has designated Viv Ansanm and Tren de Aragua, which it considers foreign terrorist "
            "organizations, as well as the Sinaloa Cartel, designated in February.")
    found = _verdicts(text, None, PUB)
    assert [(name, date, label) for kind, name, date, label in found if kind == "designation"] == [
        ("Viv Ansanm", None, "supported"), ("Tren de Aragua", None, "supported"),
        ("Sinaloa Cartel", "in February", "supported")]


@pytest.mark.parametrize(("text", "date"), [
    ("Washington had put a $15 million bounty on Maduro for his role in the 1999 coup plot.", None),  # names an event
    ("Washington put a $15 million bounty on Maduro in 2020 after an indictment.", "in 2020"),
])
def test_a_year_between_an_article_and_a_noun_names_an_event_and_dates_nothing(text: str, date: str | None) -> None:
    assert [d for kind, _, d, _ in _verdicts(text, None, PUB) if kind == "reward"] == [date]


@pytest.mark.parametrize("text", [
    "Tren de Aragua is now officially a foreign terrorist organization.",
    'Tren de Aragua is once again a "foreign terrorist organization" in the eyes of Washington.',
])
def test_an_adverb_between_a_name_and_its_kind_still_links_them(text: str) -> None:
    assert _claims(text) == [("designation", "Tren de Aragua", "tren-de-aragua")]


def test_on_the_list_after_a_designation_lists_and_besides_counts_the_name_too() -> None:
    text = ("Cuba is a state sponsor of terrorism. Besides Cuba, only three countries appear on the list: Iran, North "
            "Korea and Syria.")
    found = _verdicts(text, STATESPONSORS, dt.date(2025, 1, 22))
    assert [(kind, name, label) for kind, name, _, label in found] == [
        ("designation", "Cuba", "supported"),  # "Besides Cuba" says the same again: one claim
        ("designation_count", "three countries", "supported"),  # Cuba and three more
        ("designation", "Iran", "supported"), ("designation", "North Korea", "supported"),
        ("designation", "Syria", "supported")]


def test_on_the_list_with_no_designation_before_asserts_nothing() -> None:
    assert _verdicts("Only three countries appear on the list: Iran, North Korea and Syria.", STATESPONSORS,
                     dt.date(2025, 1, 22)) == []


@pytest.mark.parametrize(("text", "expected"), [
    ('"If Tren de Aragua stops its attacks, we will re-evaluate this designation," Rubio said.', []),
    ("But if MS-13 disbands, the designation will lapse.", []),
    ("If Maduro falls, Tren de Aragua remains a foreign terrorist organization.",
     [("designation", "Tren de Aragua", "tren-de-aragua")]),  # the condition ends before the name
])
def test_a_name_in_an_opening_if_clause_is_not_designated(text: str, expected: list) -> None:
    assert [c for c in _claims(text) if c[0] == "designation"] == expected


def test_a_list_of_designations_lists_the_names_its_items_open_with() -> None:
    text = ("The State Department has designated these groups as foreign terrorist organizations this year:\n"
            "- Feb. 20: Tren de Aragua and MS-13\n"
            "- May 2: Viv Ansanm, a Haitian gang coalition\n"
            "- June: Officials said they were watching Gran Grif closely.\n"  # a sentence of its own
            "- Sept. 4: The department also designated Los Choneros as a foreign terrorist organization.")
    found = _verdicts(text, None, dt.date(2025, 10, 8))
    assert [(name, date, label) for _, name, date, label in found] == [
        ("Tren de Aragua", "Feb. 20", "supported"), ("MS-13", "Feb. 20", "supported"),
        ("Viv Ansanm", "May 2", "supported"), ("Los Choneros", "Sept. 4", "supported")]


@pytest.mark.parametrize("verb", ["said", "called"])
def test_a_date_right_before_a_verb_of_speech_dates_the_speech(verb: str) -> None:
    text = f"Tren de Aragua was designated a foreign terrorist organization, a move Rubio on Thursday {verb} overdue."
    assert _verdicts(text, None, PUB) == [("designation", "Tren de Aragua", None, "supported")]


def test_the_date_of_a_conjunct_that_repeats_the_act_is_the_conjunct_s() -> None:
    text = ("The State Department designated Tren de Aragua as a foreign terrorist organization, and Canada did the "
            "same in March.")
    assert [(name, date) for _, name, date, _ in _verdicts(text, None, PUB)] == [("Tren de Aragua", None)]


def test_a_heading_names_a_section_s_subject_and_asserts_nothing() -> None:
    text = ("The State Department designated these groups as foreign terrorist organizations:\n- Feb. 20: Tren de "
            "Aragua\n2. MS-13 AND BARRIO 18\nThe gangs began in Los Angeles.")
    assert [name for _, name, _ in _claims(text)] == ["Tren de Aragua"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The cartel's lawyer, Juan José Ponce Félix, requested the delay after the State Department designated Tren de "
     "Aragua in February.", ["Tren de Aragua"]),  # the subject of an active verb acts
    ("Juan José Ponce Félix, designated a terrorist in September, fled.", ["Juan José Ponce Félix"]),  # a participle
])
def test_the_subject_of_an_active_verb_that_is_no_cue_is_not_designated(text: str, expected: list) -> None:
    assert [name for _, name, _ in _claims(text, dt.date(2025, 12, 8))] == expected


def test_a_name_that_owns_a_relation_noun_is_not_designated() -> None:
    text = "Only the Juarez Brigades, Tren de Aragua's armed wing, had been listed as a foreign terrorist organization."
    assert [c for c in _claims(text) if c[2] == "tren-de-aragua"] == []


BANS = Path(__file__).resolve().parent / "data" / "bans" / "reference"


def test_a_date_inside_an_event_s_trigger_is_the_event_s_date() -> None:
    text = "She was arrested in April after a rally at which she praised the Oct. 7, 2023, attack on Israel."
    found = _verdicts(text, BANS, dt.date(2024, 10, 16))
    assert [(kind, date, label) for kind, _, date, label in found] == [("event_date", "Oct. 7, 2023", "supported")]


SPORTBANS = Path(__file__).resolve().parent / "data" / "sportbans" / "reference"


@pytest.mark.parametrize("text", [
    "Kamila Valieva tested positive in December. RUSADA provisionally suspended her on Feb. 8.",
    "Kamila Valieva tested positive. Rusada, the Russian anti-doping agency, provisionally suspended her the next day.",
    "Wada appealed to Cas, and Rusada itself argued for a sanction of one or two years.",
])
def test_a_name_right_before_a_cue_verb_with_an_object_made_the_designation(text: str) -> None:
    assert [name for _, name, *_ in _verdicts(text, SPORTBANS, dt.date(2022, 2, 14)) if "usada" in name.lower()
            or "agency" in name] == []


def test_a_conjunct_with_a_cue_of_its_own_has_its_own_maker() -> None:
    text = ("The State Department designated Tren de Aragua as a foreign terrorist organization in February, and "
            "Canada listed MS-13 as a terrorist entity in June.")
    assert [(name, date, label) for _, name, date, label in _verdicts(text, None, PUB)] == [
        ("Tren de Aragua", "in February", "supported"), ("MS-13", "in June", "unverifiable")]  # Canada's


def test_a_count_of_groups_never_designated_is_no_count_claim() -> None:
    assert _claims("Eight cartels were never designated as foreign terrorist organizations.") == []


def test_a_cue_that_qualifies_another_noun_asserts_nothing() -> None:
    text = "Kamila Valieva, who tested positive for a banned heart drug, skated on Tuesday."
    assert [name for _, name, *_ in _verdicts(text, SPORTBANS, dt.date(2022, 2, 14))] == []


def test_a_headline_and_the_story_each_make_their_claim() -> None:
    text = ("US designates Tren de Aragua as a foreign terrorist organization\n"
            "The US designated Tren de Aragua as a foreign terrorist organization.")
    assert [name for _, name, _ in _claims(text)] == ["Tren de Aragua", "Tren de Aragua"]


HAITIGANGS = Path(__file__).resolve().parent / "data" / "haitigangs" / "reference"


@pytest.mark.parametrize(("text", "table", "published", "expected"), [
    ("Ottawa sanctioned Senator Rony Célestin and former deputy Gary Bodeau under the Special Economic Measures "
     "Regulations, which came into force on Nov. 3.", HAITIGANGS, dt.date(2022, 11, 22),
     [("Rony Célestin", None), ("Gary Bodeau", None)]),  # the regulations' date
    ("Still on the list is Bhadreshkumar Patel, wanted in the stabbing death of his wife in Maryland, who has been on "
     "the list since 2019.", WANTED, dt.date(2025, 8, 21), [("Bhadreshkumar Patel", "since 2019")]),  # his listing
])
def test_a_relative_clause_about_another_noun_does_not_date_the_designation(text: str, table: Path,
                                                                             published: dt.date,
                                                                             expected: list) -> None:
    found = _verdicts(text, table, published)
    assert [(name, date) for kind, name, date, _ in found if kind == "designation"] == expected


def test_an_amount_up_from_an_earlier_one_keeps_the_earlier_one_s_date_apart() -> None:
    text = ("Vitel'Homme Innocent leads the Kraze Baryè gang. The State Department raised its reward for information "
            "leading to his arrest to $2 million, up from the $1 million it had offered since November 2022.")
    result = check(Article(text=text, published_at=dt.date(2023, 12, 8)), load_table(HAITIGANGS))
    assert [(c["text"], c["value"]["previous_amount"], c["value"]["date"], c["verdict"]["label"])
            for c in result["claims"] if c["type"] == "reward"] == [("$2 million", 1_000_000, None, "supported")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Civil society groups have urged Washington to follow Ottawa's lead and designate Tren de Aragua too.", []),
    ("Critics urged Ottawa to follow Washington, which designated Tren de Aragua as a foreign terrorist organization.",
     ["Tren de Aragua"]),  # the relative clause tells a fact
])
def test_an_act_urged_however_far_from_the_urging_is_no_claim(text: str, expected: list) -> None:
    assert [name for _, name, _ in _claims(text)] == expected


def test_a_possessive_date_before_an_event_s_trigger_is_its_date() -> None:
    text = "Last year's kidnapping of 17 missionaries by the 400 Mawozo gang remains a rallying point."
    found = _verdicts(text, HAITIGANGS, dt.date(2022, 11, 22))
    assert [(kind, date, label) for kind, _, date, label in found] == [("event_date", "Last year", "supported")]


def test_another_amount_after_an_offer_is_a_further_offer() -> None:
    text = ("The State Department offers $1 million for Vitel'Homme Innocent, the Kraze Baryè leader who is on the "
            "FBI's Ten Most Wanted list, and another $1 million for 400 Mawozo chief Wilson Joseph.")
    result = check(Article(text=text, published_at=dt.date(2023, 1, 10)), load_table(HAITIGANGS))
    assert [(c["text"], c["subject"]["id"]) for c in result["claims"] if c["type"] == "reward"] == [
        ("$1 million", "vitelhomme-innocent"), ("$1 million", "wilson-joseph")]


@pytest.mark.parametrize("text", [
    # a list of offers, each item after a comma or "and": the later ones are as far from the cue as they like
    "The State Department offers rewards: $1 million for Vitel'Homme Innocent, the Kraze Baryè leader, $1 million "
    "for the 400 Mawozo chief Wilson Joseph, $1 million for the gang's Johnson André.",
    # whom it is for named after a role and a comma, or after "its"
    "The State Department offers $1 million for Vitel'Homme Innocent, who leads Kraze Baryè in the east of the "
    "capital, and another $1 million for his ally, Wilson Joseph. It also offered $1 million for its rival Johnson "
    "André.",
])
def test_further_offers_of_a_list_name_whom_each_is_for(text: str) -> None:
    result = check(Article(text=text, published_at=dt.date(2023, 1, 10)), load_table(HAITIGANGS))
    assert [(c["text"], c["subject"]["id"] if c["subject"] else None) for c in result["claims"]
            if c["type"] == "reward"] == [
        ("$1 million", "vitelhomme-innocent"), ("$1 million", "wilson-joseph"), ("$1 million", "johnson-andre")]


def test_on_the_u_n_list_after_a_designation_asserts_the_listing() -> None:
    text = ("The Security Council designated Viv Ansanm in July. Jimmy Chérizier himself has been on the U.N. list "
            "since 2022.")
    found = _verdicts(text, HAITIGANGS, dt.date(2025, 10, 24))
    assert [name for kind, name, *_ in found if kind == "designation"] == ["Viv Ansanm", "Jimmy Chérizier"]


def test_the_four_are_lists_the_members_of_a_count_just_given() -> None:
    text = ("On Friday the Security Council sanctioned four Haitian gang leaders. The four are Renel Destina, who "
            "leads the Grand Ravine gang; Vitel'Homme Innocent; Johnson André; and Wilson Joseph.")
    found = _verdicts(text, HAITIGANGS, dt.date(2023, 12, 9))
    assert [name for kind, name, *_ in found if kind == "designation"] == [
        "Renel Destina", "Vitel'Homme Innocent", "Johnson André", "Wilson Joseph"]


COLOMBIA = Path(__file__).resolve().parent / "data" / "colombia" / "reference"


@pytest.mark.parametrize(("text", "expected"), [
    ("The State Department offered up to $10 million each for Iván Márquez and Jesús Santrich.",
     ["ivan-marquez", "jesus-santrich"]),
    ("The State Department offered up to $10 million for Iván Márquez and Jesús Santrich.", ["ivan-marquez"]),  # one
])
def test_an_amount_offered_each_for_several_people_is_a_reward_for_each(text: str, expected: list) -> None:
    result = check(Article(text=text, published_at=dt.date(2021, 3, 1)), load_table(COLOMBIA))
    assert [c["subject"]["id"] for c in result["claims"] if c["type"] == "reward"] == expected


CYBER = Path(__file__).resolve().parent / "data" / "cybersanctions" / "reference"


def test_an_amount_is_for_whom_its_own_for_phrase_names() -> None:
    text = ("The State Department offers up to $10 million for Dmitry Khoroshev, the administrator behind LockBitSupp, "
            "and up to $10 million for information on the leaders of Hive.")
    result = check(Article(text=text, published_at=dt.date(2024, 6, 1)), load_table(CYBER))
    names = [c["subject"]["name"] for c in result["claims"] if c["type"] == "reward"]
    assert len(names) == 2 and "Khoroshev" in names[0] and "Hive" in names[1]


def test_his_arrest_is_a_person_s_not_the_group_named_nearby() -> None:
    text = ("Among those named was Aleksandr Mira Serda, a Russian national and Garantex co-founder. The State "
            "Department is offering up to $5 million for information leading to his arrest or conviction, and up to "
            "$1 million for information on other Garantex leaders.")
    result = check(Article(text=text, published_at=dt.date(2025, 8, 15)), load_table(CYBER))
    names = [c["subject"]["name"] for c in result["claims"] if c["type"] == "reward"]
    assert "Mira Serda" in names[0]


@pytest.mark.parametrize(("text", "label"), [
    ("Mexico last month sent 29 cartel figures to the United States, a move officials described as a transfer "
     "rather than an extradition.", "supported"),  # the misdescription is denied
    ("Mexico last month extradited 29 cartel figures to the United States.", "partially_supported"),
])
def test_a_misdescription_said_to_be_wrong_is_no_misdescription(text: str, label: str) -> None:
    assert [lab for kind, _, _, lab in _verdicts(text, None, dt.date(2025, 3, 20)) if kind == "event_date"] == [label]


def test_a_date_in_a_relative_clause_about_the_rewards_subject_does_not_date_the_reward() -> None:
    text = "The State Department had offered a $20 million reward for Caro Quintero, who was captured in July 2022."
    found = _verdicts(text, WANTED, dt.date(2025, 3, 1))
    assert [(date, label) for kind, _, date, label in found if kind == "reward"] == [(None, "supported")]


def test_a_name_before_its_archrival_is_not_designated() -> None:
    assert [name for _, name, _ in _claims("In September the State Department designated Barrio 18, MS-13's "
                                           "archrival, as a foreign terrorist organization.")] == ["Barrio 18"]


def test_a_count_in_an_item_of_a_list_of_designations_is_a_count_of_its_date() -> None:
    text = ("The State Department designated these groups as foreign terrorist organizations this year:\n"
            "- Feb. 20: eight groups at once\n- May 2: Viv Ansanm and Gran Grif")
    found = _verdicts(text, None, dt.date(2025, 10, 8))
    assert ("designation_count", "eight groups", "Feb. 20", "supported") in found


TDAMEXICO = Path(__file__).resolve().parent / "data" / "tdamexico" / "reference"


def test_an_object_pronoun_stands_for_the_name_a_trigger_ends_with() -> None:
    """ "captured him" is the table's "captured maduro" when Maduro is the person named last."""
    text = "Nicolás Maduro is being held in New York after U.S. forces captured him in Caracas early Saturday."
    found = _verdicts(text, TDAMEXICO, dt.date(2026, 1, 5))
    assert [(kind, label) for kind, _, _, label in found if kind == "event_date"] == [("event_date", "supported")]


def test_a_group_before_ties_is_not_designated() -> None:
    text = "Treasury sanctions Russian hosting firm Zservers over LockBit ties."
    assert [name for kind, name, *_ in _verdicts(text, CYBER, dt.date(2025, 2, 12)) if kind == "designation"] == [
        "Zservers"]


SAHEL = Path(__file__).resolve().parent / "data" / "sahel" / "reference"


def test_a_reward_said_to_be_offered_still_today_is_checked_as_in_force() -> None:
    """ "offered $5 million for Robow, a reward it still offers today": not true of its time only, nor offered on
    the publication day; the reward was withdrawn in 2017, so the claim is wrong in 2019."""
    text = "Washington also offered $5 million for his deputy Mukhtar Robow, a reward it still offers today."
    found = _verdicts(text, SAHEL, dt.date(2019, 1, 21))
    assert [(date, label) for kind, _, date, label in found if kind == "reward"] == [(None, "refuted")]


def test_a_list_s_introduction_with_no_cue_of_its_own_does_not_designate() -> None:
    text = ("The State Department designated Viv Ansanm in May.\nTren de Aragua has been hit by several Western "
            "measures:\n- The State Department designated it a foreign terrorist organization in February.")
    assert "Tren de Aragua" not in [name for kind, name, *_ in _verdicts(text, None, PUB) if kind == "designation"]


def test_a_period_since_a_date_is_no_event_s_date() -> None:
    text = ("If confirmed, Shekau's death would close a chapter in an insurgency that has killed more than 35,000 "
            "people in the North-East and forced over two million from their homes since 2009.")
    found = _verdicts(text, SAHEL, dt.date(2021, 5, 21))
    assert [date for kind, _, date, _ in found if kind == "event_date"] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Saxony police and the Dresden prosecutor's office offered 500,000 euros for tips leading to the culprits or "
     "the jewels.", [("green-vault-jewels", "supported")]),  # the only thing the table has them rewarding
    ("Saxony police offered 500,000 euros for information on its leader, Dieter Beispiel.",
     [(None, "unverifiable")]),  # someone else, whom the table does not know
    ("Saxony police said the thief was seen. Officers offered 500,000 euros for information on him.", []),
])
def test_an_authority_rewarding_one_thing_names_the_reward_s_subject(text: str, expected: list) -> None:
    """An offer with no subject named, by an authority whose rewards in the table are all for one subject, is for
    it; not when the offer names or points back to someone else."""
    result = check(Article(text=text, published_at=dt.date(2023, 5, 16)), load_table(DATA / "artcrime" / "reference"))
    assert [(c["subject"]["id"], c["verdict"]["label"]) for c in result["claims"] if c["type"] == "reward"] == expected


def test_a_when_clause_takes_the_date_it_refers_back_to() -> None:
    """ "$25 million from January until Aug. 7, when Bondi doubled it to $50 million": Aug. 7 is the $50 million's."""
    text = ("The reward for Nicolás Maduro was $25 million from January until Aug. 7, when Attorney General Pam Bondi "
            "doubled it to $50 million.")
    found = _verdicts(text, None, dt.date(2025, 12, 29))
    assert [(c[1], c[2], c[3]) for c in found if c[0] == "reward"][-1] == ("$50 million", "until Aug. 7", "supported")


def test_an_aside_s_until_dates_a_role_not_the_act() -> None:
    """ "X, until last month a senior adviser to ...": when the role ended, not when X was sanctioned or killed."""
    text = ("The Treasury imposed sanctions on 17 Saudi officials over the killing of Jamal Khashoggi, including Saud "
            "al-Qahtani, until last month a senior adviser to the crown prince, its first step since the Oct. 2 "
            "killing.")
    found = _verdicts(text, DATA / "magnitsky" / "reference", dt.date(2018, 11, 16))
    assert [(c[1], c[2]) for c in found if c[0] in ("designation", "event_date")] == [
        ("Saud al-Qahtani", None), ("Oct. 2", "Oct. 2")]


def test_each_of_those_named_before_carries_the_reward() -> None:
    """ "... named A, B and three others. Each now carries a reward of HK$1 million, roughly US$128,000": one claim
    per person named, and "US$" is a currency, not the US government offering it."""
    text = ("In December the police named Simon Cheng, a former consular employee, the activist Joey Siu, who lives in "
            "the United States, and three others. Each now carries a reward of HK$1 million, roughly US$128,000, for "
            "information leading to an arrest.")
    result = check(Article(text=text, published_at=dt.date(2024, 1, 5)), load_table(DATA / "magnitsky" / "reference"))
    assert sorted((c["subject"]["id"], c["verdict"]["label"]) for c in result["claims"] if c["type"] == "reward") == [
        ("joey-siu", "supported"), ("simon-cheng", "supported")]


def test_a_country_an_authority_is_named_after_makes_its_designations() -> None:
    """ "under American sanctions" where the table's government is called "the United States": the US's, checked,
    not a maker the table lacks."""
    text = "General Abdel Fattah al-Burhan himself has been under American sanctions since January."
    found = _verdicts(text, DATA / "sudan" / "reference", dt.date(2025, 9, 15))
    assert [(c[1], c[3]) for c in found] == [("Abdel Fattah al-Burhan", "supported")]


def test_names_after_a_when_clause_take_its_date() -> None:
    """ "Since last June ... six companies, the latest of them last week, when it blacklisted Zadna": last week."""
    text = ("Since last June, the US Treasury has sanctioned six companies linked to the two forces, the latest of "
            "them last week, when it blacklisted Zadna along with Alkhaleej Bank.")
    found = _verdicts(text, DATA / "sudan" / "reference", dt.date(2024, 2, 5))
    assert [(c[1], c[2], c[3]) for c in found if c[0] == "designation"] == [
        ("Zadna", "last week", "supported"), ("Alkhaleej Bank", "last week", "supported")]


def test_the_answer_to_a_question_about_a_list_names_its_members() -> None:
    """A Q&A: "Who was added to the partial list?" then "Fifteen countries, ... including Nigeria, Senegal ...":
    the answer asserts what the question asks about, with the question's kind and no older paragraph's."""
    text = ("Syria was moved to the full ban.\n\nWho was added to the partial restrictions?\n\nFifteen countries, most "
            "of them in Africa, including Nigeria, Senegal and Ivory Coast.")
    found = _verdicts(text, DATA / "travelban" / "reference", dt.date(2026, 1, 5))
    assert [(c[1], c[3]) for c in found if c[0] == "designation"] == [
        ("Syria", "supported"), ("Nigeria", "supported"), ("Senegal", "supported"), ("Ivory Coast", "supported")]


def test_a_country_a_cue_restricts_travel_from_is_designated() -> None:
    """ "restricted travel from Chad": the cue's object, not a place passed through ("a channel to Tehran")."""
    found = _verdicts("Trump restricted travel from Chad in September 2017.", DATA / "travelban" / "reference",
                      dt.date(2018, 6, 27))
    assert [(c[1], c[2], c[3]) for c in found] == [("Chad", "in September 2017", "supported")]


def test_a_count_in_the_simple_past_is_one_act_of_its_time() -> None:
    """ "The first ban barred citizens of seven countries", undated: one act covered seven, though fewer are barred
    now; "Sudan was dropped": a removal, said in the passive."""
    text = "The first ban barred citizens of seven Muslim-majority countries. Iraq was dropped in March 2017."
    found = _verdicts(text, DATA / "travelban" / "reference", dt.date(2021, 1, 22))
    assert [(c[0], c[1], c[3]) for c in found] == [
        ("designation_count", "seven Muslim-majority countries", "supported"), ("designation", "Iraq", "supported")]


@pytest.mark.parametrize("text", [
    "Britain sanctioned Hemedti's brother and deputy, Abdelrahim Dagalo, in December.",
    "In June 2024 the EU added a group of individuals, among them the RSF's West Darfur commander, Abdel Rahman Juma.",
])
def test_the_owner_of_a_role_is_not_the_one_designated(text: str) -> None:
    """ "Hemedti's brother", "the RSF's West Darfur commander": the one holding the role is designated, not the one
    owning it."""
    found = _verdicts(text, DATA / "sudan" / "reference", dt.date(2025, 12, 15))
    assert {c[1] for c in found if c[0] == "designation"} & {"Hemedti", "the RSF"} == set()


@pytest.mark.parametrize(("folder", "published", "text", "expected"), [
    ("brotherhood", "2026-01-13", "Egypt declared the Brotherhood a terrorist organization in December 2013, months "
     "after the army removed President Mohamed Morsi.", []),  # the date is the declaration's
    ("brotherhood", "2026-01-13", "The former political leader Ismail Haniyeh, who was designated a global terrorist "
     "in 2018, was killed in Tehran in July 2024.", [("in July 2024", "supported")]),  # a cue inside the aside
    ("cybersanctions", "2025-03-24", "Garantex, the Russian exchange sanctioned in 2022, was knocked offline on "
     "March 6 by U.S., German and Finnish authorities.", [("on March 6", "supported")]),  # not the aside's date
])
def test_an_event_takes_its_own_clause_s_date(folder: str, published: str, text: str, expected: list) -> None:
    """A date before "after ..." is the main clause's; a date in an aside a trigger reads across is the aside's."""
    found = _verdicts(text, DATA / folder / "reference", dt.date.fromisoformat(published))
    assert [(c[1], c[3]) for c in found if c[0] == "event_date"] == expected


def test_a_listed_item_s_own_participle_dates_it_alone() -> None:
    """ "following A, B, the three Haitian gangs listed in May, C, and, last month, D": May is the gangs' alone, last
    month D's; the others take the cue's "this year"."""
    text = ("The Clan del Golfo is the 15th Latin American criminal organization the State Department has designated "
            "this year, following the Sinaloa Cartel, Tren de Aragua, the three Haitian gangs listed in May, Barrio "
            "18, and, last month, Maduro's own Cartel de los Soles.")
    found = _dated(text, DATA / "cartels6" / "reference", dt.date(2025, 12, 17))
    assert [(c[1], c[2]) for c in found if c[1] != "15th Latin American criminal organization"] == [
        ("Clan del Golfo", "this year"), ("Sinaloa Cartel", "this year"), ("Tren de Aragua", "this year"),
        ("three Haitian gangs", "in May"), ("Barrio 18", "this year"), ("Cartel de los Soles", "last month")]


@pytest.mark.parametrize(("published", "text", "expected"), [
    ("2020-05-06", "Also wanted: Diosdado Cabello, the president of the National Constituent Assembly, for whom "
     "Washington offers 10 million dollars.", [("diosdado-cabello", None, "supported")]),  # the apposition's head
    ("2025-08-08", "Tareck El Aissami, the former oil minister whom Maduro's own police arrested last year in a "
     "corruption purge, has a $10 million bounty on his head.", [("el-aissami", None, "supported")]),  # not Maduro
    ("2026-01-05", "- Jan. 10, 2025: Maduro is sworn in for a third term. Washington raises the reward for him to "
     "$25 million and offers $25 million for Cabello.", [("nicolas-maduro", "Jan. 10, 2025", "supported"),
                                                         ("diosdado-cabello", "Jan. 10, 2025", "supported")]),
])
def test_a_reward_s_subject_and_date_through_asides_pronouns_and_timeline_lines(
        published: str, text: str, expected: list) -> None:
    """ "X, the president of Y, for whom ...": X; "whom Maduro's own police arrested last year": neither Maduro nor
    last year; "the reward for him to $25 million and ... $25 million for Cabello": him, then Cabello; a timeline
    line's opening date dates its later sentences."""
    result = check(Article(text=text, published_at=dt.date.fromisoformat(published)),
                   load_table(DATA / "venezuela" / "reference"))
    assert [(c["subject"]["id"], (c["value"].get("date") or {}).get("text"), c["verdict"]["label"])
            for c in result["claims"] if c["type"] == "reward"] == expected


def test_a_timeline_line_s_date_dates_its_later_sentences() -> None:
    """ "- Sept. 6: ... charges Park Jin Hyok. The Treasury sanctions Chosun Expo": Sept. 6, 2018."""
    text = ("2018\n- Sept. 6: The Justice Department charges Park Jin Hyok, a programmer, over Sony. The Treasury "
            "sanctions Chosun Expo, his employer.")
    found = _verdicts(text, DATA / "dprk" / "reference", dt.date(2026, 1, 15))
    assert [(c[1], c[2], c[3]) for c in found if c[0] == "designation"] == [("Chosun Expo", "Sept. 6", "supported")]


def test_a_name_in_a_clause_after_after_takes_that_clause_s_date() -> None:
    """ "added Barrio 18 in September, after its rival MS-13 had been designated in February": February is MS-13's."""
    text = ("The State Department added Barrio 18 to the list in September, after its rival MS-13 had been designated "
            "in February.")
    found = _dated(text, DATA / "cartels6" / "reference", dt.date(2026, 1, 6))
    assert [(c[1], c[2]) for c in found] == [("Barrio 18", "in September"), ("MS-13", "in February")]


def test_a_date_right_before_the_cue_is_its_own_after_after() -> None:
    """ "released a statement after the State Department yesterday designated X": yesterday, not "Today"."""
    text = ("Today, Congressman Daniel Reyes-Whitman released the following statement after the State Department "
            "yesterday designated the Clan del Golfo as a Foreign Terrorist Organization.")
    found = _dated(text, DATA / "cartels6" / "reference", dt.date(2025, 12, 17))
    assert [(c[1], c[2]) for c in found] == [("Clan del Golfo", "yesterday")]


def test_a_date_after_a_second_amount_in_an_aside_is_that_amount_s() -> None:
    """ "a $50 million reward on his head, a reward the State Department first set at $10 million in 2020": 2020 dates
    the $10 million, so the $50 million is checked as of publication."""
    text = ("He is the head of a cartel, and the United States has put a $50 million reward on Nicolás Maduro's head, "
            "a reward the State Department first set at $10 million in 2020.")
    result = check(Article(text=text, published_at=dt.date(2025, 12, 17)), load_table(DATA / "cartels6" / "reference"))
    assert [(c["text"], (c["value"].get("date") or {}).get("text"), c["verdict"]["label"])
            for c in result["claims"] if c["type"] == "reward"][:1] == [("$50 million", None, "supported")]


def test_a_reward_each_for_a_person_and_his_brother() -> None:
    """ "up to $5 million each for Iván Archivaldo Guzmán Salazar and his brother Jesús Alfredo": one claim each."""
    text = ("Washington keeps the pressure on the remaining Chapitos: the State Department offers up to $5 million "
            "each for Iván Archivaldo Guzmán Salazar and his brother Jesús Alfredo, whom Mexican authorities have been "
            "unable to find.")
    result = check(Article(text=text, published_at=dt.date(2025, 8, 14)), load_table(DATA / "cartels6" / "reference"))
    assert [c["subject"]["name"] for c in result["claims"] if c["type"] == "reward"] == [
        "Iván Archivaldo Guzmán Salazar", "Jesús Alfredo Guzmán Salazar"]


@pytest.mark.parametrize("text", [
    "Tren de Aragua has been a foreign terrorist organization since February.",
    "The boat carried members of Tren de Aragua, which is a foreign terrorist organization.",
])
def test_a_kind_linked_by_has_been_or_a_relative_pronoun(text: str) -> None:
    """ "X has been a foreign terrorist organization", "X, which is a foreign terrorist organization": X is
    designated; "Mexico has a cartel problem" links nothing (no "been")."""
    result = check(Article(text=text + " Mexico has a foreign terrorist organization problem.",
                           published_at=dt.date(2025, 9, 10)), load_table(DATA / "cartels6" / "reference"))
    assert [(c["type"], c["subject"]["id"]) for c in result["claims"]] == [("designation", "tren-de-aragua")]


def test_a_kind_that_as_introduces_after_the_cue_wins_over_a_nearer_one_before() -> None:
    """ "declared the TTP itself a Foreign Terrorist Organisation in September 2010 and designated two TTP commanders,
    A and B, as global terrorists the same day": the two are global terrorists (SDGT), not FTOs."""
    text = ("The State Department had declared the TTP itself a Foreign Terrorist Organisation in September 2010 and "
            "designated two TTP commanders, Hakimullah Mehsud and Wali-ur-Rehman, as global terrorists the same day.")
    result = check(Article(text=text, published_at=dt.date(2021, 9, 1)), load_table(DATA / "taliban" / "reference"))
    assert [(c["text"], c["value"]["kind"]["id"], c["verdict"]["label"]) for c in result["claims"]] == [
        ("the TTP", "fto", "supported"), ("two TTP commanders", "sdgt", "supported"),
        ("Hakimullah Mehsud", "sdgt", "supported"), ("Wali-ur-Rehman", "sdgt", "supported")]


def test_a_reward_each_for_people_counted_then_named() -> None:
    """ "up to 2 million dollars each for two other Chinese men, Yin Kecheng and Zhou Shuai": one claim each."""
    text = ("The State Department said it would pay up to 10 million US dollars for information on i-Soon and its "
            "staff, and up to 2 million dollars each for two other Chinese men, Yin Kecheng and Zhou Shuai.")
    result = check(Article(text=text, published_at=dt.date(2025, 3, 7)), load_table(DATA / "entitylist" / "reference"))
    assert [(c["text"], c["subject"]["id"]) for c in result["claims"] if c["type"] == "reward"] == [
        ("10 million US dollars", "i-soon"), ("2 million dollars", "yin-kecheng"), ("2 million dollars", "zhou-shuai")]


def test_removed_from_a_named_list_is_a_removal_without_a_designation_before() -> None:
    """ "removed gray wolves ... from the endangered species list in 2020", the article's first word of lists: a
    removal claim, checked against when the listing ended."""
    text = ("The Trump administration removed gray wolves in most of the lower 48 states from the endangered species "
            "list in 2020.")
    found = _verdicts(text, DATA / "species" / "reference", dt.date(2024, 11, 18))
    assert [(c[0], c[1], c[2]) for c in found] == [("designation", "gray wolves", "in 2020")]


@pytest.mark.parametrize(("published", "text", "expected"), [
    ("2012-09-08", "The TTP's founder, Baitullah Mehsud, for whom Washington had offered $5 million, was killed in a "
     "U.S. drone strike in August 2009.", [("baitullah-mehsud", None, "supported")]),  # the name, not the killing
    ("2025-07-04", "2021\n- Sept. 7: The Taliban unveil an interim government. Sirajuddin Haqqani, who carried a $10 "
     "million US bounty, becomes interior minister.", [("sirajuddin-haqqani", None, "supported")]),  # then, not now
])
def test_a_reward_told_in_a_relative_clause_is_true_of_its_time(published: str, text: str, expected: list) -> None:
    """ "X, for whom Washington had offered $5 million, was killed": X's reward; "who carried a $10 million bounty"
    on a timeline's line: true of that time, whatever it is at publication, and not offered that day."""
    result = check(Article(text=text, published_at=dt.date.fromisoformat(published)),
                   load_table(DATA / "taliban" / "reference"))
    assert [(c["subject"]["id"], (c["value"].get("date") or {}).get("text"), c["verdict"]["label"])
            for c in result["claims"] if c["type"] == "reward"] == expected


def test_a_month_that_names_a_noun_dates_nothing() -> None:
    """ "Haiti remains one of the 12 countries under a full ban, and nothing in the December order changed its
    status": the December order is a thing named, not when Haiti was listed."""
    text = ("Haiti remains one of the 12 countries under a full ban, and nothing in the December order changed its "
            "status.")
    found = _verdicts(text, DATA / "travelban" / "reference", dt.date(2026, 1, 5))
    assert [(c[1], c[2], c[3]) for c in found if c[0] == "designation"] == [("Haiti", None, "supported")]


def test_his_arrest_points_to_the_person_before_not_his_group() -> None:
    """ "charge Rim Jong Hyok, an Andariel hacker, ...; ... up to $10 million for information on him": Rim, not the
    group his apposition names."""
    text = ("U.S. prosecutors charge Rim Jong Hyok, an Andariel hacker, over ransomware attacks on hospitals; the "
            "State Department offers up to $10 million for information on him.")
    result = check(Article(text=text, published_at=dt.date(2026, 1, 15)), load_table(DATA / "dprk" / "reference"))
    assert [(c["subject"]["id"], c["verdict"]["label"]) for c in result["claims"] if c["type"] == "reward"] == [
        ("rim-jong-hyok", "supported")]


def test_a_main_clause_s_date_does_not_date_a_relative_clause_s_designation() -> None:
    """ "In 2008 a jury convicted them of funneling money to Hamas, which the U.S. has designated a terrorist
    organization since 1997": since 1997, not 2008."""
    text = ("The Bush administration froze the assets of the Holy Land Foundation, a Richardson-based charity, in "
            "December 2001, and in 2008 a federal jury in Dallas convicted the charity and five of its leaders of "
            "funneling money to Hamas, which the U.S. has designated a terrorist organization since 1997.")
    found = _dated(text, DATA / "brotherhood" / "reference", dt.date(2025, 11, 20))
    assert [(c[1], c[2]) for c in found if c[1] == "Hamas"] == [("Hamas", "since 1997")]


@pytest.mark.parametrize("text", [
    "2024\n- July 30: An Israeli strike on Beirut's southern suburbs kills Fuad Shukr, Hezbollah's most senior "
    "military commander, for whom the United States had offered up to $5 million.",
    "2024\n- Sept. 20: An Israeli strike kills Fuad Shukr. Washington had offered up to $5 million for him.",
])
def test_a_reward_told_in_the_past_perfect_is_not_dated_by_the_line_s_event(text: str) -> None:
    """ "kills X, the group's commander, for whom the US had offered $5 million": X's reward, offered before the
    line's day, not on it; "for whom" after a lower-case apposition points to the name before it."""
    result = check(Article(text=text, published_at=dt.date(2024, 11, 27)), load_table(DATA / "hezbollah" / "reference"))
    assert [(c["subject"]["id"], (c["value"].get("date") or {}).get("text"), c["verdict"]["label"])
            for c in result["claims"] if c["type"] == "reward"] == [("shukr", None, "supported")]


def test_a_name_two_entities_share_is_read_as_the_one_the_claim_fits() -> None:
    """ "mpox" names the 2022 and the 2024 emergency: each claim is checked against the one its date fits; with
    neither fitting, the first in the table, refuted."""
    text = ("The World Health Organization declared mpox a public health emergency of international concern on Aug. "
            "14, 2024. Tedros also declared mpox a global health emergency in July 2022. He declared mpox a global "
            "health emergency in 2019.")
    result = check(Article(text=text, published_at=dt.date(2025, 9, 8)), load_table(DATA / "pheic" / "reference"))
    assert [(c["subject"]["id"], c["verdict"]["label"]) for c in result["claims"]] == [
        ("mpox-2024", "supported"), ("mpox-2022", "supported"), ("mpox-2022", "refuted")]
    assert all("alternatives" not in c["value"] for c in result["claims"])


@pytest.mark.parametrize(("text", "expected"), [
    ("Tedros declares that Covid-19 is no longer a global health emergency.", "supported"),
    ("Mpox is no longer a global health emergency.", "supported"),
    ("The U.S. Covid-19 public health emergency expires.", "supported"),
    ("President Biden signs a congressional resolution ending the Covid-19 national emergency.", "supported"),
    ("Polio is no longer a global health emergency.", "refuted"),
])
def test_an_emergency_said_to_have_ended_is_a_removal(text: str, expected: str) -> None:
    """ "X is no longer a <kind>", "ending the X <kind>", "the X <kind> expires": removals, checked against the end of
    the designation (polio's had not ended)."""
    result = check(Article(text=text, published_at=dt.date(2025, 9, 8)), load_table(DATA / "pheic" / "reference"))
    assert [(c["type"], c["value"]["removed"], c["verdict"]["label"]) for c in result["claims"]] == [
        ("designation", True, expected)]


def test_today_dates_a_state_as_of_publication_not_an_act_that_day() -> None:
    """ "Two remain in force today: polio and mpox": in force on the publication day, not designated on it."""
    result = check(Article(text="Two remain in force today: polio and mpox.", published_at=dt.date(2025, 6, 2)),
                   load_table(DATA / "pheic" / "reference"))
    assert [(c["text"], c["value"]["date"], c["verdict"]["label"]) for c in result["claims"]] == [
        ("polio", None, "supported"), ("mpox", None, "supported")]


MXREWARDS = DATA / "mxrewards" / "reference"


@pytest.mark.parametrize("text", [
    "The Chapitos faction, Iván Archivaldo and Jesús Alfredo Guzmán Salazar, carry rewards of $5 million each.",
    "Iván Archivaldo and Jesús Alfredo Guzmán Salazar, two of El Chapo's sons, were sanctioned in June under "
    "counterterrorism authorities; each has a $5 million U.S. reward.",
])
def test_each_shares_an_amount_among_the_people_named_before_it(text: str) -> None:
    """ "A and B carry rewards of $5 million each", "A and B were sanctioned in June; each has a $5 million reward":
    one claim for each of them, and June (in the clause before the semicolon) dates the sanctions, not the reward."""
    result = check(Article(text=text, published_at=dt.date(2025, 8, 20)), load_table(MXREWARDS))
    assert sorted((c["subject"]["name"], c["value"]["date"]) for c in result["claims"] if c["type"] == "reward") == [
        ("Iván Archivaldo Guzmán Salazar", None), ("Jesús Alfredo Guzmán Salazar", None)]


def test_for_each_of_them_shares_an_amount_among_those_named_in_the_sentence_before() -> None:
    """ "A and B ran the cartel. The State Department offers up to $15 million for each of them.": a claim for each;
    without "each of them" the amount stays with the one named last."""
    told = ("Rafael Caro Quintero and Ismael Zambada García ran the cartel. "
            "The State Department offers up to $15 million")
    table = load_table(MXREWARDS)
    each = check(Article(text=told + " for each of them.", published_at=dt.date(2025, 8, 20)), table)
    one = check(Article(text=told + ".", published_at=dt.date(2025, 8, 20)), table)
    assert sorted(c["subject"]["name"] for c in each["claims"] if c["type"] == "reward") == [
        'Ismael Zambada García ("El Mayo")', "Rafael Caro Quintero"]
    assert [c["subject"]["name"] for c in one["claims"] if c["type"] == "reward"] == [
        'Ismael Zambada García ("El Mayo")']


def test_a_trigger_told_object_first_dates_its_event() -> None:
    """ "signed an executive order" also reads "the executive order President Donald Trump signed on Jan. 20" (a few
    words between object and verb); not across a longer stretch, nor for a trigger with no determiner or a place."""
    from workers.pipeline.reference import _object_first

    assert _object_first("signed an executive order") == "executive order ... signed"
    assert [_object_first(t) for t in ("approved kisunla", "signed in cartagena", "signed ... peace")] == [None] * 3
    near = "The designations followed an executive order President Donald Trump signed on Jan. 20."
    far = ("The executive order was debated by lawmakers for weeks, and critics said nothing the president signed on "
           "Jan. 21 would survive.")
    assert [(c["type"], c["text"], c["verdict"]["label"]) for c in check(Article(text=near, published_at=PUB),
                                                                          load_table())["claims"]] == [
        ("event_date", "on Jan. 20", "supported")]
    assert check(Article(text=far, published_at=PUB), load_table())["claims"] == []


def test_an_aside_after_one_of_several_people_a_reward_is_for_each() -> None:
    """ "$5 million each for A, known as "El Gordo," the head of the Los Viagras, and for B": B too."""
    text = ("The State Department's Narcotics Rewards Program is offering up to $5 million each for Nicolás Sierra "
            "Santana, known as \"El Gordo,\" the head of the Los Viagras, and for Alfonso Fernández Magallón, alias "
            "\"Poncho.\"")
    result = check(Article(text=text, published_at=dt.date(2025, 8, 15)), load_table(MXREWARDS))
    assert [c["subject"]["name"] for c in result["claims"] if c["type"] == "reward"] == [
        'Nicolás Sierra Santana ("El Gordo")', 'Alfonso Fernández Magallón ("Poncho")']


@pytest.mark.parametrize(("told", "found"), [
    ("The State Department designated it a foreign terrorist organization in February.", [("it", "tren-de-aragua")]),
    ("It has been a foreign terrorist organization since February.", [("It", "tren-de-aragua")]),
    ("No court has tried to designate it a foreign terrorist organization.", []),
    ("It was the State Department that designated the Sinaloa Cartel a foreign terrorist organization.",
     [("Sinaloa Cartel", "cartel-de-sinaloa")]),
    ("The gang kept the foreign terrorist organization label it has had since February.", []),
])
def test_a_pronoun_stands_for_what_a_designation_is_about(told: str, found: list[tuple[str, str]]) -> None:
    """ "X began in a prison. The State Department designated it an FTO" (or "It has been an FTO"): the pronoun is X;
    not when negated, nor in a cleft that names its own subject, nor as a relative clause's subject."""
    result = check(Article(text="Tren de Aragua began in a Venezuelan prison. " + told, published_at=PUB), load_table())
    assert [(c["text"], c["subject"]["id"]) for c in result["claims"] if c["type"] == "designation"] == found


@pytest.mark.parametrize(("told", "found"), [
    ("The State Department designated the gang a foreign terrorist organization in February.",
     [("the gang", "tren-de-aragua")]),
    ("Its leaders fled. The group itself has been a foreign terrorist organization since February.",
     [("The group itself", "tren-de-aragua")]),  # named two sentences before
    ("Nobody expected much, although the gang remains a foreign terrorist organization.",
     [("the gang", "tren-de-aragua")]),
    ("The State Department designated the cartel a foreign terrorist organization in February.", []),  # not a gang
    ("The State Department designated the group's leader a terrorist in February.", []),
    ("The gang is proof that designation alone is not a strategy.", []),
    ("The State Department designated the Gang of Four a foreign terrorist organization in February.", []),  # a name
])
def test_a_group_noun_after_the_stands_for_the_group_named_before(told: str, found: list[tuple[str, str]]) -> None:
    """ "the gang", "the group itself": a group noun of the table after "the" stands for the group named before, as
    "it" does, when it fits the group's categories; not a possessor, nor a subject whose cue is another clause's."""
    result = check(Article(text="Tren de Aragua began in a Venezuelan prison. " + told, published_at=PUB), load_table())
    assert [(c["text"], c["subject"]["id"]) for c in result["claims"] if c["type"] == "designation"] == found


def test_a_designation_pronoun_may_stand_for_a_name_a_pronoun_stood_for() -> None:
    """ "- Treasury designated it ... - Britain proscribed it": a later "it" is the group an earlier one was, though
    the name is further back than a pronoun reaches."""
    text = ("Tren de Aragua began in a Venezuelan prison.\n\n- The State Department designated it a foreign terrorist "
            "organization in February.\n- The Treasury designated it a global terrorist in July.\n- The State "
            "Department designated it a terrorist organization again in August.")
    result = check(Article(text=text, published_at=PUB), load_table())
    assert [(c["text"], c["subject"]["id"]) for c in result["claims"] if c["type"] == "designation"] == [
        ("it", "tren-de-aragua")] * 3


DATA = Path(__file__).resolve().parent / "data"


def test_a_gapped_cue_holds_a_cue_that_names_its_list() -> None:
    """ "added it to its Taliban sanctions list": "sanctions" modifies the list the gapped cue closes on, so the
    whole phrase is the cue and "it" its object (a phrase of the cue's kind before "for" still ends it early)."""
    text = ("The State Department designated the Haqqani network a foreign terrorist organization in September 2012. "
            "The U.N. Security Council added it to its Taliban sanctions list in November 2012.")
    result = check(Article(text=text, published_at=dt.date(2025, 7, 10)), load_table(DATA / "taliban" / "reference"))
    assert [(c["text"], c["subject"]["id"]) for c in result["claims"] if c["type"] == "designation"] == [
        ("the Haqqani network", "haqqani-network"), ("it", "haqqani-network")]


def test_a_gapped_cue_s_words_link_a_person_to_it() -> None:
    """ "X was placed on the Treasury's list": the gapped cue's own verb may stand between a person and the cue, as
    a one-word cue's may."""
    text = "Vixay Keosavang was placed on the Treasury's list in 2013."
    result = check(Article(text=text, published_at=dt.date(2025, 7, 10)), load_table(DATA / "wildlife" / "reference"))
    assert [(c["text"], c["verdict"]["label"]) for c in result["claims"] if c["type"] == "designation"] == [
        ("Vixay Keosavang", "unverifiable")]


def test_an_event_told_in_other_words_than_its_triggers_is_dated() -> None:
    """The trigger "killed zawahiri" finds a timeline's "A US drone strike kills al-Qaeda leader Ayman al-Zawahiri";
    a sentence that names him without the event is no claim."""
    told = "- July 31, 2022: A US drone strike kills al-Qaeda leader Ayman al-Zawahiri at a house in central Kabul."
    named = "Ayman al-Zawahiri spoke from a house in central Kabul in June 2022."
    table = DATA / "taliban" / "reference"
    assert _verdicts(told, table, dt.date(2025, 7, 10)) == [("event_date", "July 31, 2022", "July 31, 2022",
                                                               "supported")]
    assert _verdicts(named, table, dt.date(2025, 7, 10)) == []


def test_an_event_takes_the_date_nearest_any_of_its_triggers() -> None:
    """ "Jan. 17: After ELN fighters attack ... in Catatumbo, ..., Petro suspends the talks": the date opens the
    sentence whose verb is the second trigger's, though "after" keeps it from the first."""
    text = ("2025\n\n- Jan. 17: After ELN fighters attack dissidents and civilians in Catatumbo, killing more than 80 "
            "people, Petro suspends the talks with the ELN.")
    assert _verdicts(text, DATA / "colombia" / "reference", dt.date(2025, 10, 1)) == [
        ("event_date", "Jan. 17", "Jan. 17", "supported")]


def test_a_name_and_its_place_twice_are_both_designated() -> None:
    """ "Bears Ears in Utah and Gold Butte in Nevada": Gold Butte is the second name, not a place after "in"."""
    text = "On Dec. 28, 2016, Obama designated Bears Ears in Utah and Gold Butte in Nevada."
    assert [c[1] for c in _verdicts(text, DATA / "monuments" / "reference", dt.date(2024, 12, 20))] == [
        "Bears Ears", "Gold Butte"]


def test_an_authority_addressed_is_not_the_one_that_designates() -> None:
    """ "its report to Congress": Congress is told, the department designates (a count checked against its list)."""
    text = ('In its semiannual report to Congress, the department said nine economies now sit on its "monitoring '
            'list".')
    assert _verdicts(text, DATA / "currency" / "reference", dt.date(2025, 6, 6)) == [
        ("designation_count", "nine economies", None, "supported")]


def test_removals_in_the_present_passive_around_an_adverb_and_with_a_particle() -> None:
    """ "India and Switzerland are dropped", "was in fact dropped", "took Japan off the list"; not "Sales never
    took off after Treasury added Italy", where the removal is another clause's."""
    table = load_table(DATA / "currency" / "reference")
    text = ("2019\n\n- May 28: Treasury puts nine economies on its monitoring list. India and Switzerland are dropped. "
            "Treasury added Germany to the list in 2016. Italy was in fact dropped in 2022. Treasury took Japan off "
            "the list in June 2023. Sales never took off after Treasury added Thailand to the list.")
    result = check(Article(text=text, published_at=dt.date(2024, 11, 20)), table)
    assert [(c["text"], c["value"]["removed"]) for c in result["claims"] if c["type"] == "designation"] == [
        ("India", True), ("Switzerland", True), ("Germany", False), ("Italy", True), ("Japan", True),
        ("Thailand", False)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Instead we have bounties. The $10 million Washington offers for Defense Minister Vladimir Padrino López has "
     "produced nothing.", [("padrino-lopez", "$10 million", "refuted")]),  # the amount before who offers it
    ("Padrino López laughed. The $15 million that the State Department still offers for him is large.",
     [("padrino-lopez", "$15 million", "supported")]),
])
def test_an_amount_named_before_the_offer_verb_is_a_reward(text: str, expected: list) -> None:
    """ "The $10 million Washington offers for X": an offer told amount first, with no reward word in the sentence."""
    result = check(Article(text=text, published_at=dt.date(2025, 6, 1)), load_table(DATA / "venezuela" / "reference"))
    assert [(c["subject"]["id"], c["text"], c["verdict"]["label"])
            for c in result["claims"] if c["type"] == "reward"] == expected


def test_a_reward_for_him_is_the_person_s_and_an_authority_across_a_semicolon_is_not_its_maker() -> None:
    """ "X, the leader of Evil Corp, has been on the Treasury's list since 2019; the reward for him is $5 million": X's
    reward (not the group's), and the Treasury of the other clause did not offer it."""
    text = ("Maksim Yakubets, the leader of Evil Corp, has been on the Treasury's sanctions list since 2019; the "
            "reward for him is $5 million.")
    result = check(Article(text=text, published_at=dt.date(2025, 9, 1)), load_table(DATA / "russia25" / "reference"))
    assert [(c["subject"]["id"], c["value"]["authority"], c["verdict"]["label"])
            for c in result["claims"] if c["type"] == "reward"] == [("yakubets", None, "supported")]


def test_an_event_dated_twice_in_other_words_is_two_claims() -> None:
    """ "on Friday" in the story and "Aug. 23" in its timeline: the same event and day, told twice, checked twice."""
    text = ("A man stabbed three people to death at a festival in the German city of Solingen on Friday night.\n\n"
            "2024\n\n- Aug. 23: Three people are killed in a knife attack at Solingen's \"festival of diversity.\"")
    result = check(Article(text=text, published_at=dt.date(2024, 8, 26)), load_table(DATA / "isisk" / "reference"))
    assert [(c["value"]["date"]["text"], c["verdict"]["label"]) for c in result["claims"]
            if c["type"] == "event_date"] == [("on Friday", "supported"), ("Aug. 23", "supported")]


def test_a_timeline_tells_a_plural_subject_s_event_in_the_bare_present() -> None:
    """ "- Dec. 20: The Taliban bar women from universities" for the trigger "barred women from universities"."""
    text = "2022\n\n- Dec. 20: The Taliban bar women from universities, drawing condemnation."
    result = check(Article(text=text, published_at=dt.date(2025, 1, 10)), load_table(DATA / "taliban" / "reference"))
    assert [(c["subject"]["id"], c["text"], c["verdict"]["label"]) for c in result["claims"]
            if c["type"] == "event_date"] == [("women-university-ban", "Dec. 20", "supported")]


@pytest.mark.parametrize(("table", "published", "text", "expected"), [
    ("fatf", "2025-06-18", "Barbados and Jamaica were removed last year, after years on the list.",
     [("barbados", True, "supported"), ("jamaica", True, "supported")]),  # a cue after the removal
    ("fatf", "2025-06-18", "- Feb. 23, 2024: The United Arab Emirates, grey-listed two years earlier, comes off after "
     "investing heavily.", [("uae", True, "supported")]),  # the verb after an aside that holds the cue
    ("taxlists", "2022-06-18", "The Seychelles, which was listed in February 2020, was removed from the list in "
     "October 2021.", [("seychelles", False, "supported")]),  # a relative clause's cue: the listing it tells
])
def test_a_removal_told_before_a_later_cue_or_after_an_aside_with_one(table: str, published: str, text: str,
                                                                       expected: list) -> None:
    """ "X and Y were removed last year, after years on the list", "X, grey-listed two years earlier, comes off":
    removals, though the sentence's cue is told after the name."""
    result = check(Article(text=text, published_at=dt.date.fromisoformat(published)),
                   load_table(DATA / table / "reference"))
    assert [(c["subject"]["id"], c["value"]["removed"], c["verdict"]["label"])
            for c in result["claims"] if c["type"] == "designation"] == expected


def test_a_three_word_name_s_first_word_names_the_person_again_unless_another_name_follows() -> None:
    """ "Tran Minh Duc" ... "for Tran": the same person (a family name told first); "Park Sung-min", after "Park Jin
    Hyok", is someone else named in full."""
    text = ("Treasury designated the Hai Long network and its leader, Tran Minh Duc, on Nov. 16, 2023. The State "
            "Department offers up to $1 million for Tran.")
    result = check(Article(text=text, published_at=dt.date(2024, 12, 15)), load_table(DATA / "wildlife" / "reference"))
    assert [(c["subject"]["id"], c["verdict"]["label"]) for c in result["claims"] if c["type"] == "reward"] == [
        ("tran-minh-duc", "supported")]
    text = ("The Treasury sanctioned Park Jin Hyok in September 2018. \"Sanctions alone cannot stop this,\" said Park "
            "Sung-min, a researcher, of the designation.")
    result = check(Article(text=text, published_at=dt.date(2025, 1, 15)), load_table(DATA / "dprk" / "reference"))
    assert [c["text"] for c in result["claims"] if c["type"] == "designation"] == ["Park Jin Hyok"]


@pytest.mark.parametrize(("text", "expected"), [
    ("In April the State Department put a price of up to $5 million on Johnny Hurtado Olascoaga, the leader of La "
     "Nueva Familia Michoacana, and up to $3 million on his brother José Alfredo, \"El Fresa.\"",
     [("johnny-hurtado", "$5 million"), ("jose-alfredo-hurtado", "$3 million")]),  # "a price of ... on"
    ("The largest offer, up to $10 million, is for Juan José Farías Álvarez, a former lime grower.",
     [("farias-alvarez", "$10 million")]),  # the offer noun, its amount in an aside, "is for"
    ("The offer for Juan José Farías Álvarez himself is up to $10 million.",
     [("farias-alvarez", "$10 million")]),  # "the offer for X is"
    ("Farías Álvarez was indicted in Washington. The offer for him is up to $10 million.",
     [("farias-alvarez", "$10 million")]),  # ... for a pronoun
    ("Analysts say the offer for Farías Álvarez's lime business was $2 million.", []),  # not the offer's subject
])
def test_an_offer_told_as_a_noun_or_as_a_price_on_someone(text: str, expected: list) -> None:
    """ "put a price of $5 million on X", "The largest offer, up to $10 million, is for X", "The offer for X is $10
    million": rewards whose words are no reward cue of the table."""
    result = check(Article(text=text, published_at=dt.date(2025, 9, 1)), load_table(DATA / "mxrewards" / "reference"))
    assert [(c["subject"]["id"], c["text"]) for c in result["claims"] if c["type"] == "reward"] == expected


def test_since_as_an_adverb_or_before_a_colon_opens_no_other_event_s_phrase() -> None:
    """ "Both have since come off: the Caymans were removed in October 2023, and Gibraltar in February 2024": each
    removal takes its own date; "have since come off" names no other event that "in October 2023" would date."""
    text = ("The Cayman Islands and Gibraltar were grey-listed. Both have since come off: the Caymans were removed in "
            "October 2023, and Gibraltar in February 2024.")
    result = check(Article(text=text, published_at=dt.date(2024, 6, 20)), load_table(DATA / "fatf" / "reference"))
    assert [(c["text"], c["value"]["date"]["text"], c["verdict"]["label"]) for c in result["claims"]
            if c["type"] == "designation" and c["value"]["removed"]] == [
        ("the Caymans", "in October 2023", "supported"), ("Gibraltar", "in February 2024", "supported")]


def test_a_date_in_an_apposition_after_the_name_does_not_date_the_designation() -> None:
    """ "In May, it designated X, the group blamed for the ambush ... on Oct. 4 last year": May's designation; the
    apposition's date is the ambush's (but "X, the gang listed in May" is the listing's own, kept by other tests)."""
    text = ("In May, the State Department designated the Islamic State in the Greater Sahara, the group blamed for the "
            "ambush near Tongo Tongo in Niger on Oct. 4 last year that killed four American soldiers.")
    result = check(Article(text=text, published_at=dt.date(2018, 12, 1)), load_table(DATA / "sahel" / "reference"))
    assert [(c["value"]["date"]["text"], c["verdict"]["label"]) for c in result["claims"]
            if c["type"] == "designation"] == [("In May", "supported")]


def test_a_timeline_whose_lines_open_on_a_date_and_a_dash_is_no_dateline() -> None:
    """ "Feb. 26, 2023 - Settlers rampage through Huwara." on two or more lines: each line's date is its event's; one
    such line alone is a dateline ("July 8 (Reuters) - ", "Feb. 26, 2023 - "), when the story was filed."""
    table = load_table(DATA / "settlers" / "reference")
    text = ("Key moments\n\nFeb. 26, 2023 - Hundreds of settlers rampage through Huwara.\n\nJan. 20, 2025 - On his "
            "first day back in office, President Donald Trump revokes Biden's order.")
    result = check(Article(text=text, published_at=dt.date(2025, 8, 5)), table)
    assert [(c["text"], c["verdict"]["label"]) for c in result["claims"] if c["type"] == "event_date"] == [
        ("Feb. 26, 2023", "supported"), ("Jan. 20, 2025", "supported")]
    text = "Feb. 26, 2023 - Hundreds of settlers rampage through Huwara."
    result = check(Article(text=text, published_at=dt.date(2023, 2, 26)), table)
    assert [c for c in result["claims"] if c["type"] == "event_date"] == []


def test_individuals_count_people_in_any_table_that_designates_people() -> None:
    """ "eleven Israeli individuals and ten Israeli entities": a count of people, though the table's own nouns say
    nothing of individuals (only of settlers, ministers, groups and entities)."""
    text = "Washington has sanctioned eleven Israeli individuals and ten Israeli entities."
    result = check(Article(text=text, published_at=dt.date(2024, 7, 20)), load_table(DATA / "settlers" / "reference"))
    assert [(c["text"], c["value"]["people"], c["verdict"]["label"]) for c in result["claims"]
            if c["type"] == "designation_count"] == [("eleven Israeli individuals", True, "supported"),
                                                     ("ten Israeli entities", False, "supported")]


def test_an_irregular_plural_heads_a_count() -> None:
    """ "two women": the plural of the table's "woman", not "womans"."""
    text = "Since 2021 the Norwegian Nobel Committee has given the peace prize to two women."
    result = check(Article(text=text, published_at=dt.date(2024, 12, 9)), load_table(DATA / "prizes" / "reference"))
    assert [(c["text"], c["verdict"]["label"]) for c in result["claims"] if c["type"] == "designation_count"] == [
        ("two women", "supported")]


PKK = DATA / "pkk" / "reference"


@pytest.mark.parametrize(("text", "expected"), [
    ("In October 2009 OFAC designated three of its leaders as kingpins.", [("three of its leaders", "supported")]),
    ("In October 2009 OFAC designated four of their leaders as kingpins.", [("four of their leaders", "refuted")]),
    ("Karayılan is one of the leaders OFAC designated in 2009.", []),  # one of them: no count
])
def test_a_partitive_count_counts_the_part(text: str, expected: list) -> None:
    """ "three of its leaders": a count of leaders, as "three leaders" is; not "one of the leaders"."""
    result = check(Article(text=text, published_at=dt.date(2025, 6, 1)), load_table(PKK))
    assert [(c["text"], c["verdict"]["label"]) for c in result["claims"] if c["type"] == "designation_count"] == (
        expected)


def test_a_count_before_a_colon_is_not_dated_by_the_items_after_it() -> None:
    """ "has since designated eight of its leaders: A, B and C in 2009, and five more in 2011": the dates are the
    items', the eight are all of them."""
    text = ("The Treasury Department's Office of Foreign Assets Control has since designated eight of its leaders: "
            "Murat Karayılan, Ali Rıza Altun and Zübeyir Aydar in 2009, and five more in 2011.")
    assert [c for c in _verdicts(text, PKK, dt.date(2025, 6, 1)) if c[0] == "designation_count"] == [
        ("designation_count", "eight of its leaders", None, "supported"),
        ("designation_count", "five more", "in 2011", "supported")]


def test_a_count_by_an_authority_the_table_records_no_designation_of_cannot_be_checked() -> None:
    """ "Japan also froze the assets of four settlers": the table knows Japan but none of its designations, so the
    count is unverifiable, not refuted by the zero the table holds."""
    text = "Japan also froze the assets of four settlers in July, though it has not published their names."
    assert _verdicts(text, DATA / "settlers" / "reference", dt.date(2025, 10, 1)) == [
        ("designation_count", "four settlers", "in July", "unverifiable")]


def test_a_list_of_offers_without_a_serial_comma_is_read_to_its_end() -> None:
    """ "up to $5 million for A, $4 million for B and $3 million for C": the last offer, after "and" with no comma,
    is one of the list."""
    text = ("The State Department's Rewards for Justice program still advertises up to $5 million for Karayılan, "
            "$4 million for Bayık and $3 million for Kalkan.")
    result = check(Article(text=text, published_at=dt.date(2025, 6, 1)), load_table(PKK))
    assert [(c["text"], c["subject"]["id"]) for c in result["claims"] if c["type"] == "reward"] == [
        ("$5 million", "murat-karayilan"), ("$4 million", "cemil-bayik"), ("$3 million", "duran-kalkan")]


def test_a_passive_trigger_is_also_found_without_its_auxiliary() -> None:
    """The table's "congress was held" also finds a reduced relative's "a congress held last week" (and a headline's
    "Congress held in Iraq")."""
    text = "The decision was taken at a congress held last week in the mountains of northern Iraq."
    assert _verdicts(text, PKK, dt.date(2025, 5, 12)) == [("event_date", "last week", "last week", "supported")]


def test_tonight_dates_a_state_as_of_publication_as_today_does() -> None:
    """ "the restaurants that hold three stars going into tonight: - A - B": what they hold that day, not an award
    made that night."""
    text = ("18:24 These are the restaurants that hold three stars going into tonight:\n"
            "- Alain Ducasse at The Dorchester, London\n- The Fat Duck, Bray")
    result = check(Article(text=text, published_at=dt.date(2025, 2, 10)), load_table(DATA / "michelin" / "reference"))
    assert [(c["text"], c["verdict"]["label"]) for c in result["claims"]] == [
        ("Alain Ducasse at The Dorchester", "supported"), ("The Fat Duck", "supported")]


RUSSIA_LISTS = DATA / "russialists" / "reference"


@pytest.mark.parametrize(("text", "expected"), [
    ("In 2022 the Justice Ministry added five people and organizations to its register of foreign agents.",
     [("five people and organizations", "supported")]),  # a broadcaster and four people
    ("In 2022 the Justice Ministry added four people and organizations to its register of foreign agents.",
     [("four people and organizations", "refuted")]),
    ("In 2022 the Justice Ministry added four people to its register of foreign agents.",
     [("four people", "supported")]),
    ("The Justice Ministry's register of foreign agents now holds more than 500 people.",
     [("500 people", "unverifiable")]),
])
def test_a_count_of_people_and_organizations_counts_both(text: str, expected: list) -> None:
    """ "five people and organizations" counts people and bodies together; a table's own "people" counts people,
    also after a verb of holding ("the register now holds more than 500 people")."""
    result = check(Article(text=text, published_at=dt.date(2025, 6, 1)), load_table(RUSSIA_LISTS))
    assert [(c["text"], c["verdict"]["label"]) for c in result["claims"] if c["type"] == "designation_count"] == (
        expected)


@pytest.mark.parametrize("text", [
    "Chérizier was sanctioned by the Treasury in 2020 over a massacre in which at least 71 people were killed.",
    "Gran Grif, whose leader the Treasury sanctioned last September, went on to massacre at least 115 people.",
])
def test_the_victims_of_a_massacre_are_no_count_of_designations(text: str) -> None:
    """People killed in a sentence that tells a designation are its victims, not a number designated."""
    result = check(Article(text=text, published_at=dt.date(2025, 6, 1)), load_table(DATA / "haitigangs" / "reference"))
    assert [c["text"] for c in result["claims"] if c["type"] == "designation_count"] == []


def test_a_speaker_who_cannot_make_the_designation_is_not_its_maker() -> None:
    """ "Memorial, the prosecutors said, had failed to mark ... the "foreign agent" label it had carried": the
    prosecutors speak; the label is the Justice Ministry's to give, so the claim names no maker."""
    text = ('The official pretext was paperwork: Memorial, the prosecutors said, had failed to mark some of its '
            'publications with the "foreign agent" label it had carried since 2016.')
    result = check(Article(text=text, published_at=dt.date(2025, 12, 29)), load_table(RUSSIA_LISTS))
    assert [(c["text"], c["value"]["authority"], c["verdict"]["label"]) for c in result["claims"]] == [
        ("Memorial", None, "supported")]


@pytest.mark.parametrize(("text", "expected"), [
    ("FBK, a foreign agent since 2019, was outlawed as an extremist organization by the Moscow City Court in June "
     "2021.", [("FBK", "in June 2021", "supported")]),
    ("Rosfinmonitoring put Navalny on its list of terrorists and extremists in January 2022. The chess champion Garry "
     "Kasparov, a foreign agent since 2022, joined that list in March 2024.",
     [("Navalny", "in January 2022", "supported"), ("Garry Kasparov", "in March 2024", "supported")]),
])
def test_an_aside_between_a_name_and_its_cue_keeps_its_date_and_kind(text: str, expected: list) -> None:
    """ "FBK, a foreign agent since 2019, was outlawed as extremist in June 2021": the designation the cue tells is
    of June 2021; the aside's date and kind are another designation's."""
    assert _verdicts(text, RUSSIA_LISTS, dt.date(2025, 6, 13)) == [("designation", *e) for e in expected]


def test_a_kind_after_an_apposition_describes_the_name_before_it() -> None:
    """ "Garry Kasparov, the former world chess champion, has been a foreign agent since May 2022": the apposition
    does not part the name from what it has been."""
    text = "Garry Kasparov, the former world chess champion, has been a foreign agent since May 2022."
    assert _verdicts(text, RUSSIA_LISTS, dt.date(2024, 4, 10)) == [
        ("designation", "Garry Kasparov", "since May 2022", "supported")]


def test_a_list_items_amount_is_for_the_one_the_item_opens_on() -> None:
    """ "- X, the alleged leader of Y: up to $7 million": the reward is for X, not for Y named last; an item that
    opens on no name the table knows is for the words it opens on."""
    text = ("A refresher on the bounties Washington is offering for Russian nationals accused of cybercrime:\n\n"
            "- Maksim Yakubets, the alleged leader of Evil Corp: up to $5 million, announced in December 2019.\n"
            "- The leaders of the Conti ransomware gang: up to $10 million for information identifying or locating "
            "them, offered in May 2022.")
    result = check(Article(text=text, published_at=dt.date(2024, 10, 25)), load_table(RUSSIA_LISTS))
    assert [(c["text"], c["subject"]["name"], c["verdict"]["label"]) for c in result["claims"]] == [
        ("$5 million", "Maksim Viktorovich Yakubets", "supported"),
        ("$10 million", "The leaders of the Conti ransomware gang", "unverifiable")]


def test_a_timeline_items_designation_keeps_its_date_over_a_law_signed_before_it() -> None:
    """ "- Dec. 5: The Justice Ministry designates the U.S.-funded broadcasters X and Y ..., under a law Putin signed
    on Nov. 25": the law's date is the law's; "U.S.-funded" describes, it does not designate."""
    text = ('2017\n\n- Dec. 5: The Justice Ministry designates the U.S.-funded broadcasters Voice of America and '
            'Radio Free Europe/Radio Liberty as "foreign agent" media, the first outlets to receive the label, under '
            'a law Putin signed on Nov. 25.')
    result = check(Article(text=text, published_at=dt.date(2024, 7, 12)), load_table(RUSSIA_LISTS))
    assert [(c["text"], c["value"]["date"]["text"], c["value"]["authority"]["id"], c["verdict"]["label"])
            for c in result["claims"] if c["type"] == "designation"] == [
        ("Voice of America", "Dec. 5", "ru-justice", "supported"),
        ("Radio Free Europe/Radio Liberty", "Dec. 5", "ru-justice", "supported")]


def test_names_after_a_clause_in_the_present_perfect_are_not_dated_by_the_first_clause() -> None:
    """ "In July prosecutors declared X undesirable, the same label they have pinned on Y and Z": Y and Z carry the
    label now; July is X's date."""
    text = ('In July prosecutors declared The Moscow Times an "undesirable" organization, the same label they have '
            'pinned on Bellingcat and The Insider.')
    assert _verdicts(text, RUSSIA_LISTS, dt.date(2024, 10, 25)) == [
        ("designation", "The Moscow Times", "In July", "supported"), ("designation", "Bellingcat", None, "supported"),
        ("designation", "The Insider", None, "supported")]


@pytest.mark.parametrize("text", [
    "Oct. 15: The Justice Ministry declares Bellingcat a foreign agent, hours after Novaya Gazeta editor Dmitry "
    "Muratov is awarded the Nobel Peace Prize.",
    "Dmitry Muratov, the Nobel laureate editor of Novaya Gazeta, was added to the register of foreign agents in 2023.",
    "Feb. 20: Radio Free Europe/Radio Liberty is declared undesirable, four days after Alexei Navalny's death.",
])
def test_a_name_that_only_employs_someone_or_suffers_an_event_is_not_designated(text: str) -> None:
    """ "Novaya Gazeta editor Dmitry Muratov", "the editor of Novaya Gazeta", "Alexei Navalny's death": the paper
    employs, the man died; neither is said to be listed."""
    result = check(Article(text=text, published_at=dt.date(2024, 7, 12)), load_table(RUSSIA_LISTS))
    named = [c["subject"]["id"] for c in result["claims"] if c["type"] == "designation"]
    assert "novaya-gazeta" not in named and "navalny" not in named and named, named


@pytest.mark.parametrize("text", [
    "The State Department offered up to $5 million for information on Murat Karayılan and up to $4 million and "
    "$3 million respectively for the veteran leaders Cemil Bayık and Duran Kalkan.",
    "Rewards for Justice offers $4 million and $3 million, respectively, for Cemil Bayık and Duran Kalkan.",
])
def test_amounts_given_respectively_go_to_the_names_in_order(text: str) -> None:
    """ "$4 million and $3 million respectively for A and B": $4 million for A, $3 million for B."""
    result = check(Article(text=text, published_at=dt.date(2025, 6, 1)), load_table(PKK))
    found = {(c["text"], c["subject"]["id"], c["verdict"]["label"]) for c in result["claims"] if c["type"] == "reward"}
    assert {("$4 million", "cemil-bayik", "supported"), ("$3 million", "duran-kalkan", "supported")} <= found, found
    assert len([c for c in result["claims"] if c["text"] == "$3 million"]) == 1


TRAVELBAN = DATA / "travelban" / "reference"
FATF = DATA / "fatf" / "reference"
PHEIC = DATA / "pheic" / "reference"


def _counted(text: str, table: Path, published: dt.date) -> list[tuple[str, str]]:
    result = check(Article(text=text, published_at=published), load_table(table))
    return [(c["text"], c["verdict"]["label"]) for c in result["claims"] if c["type"] == "designation_count"]


@pytest.mark.parametrize("text, table, published, expected", [
    ("The Treasury designated eight of its leaders: Murat Karayılan, Ali Rıza Altun and Zübeyir Aydar in 2009, and "
     "five more in 2011.", PKK, dt.date(2025, 6, 1),
     [("eight of its leaders", "supported"), ("five more", "supported")]),
    ("The Treasury designated eight of its leaders: Murat Karayılan, Ali Rıza Altun and Zübeyir Aydar in 2009, and "
     "six more in 2011.", PKK, dt.date(2025, 6, 1), [("eight of its leaders", "supported"), ("six more", "refuted")]),
    ("Nineteen countries face a full suspension of entry, and 20 face partial restrictions.", TRAVELBAN,
     dt.date(2026, 1, 5), [("Nineteen countries", "supported"), ("20", "supported")]),
    ("Nineteen countries face a full suspension of entry, and 21 face partial restrictions.", TRAVELBAN,
     dt.date(2026, 1, 5), [("Nineteen countries", "supported"), ("21", "refuted")]),
    ("June 4: Trump signs Proclamation 10949, fully restricting 12 countries and partially restricting seven.",
     TRAVELBAN, dt.date(2025, 6, 10), [("12 countries", "supported"), ("seven", "supported")]),
    ("The FATF has put Monaco on its grey list. Which is how many? Twenty-one jurisdictions. Twenty-one under "
     "increased monitoring, and three on the black list.", FATF, dt.date(2024, 7, 4),
     [("Twenty-one", "supported"), ("three", "supported")]),
    ("The FATF has put Monaco on its grey list. Which is how many? Twenty-one jurisdictions. Twenty-one under "
     "increased monitoring, and four on the black list.", FATF, dt.date(2024, 7, 4),
     [("Twenty-one", "supported"), ("four", "refuted")]),
])
def test_a_number_that_leaves_out_its_noun_counts_what_the_count_before_it_counts(
        text: str, table: Path, published: dt.date, expected: list) -> None:
    """ "... and five more in 2011", "and 20 face partial restrictions", "and partially restricting seven": the noun
    of the count just before, with the kind said with the number ("partial restrictions", "partially restricting",
    "on the black list") where there is one."""
    assert _counted(text, table, published) == expected


@pytest.mark.parametrize("text, expected", [
    ("The FATF grey list now holds twenty-one jurisdictions.", [("twenty-one jurisdictions", "supported")]),
    ("The FATF grey list now holds twenty one jurisdictions.", [("twenty one jurisdictions", "supported")]),
    ("The FATF grey list now holds twenty-two jurisdictions.", [("twenty-two jurisdictions", "outdated")]),
])
def test_a_number_of_tens_and_units_in_words_is_one_number(text: str, expected: list) -> None:
    """ "twenty-one jurisdictions" counts 21, not one."""
    assert _counted(text, FATF, dt.date(2024, 7, 4)) == expected


PHEICS = ("The WHO Director-General has declared {all} public health emergencies of international concern (PHEICs), "
          "most recently for mpox in August 2024. {chan} were declared by Dr Margaret Chan: the H1N1 influenza "
          "pandemic in April 2009, polio and the West African Ebola epidemic in 2014, and Zika in February 2016. "
          "Dr Tedros Adhanom Ghebreyesus has declared the other {tedros}.")


@pytest.mark.parametrize("numbers, labels", [
    (("eight", "Four", "four"), ["supported", "supported", "supported"]),
    (("nine", "Five", "three"), ["refuted", "refuted", "refuted"]),
])
def test_counts_of_what_was_declared_by_now_count_those_since_ended(numbers: tuple, labels: list) -> None:
    """ "has declared eight emergencies", "Four were declared by Dr Chan", "has declared the other four": all made
    by then, ended or not; the date after "most recently" is the last one's, not the count's; the plural of "public
    health emergency of international concern" is "public health emergencies of international concern"."""
    text = PHEICS.format(all=numbers[0], chan=numbers[1], tedros=numbers[2])
    counted = _counted(text, PHEIC, dt.date(2025, 6, 2))
    assert [t.split()[0] for t, _ in counted] == list(numbers)
    assert [label for _, label in counted] == labels


def test_a_count_in_the_present_perfect_is_not_one_act_of_that_many() -> None:
    """ "The Treasury has sanctioned three North Korean hacking groups" when a fourth came later: one act of three
    does not make the count now."""
    assert _counted("The Treasury has sanctioned three North Korean hacking groups.", DATA / "dprk" / "reference",
                    dt.date(2024, 12, 13)) == [("three North Korean hacking groups", "outdated")]


@pytest.mark.parametrize("second, maduro", [
    ('Maduro, speaking on state television, called the sanctions "criminal" and said PDVSA would fight them.', False),
    ('Maduro has called the sanctions "criminal".', False),
    ('Maduro, who was sanctioned in 2017, called the sanctions "criminal".', True),
])
def test_one_who_speaks_of_a_designation_is_not_designated_by_it(second: str, maduro: bool) -> None:
    """ "Maduro, speaking on state television, called the sanctions criminal": the speaker, not one designated;
    unless the aside before the verb designates him."""
    text = "The Treasury sanctioned PDVSA on Monday. " + second
    result = check(Article(text=text, published_at=dt.date(2019, 1, 29)), load_table(DATA / "venezuela" / "reference"))
    named = [c["subject"]["id"] for c in result["claims"] if c["type"] == "designation"]
    assert "pdvsa" in named and any("maduro" in n for n in named) == maduro, named


@pytest.mark.parametrize("text", [
    "Khoroshev, 31, was also sanctioned by the U.S. Treasury on Tuesday.",
    "Dmitry Khoroshev (31) was sanctioned by the U.S. Treasury on Tuesday.",
])
def test_an_age_between_a_person_and_the_cue_does_not_part_them(text: str) -> None:
    """ "Khoroshev, 31, was also sanctioned": the age is an aside; the person, whom the table knows but records no
    designation of, is still the one the cue is about."""
    result = check(Article(text=text, published_at=dt.date(2024, 5, 8)), load_table(SANCTIONS))
    assert [(c["type"], c["subject"]["id"]) for c in result["claims"]] == [("designation", "khoroshev")]


@pytest.mark.parametrize("text, whom", [
    ("The State Department's reward for Juan Pérez García stands at $15 million.", "Juan Pérez García"),
    ("The reward for CJNG leader Juan Pérez García stands at $15 million.", "Juan Pérez García"),
    ("The State Department put a $5 million reward on its leader, Chiquito Malo.", "Chiquito Malo"),
])
def test_a_reward_names_one_the_table_does_not_know(text: str, whom: str) -> None:
    """A reward for someone the table does not know, named between the reward word and the amount ("the reward for
    X stands at $15 million") or in apposition ("on its leader, X"), is about that one (unverifiable), not about the
    only one the table has the authority rewarding."""
    result = check(Article(text=text, published_at=dt.date(2025, 6, 1)), load_table())
    assert [(c["type"], c["subject"]["name"], c["verdict"]["label"]) for c in result["claims"]] == [
        ("reward", whom, "unverifiable")]


def test_a_source_after_a_reward_is_not_whom_it_is_for() -> None:
    """ "a $5 million reward on his head, Reuters said": the name after the comma is the source, not the target."""
    text = "Juan Pérez is wanted. The State Department put a $5 million reward on his head, Reuters said."
    result = check(Article(text=text, published_at=dt.date(2025, 6, 1)), load_table())
    assert all(c["subject"] is None or c["subject"]["name"] != "Reuters" for c in result["claims"]), result["claims"]


def test_a_long_aside_does_not_part_a_speaker_from_the_verb() -> None:
    """ "Petro, a former guerrilla and Colombia's first leftist president, said ... he would fight the sanctions":
    an aside of nine words still leaves Petro the one who speaks, not one designated."""
    text = ("Petro, a former guerrilla and Colombia's first leftist president, said on social media that he would "
            "fight the sanctions.")
    result = check(Article(text=text, published_at=dt.date(2025, 10, 25)), load_table(DATA / "colombia" / "reference"))
    assert [c for c in result["claims"] if c["type"] == "designation"] == []


@pytest.mark.parametrize("second, label", [
    ("It added Venezuela to prove the point.", "supported"),  # an act of its time: true though it ended in 2021
    ("Venezuela remains on the list.", "outdated"),  # a state: not so on the publication date
    ("The list, which includes Venezuela, was widely criticised.", "outdated"),
    ("It is a long list of restricted countries that includes Venezuela.", "outdated"),  # an adjective, not an act
])
def test_an_act_in_the_simple_past_is_true_of_its_time(second: str, label: str) -> None:
    """ "It added Venezuela": a designation made then is supported though it has since ended; a state said in the
    present ("remains on the list") is outdated."""
    text = "The third version of the ban took effect in October 2017. " + second
    result = check(Article(text=text, published_at=dt.date(2021, 3, 1)), load_table(DATA / "travelban" / "reference"))
    assert [(c["subject"]["id"], c["verdict"]["label"]) for c in result["claims"] if c["type"] == "designation"] == [
        ("venezuela", label)]


def test_men_and_women_count_people() -> None:
    """ "Canada listed four men": "men" (and "women") count people in any table with people, as "individuals" do."""
    result = check(Article(text="Canada listed four men in May 2024.", published_at=dt.date(2025, 8, 1)),
                   load_table(DATA / "settlers" / "reference"))
    assert [(c["text"], c["verdict"]["label"]) for c in result["claims"] if c["type"] == "designation_count"] == [
        ("four men", "supported")]


@pytest.mark.parametrize("text, table, label", [
    # nothing recorded that day, and no action of nine anywhere: the table lacks the action, it does not deny it
    ("On Sept. 8, 2025, the Treasury sanctioned nine targets in Shwe Kokko.", "scams", "unverifiable"),
    # nothing recorded in March, but an action of four in May: the count is of that one, misdated
    ("In March 2024, Ottawa listed four men, among them Yinon Levi.", "settlers", "refuted"),
])
def test_a_dated_count_the_table_has_nothing_of(text: str, table: str, label: str) -> None:
    """A count of one dated action the table records nothing of is unverifiable, unless another action of that
    size shows the date is wrong."""
    result = check(Article(text=text, published_at=dt.date(2025, 10, 1)), load_table(DATA / table / "reference"))
    assert [c["verdict"]["label"] for c in result["claims"] if c["type"] == "designation_count"] == [label]


@pytest.mark.parametrize("second", [
    "The Treasury's list already includes Cilia Flores.",
    "Its list still carries Cilia Flores.",
    "Cilia Flores is on the Treasury's list too.",
])
def test_a_list_that_includes_a_name_lists_it(second: str) -> None:
    """Just after a designation, "the Treasury's list already includes X" (or X "on the Treasury's list") puts X on
    that list: any owner's list, no name of one in the engine."""
    text = "The U.S. Treasury has sanctioned Diosdado Cabello since 2017. " + second
    result = check(Article(text=text, published_at=dt.date(2024, 8, 1)), load_table(DATA / "venezuela" / "reference"))
    assert "cilia-flores" in [c["subject"]["id"] for c in result["claims"] if c["type"] == "designation"]


INDIA = DATA / "indiabans" / "reference"


def test_a_designation_of_one_named_twice_spans_both_names() -> None:
    """ "Satinderjit Singh, better known as Goldy Brar, had been designated": one claim, over both names."""
    text = ("On New Year's Day, the Home Ministry notified that Satinderjit Singh, better known as Goldy Brar, had "
            "been designated a terrorist under the Unlawful Activities (Prevention) Act.")
    result = check(Article(text=text, published_at=dt.date(2024, 1, 5)), load_table(INDIA))
    assert [(c["text"], c["subject"]["id"]) for c in result["claims"] if c["type"] == "designation"] == [
        ("Satinderjit Singh, better known as Goldy Brar", "goldy-brar")]


def test_a_name_in_apposition_to_another_of_it_is_one_mention() -> None:
    """ "the Log4j flaw, CVE-2021-44228": two names of one thing side by side, one claim over both."""
    result = check(Article(text="CISA adds the Log4j flaw, CVE-2021-44228, to the catalog.",
                           published_at=dt.date(2022, 1, 5)), load_table(DATA / "cyberkev" / "reference"))
    assert [(c["text"], c["verdict"]["label"]) for c in result["claims"] if c["type"] == "designation"] == [
        ("the Log4j flaw, CVE-2021-44228", "supported")]


def test_one_of_a_count_claims_the_count() -> None:
    """ "Hafiz Saeed is one of the four men the Centre declared terrorists": a count of four, not of one."""
    text = "LeT founder Hafiz Saeed is one of the four men the Centre declared terrorists in September 2019."
    result = check(Article(text=text, published_at=dt.date(2024, 3, 1)), load_table(INDIA))
    assert [(c["text"], c["value"]["count"], c["verdict"]["label"]) for c in result["claims"]
            if c["type"] == "designation_count"] == [("four men", 4, "supported")]


def test_a_year_naming_an_event_by_a_name_does_not_date_a_reward() -> None:
    """ "wanted for the 1993 Mumbai blasts, carries a reward of ₹15 lakh": 1993 is the blasts' year, not the
    offer's."""
    text = "Tiger Memon, wanted for the 1993 Mumbai blasts, carries an NIA reward of ₹15 lakh."
    found = _verdicts(text, INDIA, dt.date(2024, 3, 1))
    assert [(kind, date, label) for kind, _, date, label in found if kind == "reward"] == [
        ("reward", None, "supported")]


def test_a_raised_reward_is_raised_from_the_last_in_its_currency() -> None:
    """ "doubles its reward to $10 million": from the $5 million before it, not from the pesos Mexico offered in
    between."""
    text = "- Oct. 16, 2018: The United States doubles its reward for El Mencho to $10 million."
    found = _verdicts(text, DATA / "mxrewards" / "reference", dt.date(2019, 1, 1))
    assert [label for kind, _, _, label in found if kind == "reward"] == ["supported"]


def test_the_maker_a_passive_cue_names_with_by_is_the_maker_though_another_is_nearer() -> None:
    """ "five ICC officials sanctioned by Washington": Washington sanctioned them, not the ICC just before."""
    text = "The move brings to five the number of ICC officials sanctioned by Washington this year."
    found = check(Article(text=text, published_at=dt.date(2025, 6, 6)), load_table(ICC))["claims"]
    assert [(c["type"], (c["value"]["authority"] or {}).get("id"), c["verdict"]["label"]) for c in found] == [
        ("designation_count", "us-government", "supported")]


def test_a_name_among_those_a_removal_counted_is_removed() -> None:
    """ "removing four others, among them Barbados and the UAE": both came off the list that day."""
    text = ("The FATF updated its lists on Feb. 23, adding two African countries and removing four others, among "
            "them Barbados and the United Arab Emirates.")
    found = check(Article(text=text, published_at=dt.date(2024, 3, 5)), load_table(DATA / "fatf" / "reference"))
    assert [(c["subject"]["id"], c["value"]["removed"], c["verdict"]["label"]) for c in found["claims"]
            if c["type"] == "designation"] == [("barbados", True, "supported"), ("uae", True, "supported")]


def test_names_a_removal_leaves_on_the_list_are_not_removed() -> None:
    """ "added Kenya ..., leaving 21 jurisdictions on it, including Jamaica": Jamaica stays on the list."""
    text = "The FATF added Kenya to its grey list on Feb. 23, leaving 21 jurisdictions on it, including Jamaica."
    found = check(Article(text=text, published_at=dt.date(2024, 3, 5)), load_table(DATA / "fatf" / "reference"))
    assert [(c["subject"]["id"], c["value"]["removed"]) for c in found["claims"]
            if c["type"] == "designation"] == [("kenya", False), ("jamaica", False)]


def test_a_place_a_kind_was_declared_in_is_designated_when_the_table_holds_that_kind_for_it() -> None:
    """ "declared major disasters in Florida and North Carolina": both places were declared, not only named as
    where something happened."""
    text = "Biden declared major disasters in Florida and North Carolina on Saturday."
    found = check(Article(text=text, published_at=dt.date(2024, 10, 3)), load_table(DATA / "disasters" / "reference"))
    assert [(c["subject"]["id"], c["verdict"]["label"]) for c in found["claims"] if c["type"] == "designation"] == [
        ("florida", "supported"), ("north-carolina", "supported")]


def test_a_name_a_verb_of_leading_gives_with_by_some_words_on_is_not_designated() -> None:
    """ "the newspaper run by Nobel Peace Prize laureate Dmitry Muratov, was banned": the newspaper was banned, not
    the man who runs it, though words stand between "by" and his name."""
    text = ("Novaya Gazeta Europe, the exile offshoot of the newspaper run by Nobel Peace Prize laureate Dmitry "
            "Muratov, was banned in June.")
    found = check(Article(text=text, published_at=dt.date(2024, 6, 1)), load_table(DATA / "russialists" / "reference"))
    assert [c["subject"]["id"] for c in found["claims"] if c["type"] == "designation"] == ["novaya-gazeta-europe"]


def test_the_group_a_person_named_belongs_to_is_not_designated() -> None:
    """ "sanctioned Vitel'Homme Innocent of Kraze Baryè": the man was sanctioned; "of Kraze Baryè" says whose."""
    text = ("The UN Security Council sanctioned Vitel'Homme Innocent of Kraze Baryè and Wilson Joseph of 400 Mawozo "
            "in December 2023.")
    found = check(Article(text=text, published_at=dt.date(2024, 1, 1)), load_table(DATA / "haitigangs" / "reference"))
    assert [c["text"] for c in found["claims"] if c["type"] == "designation"] == ["Vitel'Homme Innocent",
                                                                                    "Wilson Joseph"]


def test_the_company_a_person_directs_is_not_designated_with_him() -> None:
    """ "Mirghani Idris, director of the Defence Industries System, was sanctioned": the man, not the company."""
    text = ("Mirghani Idris, director of the Defence Industries System, the army's arms conglomerate, was sanctioned "
            "by the Treasury in October 2024.")
    found = check(Article(text=text, published_at=dt.date(2025, 9, 1)), load_table(DATA / "sudan" / "reference"))
    assert [c["text"] for c in found["claims"] if c["type"] == "designation"] == ["Mirghani Idris"]


@pytest.mark.parametrize(("text", "expected"), [
    # the object of the deed the sanction is for is not sanctioned
    ("Ali Hassan Khalil was sanctioned by the US Treasury in September 2020 for helping Hezbollah.",
     ["Ali Hassan Khalil"]),
    # but a comma lets the sentence go on to say it of the name
    ("Ali Hassan Khalil was sanctioned by the US Treasury in September 2020 for helping Hezbollah, which the "
     "Treasury designated in 2001.", ["Ali Hassan Khalil", "Hezbollah"]),
])
def test_the_object_of_a_deed_a_designation_is_for_is_not_designated(text: str, expected: list[str]) -> None:
    """ "sanctioned ... for helping Hezbollah": the man was sanctioned for what he did to help the group."""
    found = check(Article(text=text, published_at=dt.date(2023, 1, 1)), load_table(DATA / "hezbollah" / "reference"))
    assert [c["text"] for c in found["claims"] if c["type"] == "designation"] == expected


def test_a_relative_clause_that_says_what_a_list_includes_dates_its_members() -> None:
    """ "the list of Washington, which since February includes ... the Tren de Aragua": February dates the names
    the clause lists, though a relative clause's date otherwise dates nothing after it."""
    text = ("Washington designated Los Choneros and Los Lobos as terrorist organizations on Thursday. They are the "
            "first Ecuadorian groups on the list of Washington, which since February includes the Tren de Aragua "
            "and the Mara Salvatrucha, and since May the Haitian gangs Viv Ansanm and Gran Grif.")
    found = _dated(text, DATA / "cartels5" / "reference", dt.date(2025, 9, 8))
    assert [(name, date) for kind, name, date in found if kind == "designation"][2:] == [
        ("Tren de Aragua", "since February"), ("Mara Salvatrucha", "since February"), ("Viv Ansanm", "since May"),
        ("Gran Grif", "since May")]


def test_names_a_removal_leaves_on_the_list_stay_on_it() -> None:
    """ "took Barbados off its grey list on Feb. 23, leaving 21 jurisdictions on it, including Jamaica": Barbados
    came off; Jamaica is still on, which the removal's date does not date."""
    text = "The FATF took Barbados off its grey list on Feb. 23, leaving 21 jurisdictions on it, including Jamaica."
    found = check(Article(text=text, published_at=dt.date(2024, 3, 5)), load_table(DATA / "fatf" / "reference"))
    assert [(c["subject"]["id"], c["value"]["removed"], c["verdict"]["label"]) for c in found["claims"]
            if c["type"] == "designation"] == [("barbados", True, "supported"), ("jamaica", False, "supported")]


@pytest.mark.parametrize("verb", ["suspended", "lifted"])
def test_a_verb_of_ending_before_the_ban_it_ends_is_a_removal(verb: str) -> None:
    """ "the Supreme Court suspended the ban on the Taliban": the ban ended in April, it was not imposed then."""
    text = f"In April, Russia's Supreme Court {verb} the ban on the Taliban at the request of the Prosecutor General."
    found = check(Article(text=text, published_at=dt.date(2025, 5, 1)), load_table(DATA / "russialists" / "reference"))
    assert [(c["value"]["removed"], c["verdict"]["label"]) for c in found["claims"]
            if c["type"] == "designation"] == [(True, "supported")]


def test_a_kind_carried_from_before_yields_to_another_the_article_named_that_the_table_holds_for_the_name() -> None:
    """A bare "listed" takes the kind told last (sanctions), but the article also told of listings as terrorist
    organisations, the kind the table holds for Sonnenkrieg Division: that one is meant."""
    text = ("Home Affairs Minister Tony Burke announced on Friday that Terrorgram has been listed as a terrorist "
            "organisation under the Criminal Code. In February Foreign Minister Penny Wong imposed counter-terrorism "
            "financing sanctions on Terrorgram. Terrorgram is the fourth far-right group to be listed in Australia. "
            "Sonnenkrieg Division, a British neo-Nazi offshoot, became the first in March 2021, followed by The Base "
            "in November 2021.")
    found = check(Article(text=text, published_at=dt.date(2025, 6, 27)), load_table(DATA / "extremists" / "reference"))
    assert [(c["text"], c["value"]["kind"] and c["value"]["kind"]["id"], c["verdict"]["label"])
            for c in found["claims"] if c["type"] == "designation" and c["text"] != "Terrorgram"] == [
        ("Sonnenkrieg Division", "terrorist", "supported"), ("The Base", "terrorist", "supported")]


@pytest.mark.parametrize(("text", "table", "expected"), [
    ("It also designated Alexander Mishin and Aleksandr Bolshakov, who it said ran the company.", "cybersanctions",
     ["Alexander Mishin", "Aleksandr Bolshakov"]),
    ("The Treasury has also sanctioned Sa'id al-Jamal, an Iran-based financier.", "cybersanctions", ["Sa'id al-Jamal"]),
    ("Inspur, the server maker, was blacklisted in March.", "cybersanctions", ["Inspur"]),
    ("In May 2023 the Treasury also sanctioned Chinyong Information Technology Cooperation Company, which it said "
     "managed IT workers.", "dprk", ["Chinyong Information Technology Cooperation Company"]),
    ("- May 10: Treasury sanctions Nguyen Mau Chien, a Vietnamese rhino horn broker.", "wildlife",
     ["Nguyen Mau Chien"]),
    ("The Treasury had already sanctioned several figures of the former regime, among them Salah Gosh, the former "
     "intelligence chief.", "cybersanctions", ["Salah Gosh"]),
    ("Mauritius, which was grey-listed in February 2020, needed well over a year.", "fatf", ["Mauritius"]),
    ("Soleimani's successor, Esmail Qaani, was himself designated by the United States in 2012.", "cybersanctions",
     ["Esmail Qaani"]),
    # a capitalised word before a lower-case noun only describes it; a place after a preposition is not the subject;
    # a pronoun names no one; one who "joined" is the subject of a verb that designates no object
    ("The Treasury sanctioned Zorbex oil traders in May.", "cybersanctions", []),
    ("Wigderson, a mathematician at the Institute for Advanced Study in Princeton, New Jersey, has been named.",
     "sciprizes", []),
    ("It was designated in May.", "cybersanctions", []),
    ("It ignored the sanctions Zorbex and Quill, two Cypriot firms, had faced.", "cybersanctions", []),
    ("Treasury sanctions 'El Chapo' sons' faction.", "cybersanctions", []),
    ("US Sanctions Garantex Successor Grinex, Offers Up to $5M for Co-Founder", "cybersanctions", []),
    ("Landa joined La Cocina in 2008.", "michelin", []),
])
def test_a_name_the_table_does_not_know_that_a_verb_designates_is_an_unverifiable_claim(
        text: str, table: str, expected: list[str]) -> None:
    """ "It also designated Alexander Mishin": a designation the table cannot check, said so rather than dropped."""
    found = check(Article(text=text, published_at=dt.date(2025, 2, 11)), load_table(DATA / table / "reference"))
    unknown = [c for c in found["claims"] if c["type"] == "designation" and c["subject"]["id"] is None]
    assert [(c["text"], c["subject"]["name"], c["verdict"]["label"]) for c in unknown] == [
        (name, name, "unverifiable") for name in expected]


CYBERKEV = DATA / "cyberkev" / "reference"


def _cyberkev_rewards(text: str, published: dt.date) -> list[tuple[str, str]]:
    """The reward claims of a text checked against the cyberkev table: amount and subject id."""
    result = check(Article(text=text, published_at=published), load_table(CYBERKEV))
    return [(c["text"], c["subject"]["id"]) for c in result["claims"] if c["type"] == "reward"]


def test_a_one_word_name_written_in_lower_case_does_not_name_the_reward_s_maker() -> None:
    """The table's "Foreign" (the Foreign Office) is no authority in "a foreign government"."""
    text = ("The State Department runs a reward program. It has offered $10 million for information tying Cl0p to a "
            "foreign government.")
    result = check(Article(text=text, published_at=dt.date(2024, 6, 1)), load_table(CYBERKEV))
    assert [(c["text"], c["value"]["authority"], c["verdict"]["label"]) for c in result["claims"]] == [
        ("$10 million", None, "supported")]


def test_a_reward_for_another_one_the_table_knows_is_not_for_the_one_named_before() -> None:
    """"for the Hive gang's leaders": Hive's, though "gang" is a head noun of LockBit, named the sentence before."""
    text = ("The State Department offers up to $10 million for Dmitry Khoroshev, the LockBit administrator whom the "
            "U.S., Britain and Australia sanctioned in May 2024. It has offered $10 million for the Hive gang's "
            "leaders.")
    assert _cyberkev_rewards(text, dt.date(2024, 6, 1)) == [("$10 million", "khoroshev"), ("$10 million", "hive")]


@pytest.mark.parametrize(("text", "expected"), [
    # a year before the kind's name names its edition, announced the year after: no date of the act
    ("Richard Sutton and Andrew Barto are the recipients of the 2024 ACM A.M. Turing Award.",
     [("designation", "Richard Sutton", None, "supported"), ("designation", "Andrew Barto", None, "supported")]),
    # a year that dates the act still does
    ("Richard Sutton received the ACM A.M. Turing Award in 2024.",
     [("designation", "Richard Sutton", "in 2024", "refuted")]),
])
def test_a_year_before_a_kind_s_name_is_its_edition_not_the_act_s_date(text: str, expected: list) -> None:
    assert _verdicts(text, DATA / "sciprizes" / "reference", dt.date(2025, 3, 5)) == expected


def test_an_event_the_table_designates_is_designated_by_its_name_or_trigger_and_the_date_is_the_listing_s() -> None:
    """An art theft put on a list is designated: by an alias ("the looting of the Iraq Museum") or a trigger ("the
    Gardner theft"); the date is the listing's, so no event date is claimed with it."""
    text = ("The Gardner theft has been on the FBI's Top Ten Art Crimes list since 2005, alongside the looting of the "
            "Iraq Museum. Interpol put the Van Gogh Museum robbery on its list of Top Ten Art Crimes in 2005.")
    found = _verdicts(text, DATA / "artcrime" / "reference", dt.date(2019, 1, 10))
    assert [(kind, name, label) for kind, name, _, label in found] == [
        ("designation", "Gardner theft", "supported"), ("designation", "looting of the Iraq Museum", "supported"),
        ("designation", "Van Gogh Museum robbery", "partially_supported")]


def test_a_reward_for_a_group_s_leaders_is_the_group_s_unless_a_leader_is_named() -> None:
    """ "for information on DarkSide's leaders" is DarkSide's, though another group follows in the sentence; "for
    Evil Corp's alleged leader, Maksim Yakubets" is his."""
    text = ("In November 2021 the department offered up to $10 million for information on DarkSide's leaders, and "
            "last year it offered the same amount for leaders of Conti. In 2019 it posted a $5 million reward for "
            "Evil Corp's alleged leader, Maksim Yakubets.")
    assert _cyberkev_rewards(text, dt.date(2023, 6, 1)) == [("$10 million", "darkside"), ("$5 million", "yakubets")]


def test_an_amount_in_a_reward_cue_is_the_reward_and_one_in_anything_else_is_not() -> None:
    """ "stripped of the $325,000 in prize money": the prize money is the reward; "$2 million in assets" is not."""
    text = ("Iga Swiatek accepted a one-month ban. She must also forfeit the $158,944 in prize money she earned in "
            "Cincinnati. Her sponsors hold $2 million in assets.")
    found = check(Article(text=text, published_at=dt.date(2024, 12, 1)), load_table(SPORTBANS))["claims"]
    assert [(c["text"], c["subject"]["id"]) for c in found if c["type"] == "reward"] == [("$158,944", "iga-swiatek")]


@pytest.mark.parametrize(("text", "table", "published", "expected"), [
    # the only date of the sentence opens the conjunct after ", and": not the first name's
    ("The Treasury sanctioned Burhan, the army chief, and in August two Islamist allies of the army: Gibril "
     "Ibrahim and the Al-Baraa Bin Malik Brigade.", "sudan", dt.date(2025, 10, 1),
     [("Burhan", None), ("Gibril Ibrahim", "in August"), ("Al-Baraa Bin Malik Brigade", "in August")]),
    # a conjunct that opens with a past verb keeps its date: June is Rodríguez's, not Cabello's
    ("The European Union sanctioned seven officials, Cabello among them, and added 11 more in June, including "
     "Delcy Rodríguez.", "venezuela", dt.date(2019, 1, 29), [("Cabello", None), ("Delcy Rodríguez", "in June")]),
])
def test_a_date_in_a_later_conjunct_does_not_date_a_name_before_it(text: str, table: str, published: dt.date,
                                                                   expected: list) -> None:
    found = _dated(text, DATA / table / "reference", published)
    assert [(name, date) for kind, name, date in found if kind == "designation"] == expected


@pytest.mark.parametrize(("text", "table", "published", "expected"), [
    ("Margaret Chan, Tedros Adhanom Ghebreyesus's predecessor, declared Zika an emergency in February 2016.",
     "pheic", dt.date(2024, 8, 20), "margaret-chan"),
    ("Biden, no friend of Ron DeSantis, approved an emergency declaration for Florida on Oct. 7.", "disasters",
     dt.date(2024, 10, 20), "joe-biden"),
])
def test_a_maker_named_in_an_apposition_is_not_the_one_that_acts(text: str, table: str, published: dt.date,
                                                                 expected: str) -> None:
    """The aside after the subject names someone else: the subject made the designation."""
    result = check(Article(text=text, published_at=published), load_table(DATA / table / "reference"))
    assert [(c["value"]["authority"]["id"], c["verdict"]["label"]) for c in result["claims"]] == [
        (expected, "supported")]


@pytest.mark.parametrize(("text", "table", "published", "expected"), [
    ("2020\n- Jan. 30: WHO Director-General Tedros Adhanom Ghebreyesus declares the new coronavirus a public health "
     "emergency of international concern, the sixth such declaration since 2009.", "pheic", dt.date(2025, 1, 20),
     [("designation", "new coronavirus", "Jan. 30", "supported")]),
    ("- Feb. 24: The EU adopts its 16th package. Among the 74 vessels added to its list is the Eventin, the tanker "
     "that drifted off the German island of Ruegen in January.", "russia25", dt.date(2025, 3, 1),
     [("designation", "the Eventin", "Feb. 24", "supported")]),
])
def test_a_date_in_an_apposition_after_the_kind_or_name_leaves_the_line_s_date(text: str, table: str,
                                                                               published: dt.date,
                                                                               expected: list) -> None:
    """In a timeline line, an apposition's date ("the sixth such declaration since 2009", "the tanker that drifted
    ... in January") is not the designation's: the line's date is."""
    found = _verdicts(text, DATA / table / "reference", published)
    assert [f for f in found if f[0] == "designation"] == expected


@pytest.mark.parametrize(("text", "table", "published", "owner"), [
    ("Its trading arm, the Dubai company through which much of Lukoil's crude is marketed, was placed under EU "
     "sanctions in July.", "russia25", dt.date(2025, 11, 1), "Lukoil"),
    ("Khoroshev was sanctioned by the Treasury and Britain in May 2024, months after Operation Cronos, a British-led "
     "takedown, seized LockBit's servers in March 2024.", "russia25", dt.date(2025, 11, 1), "LockBit"),
    ("The UK sanctioned his deputy as part of a move against Hezbollah's top decision-making body, the Shura "
     "Council.", "hezbollah", dt.date(2025, 6, 1), "Hezbollah"),
])
def test_the_owner_of_a_thing_is_not_the_one_designated(text: str, table: str, published: dt.date,
                                                        owner: str) -> None:
    """ "Lukoil's crude", "LockBit's servers": the clause is about the thing owned, not about its owner."""
    found = _verdicts(text, DATA / table / "reference", published)
    assert owner not in {c[1] for c in found if c[0] == "designation"}


@pytest.mark.parametrize(("text", "table", "published", "owner"), [
    ("Britain, too, has frozen Amana's assets.", "settlers", dt.date(2025, 6, 1), "Amana"),
    ("Austria banned the Brotherhood's symbols in 2019 without outlawing the organization itself.", "brotherhood",
     dt.date(2026, 1, 13), "the Brotherhood"),
    ("President Donald Trump on Monday restored Cuba's designation, hours after being sworn in.", "statesponsors",
     dt.date(2025, 1, 22), "Cuba"),
])
def test_the_owner_of_a_designation_or_of_its_assets_is_designated(text: str, table: str, published: dt.date,
                                                                   owner: str) -> None:
    """ "froze Amana's assets", "banned the Brotherhood's symbols", "restored Cuba's designation": what the
    designation acts on is the owner's."""
    found = _verdicts(text, DATA / table / "reference", published)
    assert owner in {c[1] for c in found if c[0] == "designation"}


def test_a_designation_told_in_the_present_perfect_is_an_act_of_its_time() -> None:
    """ "The WHO has declared seven emergencies, from H1N1 ...": the act happened, so an emergency since ended is not
    outdated."""
    text = "The WHO has declared seven global health emergencies since 2009, from the H1N1 flu that year to mpox."
    found = _verdicts(text, DATA / "pheic" / "reference", dt.date(2025, 2, 3))
    assert [c[3] for c in found if c[1] == "H1N1 flu"] == ["supported"]


def test_a_present_perfect_with_since_is_a_state() -> None:
    """ "Pakistan has banned the BLA since 2006" tells a state, not an act dated 2006: the ban is Washington's."""
    found = _verdicts("Pakistan has banned the BLA since 2006.", DATA / "taliban" / "reference", dt.date(2019, 7, 5))
    assert [c[3] for c in found if c[0] == "designation"] == ["partially_supported"]


def test_a_trigger_that_ends_on_the_date_s_preposition_keeps_the_date() -> None:
    """ "The awards ceremony on June 19": the trigger "awards ceremony on" and the date "on June 19" share a word."""
    text = "The awards ceremony on June 19, at the Lingotto in Turin, was the first ever held in Italy."
    found = _verdicts(text, DATA / "michelin" / "reference", dt.date(2025, 6, 20))
    assert [c for c in found if c[0] == "event_date"] == [("event_date", "on June 19", "on June 19", "supported")]


@pytest.mark.parametrize(("text", "table", "published", "count"), [
    ("London was the first European capital to act, sanctioning six businesses in July 2023.", "sudan",
     dt.date(2025, 1, 10), "six businesses"),  # "business": plural in -es
    ("The parties met in Bangkok in March 2013 and listed five shark species in Appendix II.", "wildlife",
     dt.date(2020, 1, 1), "five shark species"),  # "species": plural as written
    ("It added seven Russian oligarchs to its sanctions list over the invasion of Ukraine.", "sanctions",
     dt.date(2022, 3, 11), "seven Russian oligarchs"),  # "oligarch": -ch, but plural in -s
])
def test_a_count_noun_s_plural_follows_its_ending(text: str, table: str, published: dt.date, count: str) -> None:
    """A table's singular count noun is found in its plural whatever its ending: "businesses", "species",
    "oligarchs"."""
    found = _verdicts(text, DATA / table / "reference", published)
    assert [(c[1], c[3]) for c in found if c[0] == "designation_count"] == [(count, "supported")]


@pytest.mark.parametrize(("text", "expected"), [
    # "in each field": where the amount applies, not what kind of money it is ("$2 million in assets")
    ("The Kavli Prizes are worth one million dollars in each field.", ("one million dollars", None, "supported")),
    # "carried": the past of the table's "carries"; "until 2014": the amount stood then, it was not set then
    ("Until 2014 the Turing Award carried $250,000.", ("$250,000", "Until 2014", "supported")),
])
def test_prize_money_told_with_a_scope_or_a_past_verb_is_found(text: str, expected: tuple) -> None:
    found = _verdicts(text, DATA / "sciprizes" / "reference", dt.date(2025, 3, 10))
    assert [c[1:] for c in found if c[0] == "reward"] == [expected]


def test_a_cue_noun_after_the_refers_back_to_the_kind_told_before() -> None:
    """ "received the label": the label is the one the question above named, not any designation."""
    text = ("IS ANYONE A 'CURRENCY MANIPULATOR'?\n\nNot at the moment. Only three economies have received the label "
            "since 2016.")
    result = check(Article(text=text, published_at=dt.date(2024, 11, 20)), load_table(DATA / "currency" / "reference"))
    assert [((c["value"].get("kind") or {}).get("id"), c["verdict"]["label"]) for c in result["claims"]
            if c["type"] == "designation_count"] == [("currency-manipulator", "supported")]


@pytest.mark.parametrize(("text", "fact"), [
    ("Terrorgram has been a designated terrorist group since April 2024.", "uk-2024-04-terrorgram"),
    ("Terrorgram has been sanctioned since January 2025.", "us-2025-01-13-terrorgram"),
])
def test_a_state_since_a_date_is_shown_by_the_designation_begun_then(text: str, fact: str) -> None:
    """Of several designations in force, "since April 2024" is borne out by the one made then, not by a later one."""
    table = load_table(DATA / "extremists" / "reference")
    result = check(Article(text=text, published_at=dt.date(2025, 11, 14)), table)
    assert [(c["verdict"]["label"], [e["fact_id"] for e in c["verdict"]["evidence"]]) for c in result["claims"]] == [
        ("supported", [fact])]
