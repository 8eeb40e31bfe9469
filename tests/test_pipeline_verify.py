"""Verification: verdicts as of the publication date, with the reasons said plainly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from workers.pipeline import Article, check, load_table
from workers.pipeline.english import indefinite_article

D = dt.date


def _verdict(text: str, published: dt.date | None, surface: str) -> dict:
    result = check(Article(text=text, published_at=published), load_table())
    found = [c for c in result["claims"] if c["text"] == surface]
    assert found, f"no claim at {surface!r}: {[c['text'] for c in result['claims']]}"
    return found[0]["verdict"]


SOLES_FTO = "The State Department has designated Cartel de los Soles a foreign terrorist organization."

CASES = [
    # (name, text, published, key mention, label, words the explanation must contain)
    ("became true only later", SOLES_FTO, D(2025, 8, 8), "Cartel de los Soles", "refuted",
     ["Specially Designated Global Terrorist", "November 24, 2025"]),
    ("a kind it took only after the date stated",
     "In July 2025, the State Department designated Cartel de los Soles a foreign terrorist organization.",
     D(2025, 12, 1), "Cartel de los Soles", "refuted", ["Specially Designated Global Terrorist", "November 16, 2025"]),
    ("true after it happened", SOLES_FTO, D(2025, 12, 1), "Cartel de los Soles", "supported", ["November 16, 2025"]),
    ("true before any designation? no", "Barrio 18 has been designated a foreign terrorist organization.",
     D(2025, 8, 8), "Barrio 18", "refuted", ["September 23, 2025"]),
    ("kind mismatch SDGT called FTO, which it became only later", "In July, Treasury designated Cartel de los Soles "
     "as a foreign terrorist organization.", D(2025, 8, 8), "Cartel de los Soles", "refuted",
     ["not a Foreign Terrorist", "only on November 16, 2025"]),
    ("generic terrorist fits SDGT", "In July, the U.S. designated Cartel de los Soles as a terrorist group.",
     D(2025, 8, 8), "Cartel de los Soles", "supported", ["Specially Designated Global Terrorist"]),
    ("kind mismatch SDGT called FTO, which it never became", "In September, Treasury designated Los Mayos as a "
     "foreign terrorist organization.", D(2025, 10, 1), "Los Mayos", "partially_supported",
     ["not a Foreign Terrorist"]),
    ("authority mismatch", "In February, OFAC designated Tren de Aragua as a foreign terrorist organization.",
     D(2025, 8, 8), "Tren de Aragua", "partially_supported",
     ["not by the US Treasury", "only the US Department of State can make that designation"]),
    ("another authority that may make that kind", "In July, the State Department designated Cartel de los Soles "
     "a Specially Designated Global Terrorist.", D(2025, 8, 8), "Cartel de los Soles", "partially_supported",
     ["not by the US Department of State."]),
    ("wrong month, no kind said: the fact's kinds named", "The US designated Tren de Aragua in March.",
     D(2025, 8, 8), "Tren de Aragua", "refuted",
     ["designated a Foreign Terrorist Organization and a Specially Designated Global Terrorist", "not March 2025"]),
    ("a date in a clause of its own is not the designation's", "Tren de Aragua was designated a foreign terrorist "
     "organization after Venezuela's government disbanded its prison gangs in 2023.", D(2025, 8, 8), "Tren de Aragua",
     "supported", []),
    ("a date in a relative clause before the cue is not the designation's", "The State Department, which reviewed "
     "the case on March 3, designated Tren de Aragua a foreign terrorist organization in February.", D(2025, 8, 8),
     "Tren de Aragua", "supported", []),
    ("wrong month", "In April, the State Department designated Tren de Aragua as a foreign terrorist organization.",
     D(2025, 8, 8), "Tren de Aragua", "refuted", ["February 19, 2025", "not April 2025"]),
    ("effective date counts too", "On Feb. 20, 2025, the U.S. designated MS-13 as a foreign terrorist organization.",
     D(2025, 8, 8), "MS-13", "supported", []),
    ("an SDGT designation is a sanctioning", "Last week the Treasury Department sanctioned the Cartel de los Soles.",
     D(2025, 7, 30), "Cartel de los Soles", "supported", ["July 25, 2025"]),
    ("sanctions not FTO", "Treasury designated Los Mayos a foreign terrorist organization.", D(2025, 10, 1),
     "Los Mayos", "partially_supported", ["not a Foreign Terrorist"]),
    ("no designation recorded", "The U.S. designated Maduro a terrorist.", D(2025, 8, 8), "Maduro", "unverifiable",
     []),
    ("this year means up to publication", "Eight cartels have been designated as FTOs so far this year.",
     D(2025, 8, 10), "Eight cartels", "refuted", ["6 cartels", "in 2025 up to August 10, 2025, not 8"]),
    ("this year, counted as of publication", "Six cartels have been designated as FTOs this year.",
     D(2025, 8, 10), "Six cartels", "supported", ["Cártel del Golfo"]),
    ("a designation later in the year does not count", "Cartel de los Soles was designated a foreign terrorist "
     "organization this year.", D(2025, 8, 10), "Cartel de los Soles", "refuted",
     ["not a Foreign Terrorist", "November 16, 2025"]),
    ("current reward", "The U.S. offers a $50 million reward for Maduro.", D(2025, 9, 1), "$50 million",
     "supported", ["August 7, 2025"]),
    ("outdated reward", "The U.S. offers a $25 million reward for Maduro.", D(2025, 9, 1), "$25 million",
     "outdated", ["$50 million"]),
    ("reward not yet offered", "The U.S. offers a $50 million reward for Maduro.", D(2025, 3, 1), "$50 million",
     "refuted", ["August 7, 2025"]),
    ("wrong reward", "The U.S. offers a $40 million reward for Maduro.", D(2025, 9, 1), "$40 million", "refuted",
     ["$50 million"]),
    ("hedged reward", "The U.S. offers a reward of about $49 million for Maduro.", D(2025, 9, 1), "$49 million",
     "supported", []),
    ("wrong previous amount", "The reward for Maduro was raised from $30 million to $50 million.", D(2025, 9, 1),
     "$50 million", "partially_supported", ["$25 million"]),
    ("a wrong previous amount after the new one", "The $50m reward for Maduro, double the previous $20m, is the "
     "largest ever offered.", D(2025, 8, 9), "$50m", "partially_supported", ["from $25 million, not from $20 million"]),
    ("doubled implies the previous", "On Thursday, Bondi doubled the reward for Maduro to $50 million.",
     D(2025, 8, 8), "$50 million", "supported", []),
    ("reward on the wrong day", "On Monday, the reward for Maduro rose to $50 million.", D(2025, 8, 8),
     "$50 million", "partially_supported", ["August 7, 2025"]),
    ("count right in an action", "In February, the State Department designated eight groups as foreign terrorist "
     "organizations.", D(2025, 8, 8), "eight groups", "supported", ["Tren de Aragua"]),
    ("count wrong", "The U.S. has designated nine Mexican cartels as foreign terrorist organizations.",
     D(2025, 8, 8), "nine Mexican cartels", "refuted", ["6 cartels"]),
    ("count outdated", "The U.S. has designated eight groups as foreign terrorist organizations.", D(2025, 8, 8),
     "eight groups", "outdated", ["10"]),
    ("count of one action in a period", "Earlier this year, the administration designated eight Latin American "
     "criminal groups as terrorist organizations.", D(2025, 9, 5), "eight Latin American criminal groups",
     "supported", ["One designation", "February 19, 2025"]),
    ("count on a day", "On Thursday, Rubio designated two gangs as foreign terrorist organizations.",
     D(2025, 9, 5), "two gangs", "supported", ["made on September 4, 2025"]),
    ("count of a region", "The U.S. has designated ten Latin American cartels and gangs as foreign terrorist "
     "organizations.", D(2025, 8, 8), "ten Latin American cartels and gangs", "supported", []),
    ("event right", "In March, in an address to a joint session of Congress, Trump spoke.", D(2025, 8, 8),
     "In March", "supported", ["March 4, 2025"]),
    ("event wrong", "In April, in an address to a joint session of Congress, Trump spoke.", D(2025, 8, 8),
     "In April", "refuted", ["March 4, 2025"]),
    ("event misdescribed by a verb: the table's own term", "On Thursday, Mexico extradited 29 cartel bosses to the "
     "United States.", D(2025, 3, 1), "On Thursday", "partially_supported", ["not an extradition"]),
    ("event misdescribed", "The extradition of 29 cartel members earlier this year drew notice.", D(2025, 8, 8),
     "earlier this year", "partially_supported", ["not an extradition"]),
    ("denial that is true", "Cartel de los Soles has not been designated a foreign terrorist organization.",
     D(2025, 8, 8), "Cartel de los Soles", "supported", ["The denial is right", "not a Foreign Terrorist"]),
    ("denial that is false", "Tren de Aragua has not been designated a foreign terrorist organization.",
     D(2025, 8, 8), "Tren de Aragua", "refuted", ["The denial is wrong", "February 19, 2025"]),
    ("a refusal is a denial", "In 2024 the State Department declined to designate Los Choneros a foreign terrorist "
     "organization.", D(2025, 10, 1), "Los Choneros", "supported", ["The denial is right", "September 4, 2025"]),
    ("a place that has the groups, a kind term and no cue", "Mexico now has seven cartels on the FTO list.",
     D(2025, 8, 8), "seven cartels", "refuted", ["6 cartels from Mexico"]),
    ("a wrong partitive count", "In February the State Department designated eight groups, five of them Mexican, as "
     "foreign terrorist organizations.", D(2025, 3, 1), "five of them Mexican", "refuted", ["6 groups from Mexico"]),
    ("count with a lower bound", "The U.S. has designated more than a dozen Latin American cartels and gangs as "
     "foreign terrorist organizations.", D(2025, 12, 1), "a dozen Latin American cartels and gangs", "supported", []),
    ("count with an upper bound, true only earlier", "The U.S. has designated fewer than five gangs as foreign "
     "terrorist organizations.", D(2025, 12, 1), "five gangs", "outdated", ["May 2, 2025"]),
    ("count with a bound never met", "The U.S. has designated more than twenty cartels as foreign terrorist "
     "organizations.", D(2025, 12, 1), "twenty cartels", "refuted", []),
    ("'more than' excludes the amount itself", "The U.S. offers a reward of more than $50 million for Maduro.",
     D(2025, 9, 1), "$50 million", "refuted", []),
    ("'at least' includes it", "The U.S. offers a reward of at least $50 million for Maduro.", D(2025, 9, 1),
     "$50 million", "supported", []),
    ("amount with a lower bound", "The U.S. offers a reward of more than $40 million for Maduro.", D(2025, 9, 1),
     "$40 million", "supported", []),
    ("relative date without publication date", "In March, during a speech before Congress, Trump spoke.", None,
     "In March", "unverifiable", ["publication date"]),
]


@pytest.mark.parametrize(("text", "published", "surface", "label", "words"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_verdicts(text: str, published: dt.date | None, surface: str, label: str, words: list[str]) -> None:
    """Each claim gets the expected label, an explanation naming the reference value, and sourced evidence."""
    verdict = _verdict(text, published, surface)
    assert verdict["label"] == label, verdict["explanation"]
    for word in words:
        assert word in verdict["explanation"]
    if label != "unverifiable":
        assert verdict["evidence"] and all(e["sources"] for e in verdict["evidence"])


def test_explanation_is_one_sentence() -> None:
    """A copy editor gets one sentence."""
    verdict = _verdict(SOLES_FTO, D(2025, 8, 8), "Cartel de los Soles")
    text = verdict["explanation"]
    assert text.endswith(".") and text.count(". ") == 0


HERITAGE = load_table(Path(__file__).resolve().parent / "data" / "heritage" / "reference")


def test_explanations_use_the_tables_own_words() -> None:
    """Another table's category terms name its counts; "up to" only for an amount the table bounds."""
    count = check(Article(text="On Sunday the committee inscribed three cultural sites on the World Heritage List.",
                          published_at=D(2023, 9, 18)), HERITAGE)["claims"][0]["verdict"]
    assert count["label"] == "supported" and "3 cultural sites" in count["explanation"], count
    reward = check(Article(text="The Carabinieri now offer a reward of 150,000 euros for Marco Vellani.",
                           published_at=D(2025, 7, 1)), HERITAGE)["claims"][0]["verdict"]
    assert reward["label"] == "supported" and "a reward of €150,000 for" in reward["explanation"], reward
    bounded = _verdict("The U.S. offers a $50 million reward for Maduro.", D(2025, 9, 1), "$50 million")
    assert "a reward of up to $50 million" in bounded["explanation"]


EVENT_CASES = [
    # (name, text, published, key mention, label, words the explanation must contain)
    ("any day of an event that lasted", "The 47th session, on July 10, heard Ukraine.", D(2025, 7, 20), "on July 10",
     "supported", ["from July 6, 2025 to July 16, 2025"]),
    ("its opening day", "The committee opened its 47th session in Paris on July 6.", D(2025, 7, 20), "on July 6",
     "supported", []),
    ("a wrong opening day", "The committee, which opened its 47th session in Paris on July 7, met again.",
     D(2025, 7, 20), "on July 7", "refuted", ["it began on July 6, 2025, not July 7, 2025"]),
    ("its closing day", "The session in Paris closes on July 16.", D(2025, 7, 12), "on July 16", "supported", []),
]


@pytest.mark.parametrize(("text", "published", "surface", "label", "words"), [c[1:] for c in EVENT_CASES],
                         ids=[c[0] for c in EVENT_CASES])
def test_events_that_last(text: str, published: dt.date, surface: str, label: str, words: list[str]) -> None:
    """An event with an end date (a session) is any of its days, unless the claim says it opened or closed then."""
    found = [c for c in check(Article(text=text, published_at=published), HERITAGE)["claims"] if c["text"] == surface]
    assert found, surface
    verdict = found[0]["verdict"]
    assert verdict["label"] == label, verdict
    for w in words:
        assert w in verdict["explanation"], verdict


SANCTIONS = load_table(Path(__file__).resolve().parent / "data" / "sanctions" / "reference")


def test_people_are_counted_by_their_category() -> None:
    """A third table sanctions people: "seven Russian oligarchs" counts the people of that category."""
    result = check(Article(text="The Foreign Office on Thursday sanctioned seven Russian oligarchs.",
                           published_at=D(2022, 3, 11)), SANCTIONS)
    (claim,) = result["claims"]
    assert claim["verdict"]["label"] == "supported" and "7 oligarchs from Russia" in claim["verdict"]["explanation"]


def test_an_owner_is_not_what_is_designated() -> None:
    """ "Sovcomflot's tanker NS Captain": the tanker is designated, not the company that owns it."""
    result = check(Article(text="Washington on Thursday sanctioned Sovcomflot's tanker NS Captain.",
                           published_at=D(2024, 2, 24)), SANCTIONS)
    assert [c["subject"]["id"] for c in result["claims"]] == ["ns-captain"]


def test_a_list_kind_reads_on_the_list_after_designated_and_with_an_article_elsewhere() -> None:
    """"was designated on the SDN list", but "with a sanctions designation", not "with under sanctions"."""
    from pathlib import Path

    from workers.pipeline import Article, check, load_table

    table = load_table(Path(__file__).resolve().parent / "data" / "sanctions" / "reference")
    text = "Sovcomflot was added to the SDN list on Friday. The Treasury has now sanctioned 500 Russian companies."
    claims = check(Article(text=text, published_at=D(2024, 2, 24)), table)["claims"]
    explanations = " ".join(c["verdict"]["explanation"] for c in claims)
    assert "designated on the Specially Designated Nationals (SDN) list" in explanations
    assert "with a sanctions designation" in explanations and "with under" not in explanations


def test_a_reward_known_only_to_predate_a_day_is_explained_by_that_day() -> None:
    """A fact with only a `before` date (the table knows it held by then, not when it began): a claim dated after
    that day gets a verdict that says so, not an error."""
    text = "The FBI offered a reward of up to $250,000 for Francisco Javier Roman-Bardales in April 2025."
    table = load_table(Path(__file__).resolve().parent / "data" / "wanted" / "reference")
    claim = check(Article(text=text, published_at=dt.date(2025, 5, 1)), table)["claims"][0]
    assert claim["verdict"]["label"] == "partially_supported"
    assert "announced before March 17, 2025, not April 2025" in claim["verdict"]["explanation"]


def test_a_count_since_a_month_that_has_since_grown_is_outdated() -> None:
    text = ("Since February, the State Department has designated 12 Latin American groups as foreign terrorist "
            "organizations.")
    claim = check(Article(text=text, published_at=D(2025, 10, 20)), load_table())["claims"][0]
    assert claim["verdict"]["label"] == "outdated"
    explanation = claim["verdict"]["explanation"]
    assert "on September 4, 2025, which fits the claim, but 13 as of October 20, 2025" in explanation


def test_people_are_counted_as_groups_when_people_are_all_the_table_designates() -> None:
    """A table of arrest warrants for persons: "five other Russian officials" counts its persons from Russia."""
    text = ("Russian President Vladimir Putin has been wanted by the court since March 2023, and judges have since "
            "issued warrants for five other Russian officials.")
    table = load_table(Path(__file__).resolve().parent / "data" / "iccwarrants" / "reference")
    counts = [c for c in check(Article(text=text, published_at=D(2025, 3, 12)), table)["claims"]
              if c["type"] == "designation_count"]
    assert [c["verdict"]["label"] for c in counts] == ["supported"], counts


def test_a_count_as_of_a_date_counts_what_was_in_force_then() -> None:
    text = ("As of this week, the State Department has designated 12 Latin American groups as foreign terrorist "
            "organizations.")
    claim = check(Article(text=text, published_at=D(2025, 9, 10)), load_table())["claims"][0]
    assert claim["verdict"]["label"] == "supported" and "as of September 10, 2025" in claim["verdict"]["explanation"]


def test_a_count_since_a_date_counts_everything_since_not_one_action() -> None:
    """ "Since February, ... has designated eight groups": ten by August, so eight is outdated, though the
    February action alone had eight."""
    text = "Since February, the State Department has designated eight groups as foreign terrorist organizations."
    assert _verdict(text, dt.date(2025, 8, 8), "eight groups")["label"] == "outdated"


def test_a_count_in_a_when_clause_after_since_counts_that_act() -> None:
    """ "on the list since February, when the State Department designated eight groups": the February action's
    eight, though more were designated since."""
    text = ("MS-13 has been on the list since February, when the State Department designated eight groups as "
            "foreign terrorist organizations.")
    verdict = _verdict(text, dt.date(2025, 10, 20), "eight groups")
    assert verdict["label"] == "supported" and "February 2025" in verdict["explanation"]


def test_a_list_item_s_date_right_after_its_name_dates_it() -> None:
    """ "- Tornado Cash, in August 2022.": the item's own date, after the name, dates its designation, which is
    then true of that time though it has since ended."""
    table = load_table(Path(__file__).resolve().parent / "data" / "cybersanctions" / "reference")
    text = ("Treasury has sanctioned three mixers since 2022:\n\n- Blender.io, in May 2022.\n"
            "- Tornado Cash, in August 2022. It was popular.\n- Sinbad.io, in November 2023.\n")
    claims = check(Article(text=text, published_at=dt.date(2025, 6, 1)), table)["claims"]
    tornado = next(c for c in claims if c["type"] == "designation" and c["subject"]["name"] == "Tornado Cash")
    assert tornado["verdict"]["label"] == "supported" and "August 8, 2022" in tornado["verdict"]["explanation"]
    assert tornado["value"]["date"]["text"] == "in August 2022"


@pytest.mark.parametrize(("text", "label"), [
    ("The public health emergency for Covid-19 stayed in place for three years, until it expired in May 2023.",
     "supported"),  # the sentence tells the end: it claims what held then
    ("The public health emergency for Covid-19 stays in place.", "outdated"),
])
def test_a_designation_whose_end_the_sentence_tells_is_true_of_its_time(text: str, label: str) -> None:
    """A designation that has ended is outdated when told as standing, not when the sentence says it ended."""
    table = load_table(Path(__file__).resolve().parent / "data" / "pheic" / "reference")
    claims = check(Article(text=text, published_at=dt.date(2024, 6, 1)), table)["claims"]
    assert [(c["text"], c["verdict"]["label"]) for c in claims if c["type"] == "designation"] == [
        ("Covid-19", label)]
    assert "ended on May 4, 2023" in claims[0]["verdict"]["explanation"]  # either way, the end is told


def test_amounts_that_do_not_replace_one_another_are_each_in_force() -> None:
    """A table whose rewards are not single-valued (prize money per event): an earlier amount still holds after a
    later one, and checking it does not crash on the missing end date."""
    table = load_table(Path(__file__).resolve().parent / "data" / "sportbans" / "reference")
    result = check(Article(text="Jannik Sinner earned $325,000 at Indian Wells.", published_at=dt.date(2025, 2, 15)),
                   table)
    assert [(c["text"], c["verdict"]["label"]) for c in result["claims"]] == [("$325,000", "supported")]


def test_rewards_by_two_authorities_stand_side_by_side_and_pesos_match_the_table_s_peso() -> None:
    """Colombia's 3,000 million pesos (COP in the table) for Iván Márquez is not replaced by the United States'
    later $10 million: both are in force a year on."""
    table = load_table(Path(__file__).resolve().parent / "data" / "colombia" / "reference")
    text = ("Colombia offers up to 3,000 million pesos for information on Iván Márquez. The State Department offers "
            "up to $10 million for Iván Márquez.")
    result = check(Article(text=text, published_at=dt.date(2021, 3, 1)), table)
    assert [(c["text"], c["verdict"]["label"]) for c in result["claims"] if c["type"] == "reward"] == [
        ("3,000 million pesos", "supported"), ("$10 million", "supported")]


@pytest.mark.parametrize(("phrase", "article"), [
    ("US Global Magnitsky sanction", "a"), ("FBI list", "an"), ("UN sanction", "a"), ("EU listing", "an"),
    ("NATO partner", "a"), ("OPEC quota", "an"), ("European sanction", "a"), ("unit", "a"), ("hour", "an"),
    ("terrorist", "a"), ("organization", "an"), ("umbrella", "an"),
])
def test_an_explanation_s_article_follows_the_sound(phrase: str, article: str) -> None:
    """ "a US sanction", "an FBI list", "a NATO partner": by how the word or acronym is said, not its letter."""
    assert indefinite_article(phrase) == article


def test_an_undated_count_in_the_simple_past_is_all_that_was_ever_designated() -> None:
    """ "Washington sanctioned 17 individuals and 16 entities" after the program was revoked: every designation it
    made, though none is in force at publication (not one act of 17: there were several rounds)."""
    text = ("Under an executive order signed by President Joe Biden, Washington sanctioned 17 individuals and 16 "
            "entities. President Donald Trump revoked the order on his first day in office.")
    result = check(Article(text=text, published_at=dt.date(2025, 8, 5)),
                   load_table(Path(__file__).parent / "data" / "settlers" / "reference"))
    assert [(c["text"], c["verdict"]["label"]) for c in result["claims"] if c["type"] == "designation_count"] == [
        ("17 individuals", "supported"), ("16 entities", "supported")]


def test_an_undated_count_of_one_act_is_supported_by_that_act() -> None:
    """ "The first round ... hit eight groups", told with no date: one action of eight, though 14 stand now."""
    text = "The first round of foreign terrorist organization designations hit eight Latin American groups."
    verdict = _verdict(text, D(2025, 12, 10), "eight Latin American groups")
    assert verdict["label"] == "supported" and "One designation covered 8" in verdict["explanation"]


@pytest.mark.parametrize("text", [
    "The State Department's list of foreign terrorist organizations is down to eight Latin American groups.",
    "The State Department has so far designated exactly eight Latin American groups as foreign terrorist "
    "organizations.",
])
def test_a_count_told_as_what_stands_is_not_matched_to_one_act(text: str) -> None:
    """ "The list is down to eight", "has so far designated exactly eight": what stands, 14 by December, so eight
    is outdated, though the first action alone covered eight."""
    assert _verdict(text, D(2025, 12, 10), "eight Latin American groups")["label"] == "outdated"


def test_a_maker_s_past_designation_since_lifted_is_judged_by_that_maker_s_fact() -> None:
    """ "Washington sanctioned Lehava", told in June 2025: the US sanctions of July 2024, lifted in January 2025, not
    the Canadian ones still in force."""
    table = load_table(Path(__file__).resolve().parent / "data" / "settlers" / "reference")
    claims = check(Article(text="Washington sanctioned the Lehava group. Canada sanctioned the Lehava group.",
                           published_at=D(2025, 6, 10)), table)["claims"]
    assert [(c["value"]["authority"]["id"], c["verdict"]["label"], c["verdict"]["evidence"][0]["fact_id"])
            for c in claims] == [("us-government", "supported", "us-2024-07-11-lehava-outposts"),
                                 ("canada-government", "supported", "ca-2024-06-27-entities")]


@pytest.mark.parametrize(("text", "label"), [
    ("The Treasury Department's Office of Foreign Assets Control has so far designated seven individuals.",
     "outdated"),  # what stands: true in May, when the seventh came, not in October, after two more
    ("The Treasury Department's Office of Foreign Assets Control designated seven individuals.", "refuted"),
])
def test_only_a_count_told_as_what_stands_can_be_outdated(text: str, label: str) -> None:
    """One act told in the past ("designated seven individuals") is not made outdated by a day on which the table's
    total happened to be seven."""
    table = load_table(Path(__file__).resolve().parent / "data" / "cybersanctions" / "reference")
    claims = check(Article(text=text, published_at=D(2024, 10, 1)), table)["claims"]
    assert [c["verdict"]["label"] for c in claims] == [label]
