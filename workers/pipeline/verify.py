"""Verification: each claim against the reference table, as of the article's publication date."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from workers.pipeline.english import CURRENCY_FAMILIES, FAMILY_PLURALS, indefinite_article
from workers.pipeline.model import Claim, DateWindow, Evidence, Verdict
from workers.pipeline.reference import Fact, ReferenceTable, derived, designable, subject_types

AMOUNT_TOLERANCE = 0.01  # an amount stated plainly must be within 1%
HEDGED_TOLERANCE = 0.10  # "about $50 million": within 10%


def within(actual: float, stated: float, bound: str | None, exact_tolerance: float) -> bool:
    """Does `actual` satisfy a value stated with this bound ("about", "more than", "under", or plainly)?"""
    if bound == "min":
        return actual >= stated
    if bound == "max":
        return actual <= stated
    if bound == "above":
        return actual > stated
    if bound == "below":
        return actual < stated
    tolerance = HEDGED_TOLERANCE if bound == "approx" else exact_tolerance
    return abs(actual - stated) <= tolerance * actual


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")


_UNTIL = re.compile(r"(?:until|till)\b")  # a date that ends what the claim tells, not one it began
_FIT = {label: rank for rank, label in enumerate(("supported", "partially_supported", "outdated", "refuted"))}


def _window(claim: Claim) -> DateWindow:
    """The claim's resolved date window (claims without one are answered before this is asked)."""
    assert claim.date is not None and claim.date.window is not None
    return claim.date.window


def _date_text(claim: Claim) -> str:
    """The claim's date as written."""
    return claim.date.text.strip() if claim.date else ""


def fmt_day(day: dt.date) -> str:
    """A date as copy editors write it: July 25, 2025."""
    return f"{_MONTH_NAMES[day.month - 1]} {day.day}, {day.year}"


def fmt_window(w: DateWindow) -> str:
    """A date window in words, at its granularity."""
    if w.granularity == "day" or w.start == w.end:
        return fmt_day(w.start)
    if w.granularity == "month":
        whole = w.end.day == calendar.monthrange(w.end.year, w.end.month)[1]
        return f"{_MONTH_NAMES[w.start.month - 1]} {w.start.year}" + ("" if whole else f" up to {fmt_day(w.end)}")
    if w.granularity == "year":
        return str(w.start.year) + ("" if (w.end.month, w.end.day) == (12, 31) else f" up to {fmt_day(w.end)}")
    return f"between {fmt_day(w.start)} and {fmt_day(w.end)}"


def fmt_money(amount: float, currency: str) -> str:
    """$50 million, $25,000, €3.5 billion."""
    if currency in CURRENCY_FAMILIES:  # "3,000 million pesos": the currency word as written
        return f"{fmt_money(amount, '')} {FAMILY_PLURALS[currency]}".strip()
    symbol = {"USD": "$", "EUR": "€", "GBP": "£"}.get(currency, currency + " " if currency else "")
    for scale, word in ((1e9, "billion"), (1e6, "million")):
        if amount >= scale:
            return f"{symbol}{amount / scale:g} {word}"
    return f"{symbol}{amount:,.0f}"


def _up_to(f: Fact) -> str:
    """ "up to " for an amount the table records as a maximum (`bound: max`), else nothing."""
    return "up to " if f.attributes.get("bound") == "max" else ""


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


ONE_DAY = dt.timedelta(days=1)
FAR_BEYOND, FAR_BEYOND_BY = 3, 4  # a count over three times (and four more than) all the table knows: uncheckable
_LIST_NOUNS = {"list", "register", "registry", "roster", "blacklist"}  # "was designated on the SDN list"
_PLURAL_MEASURES = {"sanctions", "penalties", "restrictions", "measures"}  # "was designated under sanctions"


def _currency_family(currency: str) -> str:
    """The family a currency belongs to ("MXN": "PESO"), or the currency itself."""
    return next((family for family, members in CURRENCY_FAMILIES.items() if currency in members), currency)


class Verifier:
    """Judges claims against one table as of one publication date."""

    def __init__(self, table: ReferenceTable, published: dt.date | None) -> None:
        self.table = table
        self.published = published
        # a fact's evidence, and its dates, authorities and kinds in words, depend on the table only
        cache = derived(table)
        self._evidence: dict[str, Evidence] = cache.setdefault("evidence", {})
        self._words: dict[tuple[str, str] | tuple[str, str, bool], str] = cache.setdefault("words", {})
        # what a count of groups counts: organizations, and whatever else the table designates, not people
        designated = subject_types(table, "designation")
        # "groups" count organizations and the like, not people; unless people are all the table designates
        # ("five other Russian officials" against a table of warrants for persons)
        self._countable = designated if designated == {"person"} else ({"organization"} | designated) - {"person"}
        self._designable = designable(table)  # by their category

    # --- shared helpers -------------------------------------------------------------------
    def name(self, entity_id: str | None) -> str:
        """Display name of an entity id."""
        if entity_id is None:
            return "?"
        entity = self.table.entities.get(entity_id)
        return entity.name if entity else entity_id

    def kind_name(self, kind: str | None) -> str:
        """Display name of a designation kind."""
        return self.table.kinds[kind].name if kind is not None and kind in self.table.kinds else "a designation"

    def facts(self, subject: str | None, predicate: str) -> list[Fact]:
        """Facts of one predicate about a subject."""
        return [f for f in self.table.facts_by_subject.get(subject or "", ()) if f.predicate == predicate]

    def evidence(self, facts: Iterable[Fact]) -> tuple[Evidence, ...]:
        """Evidence entries for facts, without repeats (each fact is put in words once per check)."""
        out, seen = [], set()
        for f in facts:
            if f.id not in seen:
                seen.add(f.id)
                if f.id not in self._evidence:
                    self._evidence[f.id] = Evidence(f.id, f.sources, self.statement(f))
                out.append(self._evidence[f.id])
        return tuple(out)

    def statement(self, f: Fact) -> str:
        """The fact in words."""
        subjects = ", ".join(self.name(s) for s in f.subjects)
        when = self.when(f)
        if f.predicate == "designation":
            kinds = " and ".join(self.kind_name(k) for k in f.kinds)
            return f"{subjects}: {kinds}, by {self.authority(f)}, {when}"
        if f.predicate in self.table.single_valued and "amount" in f.attributes:
            return f"{subjects}: {fmt_money(f.attributes['amount'], f.attributes.get('currency', 'USD'))}, {when}"
        return f"{subjects}: {when}"

    def when(self, f: Fact) -> str:
        """The dates of a fact in words: "on February 19, 2025 (effective February 20, 2025)"."""
        key = ("when", f.id)
        if key not in self._words:
            self._words[key] = self._when(f)
        return self._words[key]

    def _when(self, f: Fact) -> str:
        a, e, o = f.announced, f.effective, f.occurred

        def at(w: DateWindow) -> str:
            return ("on " if w.granularity == "day" else "in ") + fmt_window(w)

        if f.predicate == "event" and f.until and (began := o or a) and began.start < f.until:
            text = f"from {fmt_window(began)} to {fmt_day(f.until)}"
        elif o and a and o != a:
            text = f"{at(o)} (made public {fmt_window(a)})"
        elif a and e and a != e:
            text = f"{at(a)} (effective {fmt_window(e)})"
        elif known := a or e or o:
            text = at(known)
        else:
            text = f"before {fmt_day(f.before)}" if f.before else "at an unrecorded date"
        return text + (" (the table marks it unverified)" if f.unverified else "")

    def authority(self, f: Fact) -> str:
        """The authorities of a fact in words."""
        key = ("authority", f.id)
        if key not in self._words:
            self._words[key] = " and ".join(self.name(a) for a in f.authorities) or "an unrecorded authority"
        return self._words[key]

    def authority_fits(self, claimed: str | None, f: Fact) -> bool:
        """A claimed authority fits when it is the fact's, part of it, or a broader one that contains it."""
        return not claimed or not f.authorities or self._authority_among(claimed, f.authorities)

    def _authority_among(self, claimed: str, authorities: Iterable[str]) -> bool:
        return any(claimed in self.table.ancestors(a) or a in self.table.ancestors(claimed) for a in authorities)

    def in_window(self, f: Fact, w: DateWindow) -> bool:
        """The fact can be referred to by a date inside the window (any day of an event that lasted)."""
        if any(x.overlaps(w) for x in f.windows()):
            return True
        if f.predicate == "designation" and f.announced and f.effective and (
                f.announced.start <= w.end and w.start <= f.effective.end):
            return True  # between announcement and entry into force: "MPs voted on Wednesday to approve the order"
        if f.predicate == "event" and f.until and f.first_day and f.first_day <= w.end and w.start <= f.until:
            return True
        return bool(f.before and not f.windows() and w.start < f.before)

    def in_force(self, f: Fact, day: dt.date, *, effective: bool = False) -> bool:
        """The fact held on `day` (from its announcement, or its effective date when asked)."""
        start = (f.effective.start if effective and f.effective else None) or f.first_day
        if start is None:
            return bool(f.before and day >= f.before)
        until = self.table.fact_date_until(f)
        return start <= day and (until is None or day <= until)

    def as_of(self) -> str:
        """"as of <publication date>" or the note that there is none."""
        return f"as of {fmt_day(self.published)}" if self.published else "in the table (no publication date was given)"

    # --- dispatch -------------------------------------------------------------------------
    def read(self, claim: Claim) -> tuple[Claim, Verdict]:
        """The claim about the entity it fits best, with its verdict: of the `alternatives` a shared name may mean
        ("mpox" for the 2022 and the 2024 emergency), the first whose verdict fits best, else the claim as found."""
        readings = [(claim, self.verdict(claim))]
        for other in claim.value.get("alternatives", ()):
            alternative = replace(claim, subject=other)
            readings.append((alternative, self.verdict(alternative)))
        return min(readings, key=lambda reading: _FIT.get(reading[1].label, len(_FIT)))

    def verdict(self, claim: Claim) -> Verdict:
        """The verdict on one claim."""
        if claim.subject is None and claim.subject_name:
            return Verdict("unverifiable", f"The reference table does not know {claim.subject_name}, so the claim "
                                           "cannot be checked.")
        if claim.date is not None and claim.date.window is None:
            return Verdict("unverifiable", f"The date \"{claim.date.text}\" cannot be resolved without a "
                                           "publication date, so the claim cannot be checked.")
        if claim.date is not None and claim.date.open_ended and self.published:
            if claim.type in ("reward", "designation") and claim.value.get("past"):
                pass  # "had been on the list since March 2022": true of that time, whatever came after
            elif claim.type in ("reward", "designation"):
                return self._since(claim)  # "since X" asserts the state at publication, begun by X
            else:
                since = _window(claim)
                claim = replace(claim, date=replace(claim.date, window=DateWindow(
                    since.start, max(since.start, self.published), "range")))
        window = claim.date.window if claim.date else None
        if window and claim.date and self.published and window.start <= self.published < window.end:
            # "this year", "this month": as of publication, only what had happened by then
            claim = replace(claim, date=replace(claim.date, window=DateWindow(
                window.start, self.published, window.granularity)))
        place = self.table.places.get(claim.value.get("authority_place") or "")
        if actor := (place.name if place else claim.value.get("authority_unknown")):  # a maker the table lacks
            return Verdict("unverifiable", f"The reference table records no designations by {actor}, so the claim "
                                           "cannot be checked.")
        if claim.type == "designation" and claim.value.get("removed"):
            return self.removal(claim)
        if claim.type == "designation" and claim.value.get("negated"):
            return self.negated(claim)
        judge: dict[str, Callable[[Claim], Verdict]] = {
            "designation": self.designation, "reward": self.reward,
            "designation_count": self.count, "event_date": self.event,
        }
        return judge[claim.type](claim)

    def _since(self, claim: Claim) -> Verdict:
        """A state said to hold "since X": as of publication, and begun by the end of X (a designation made in
        2022 has not held "since 2020")."""
        since = _window(claim)
        if claim.type == "designation" and self.published and not claim.value.get("negated"):
            kind, claimed = claim.value.get("kind"), claim.value.get("authority")
            began = [f for f in self.facts(claim.subject, "designation") if self._covers(f, kind)
                     and self.authority_fits(claimed, f) and self.in_force(f, self.published)
                     and self.in_window(f, since)]  # of the designations in force, the one begun then ("banned
            if began:  # since April 2024" when other countries listed it later)
                return self._designation_found(claim, began, self.name(claim.subject), self.kind_name(kind))
        verdict = self.verdict(replace(claim, date=None))
        if verdict.label != "supported" or claim.value.get("negated"):
            return verdict
        subject = {f.id: f for f in self.table.facts_by_subject.get(claim.subject or "", ())}
        facts = [f for e in verdict.evidence if (f := subject.get(e.fact_id)) and f.first_day]
        start = min((day for f in facts if (day := f.first_day)), default=None)
        began_elsewhere = claim.type == "designation" and not any(self.in_window(f, since) for f in facts)
        if start and (start > since.end or began_elsewhere):  # "since 2020" for 2022: it did not hold then, a wrong
            # date; "banned since 2011" for 2001: true since 2011, but not when it began
            return Verdict("refuted" if start > since.end else "partially_supported",
                           f"{verdict.explanation[:-1]}: since {fmt_day(start)}, not {_date_text(claim)}.",
                           verdict.evidence)
        return verdict

    # --- designation ----------------------------------------------------------------------
    def _covers(self, f: Fact, kind: str | None) -> bool:
        if kind is None:
            return True
        return any(self.table.kind_covers(k, kind) for k in f.kinds)

    def designation(self, claim: Claim) -> Verdict:
        """Was the group designated as the claim says, when it says?"""
        subject, kind = claim.subject, claim.value.get("kind")
        name, kname = self.name(subject), self.kind_name(kind)
        facts = self.facts(subject, "designation")
        if not facts:
            return Verdict("unverifiable", f"The reference table records no designation of {name}.")
        same = [f for f in facts if self._covers(f, kind)]
        other = [f for f in facts if not self._covers(f, kind)]
        window = claim.date.window if claim.date else None
        said = f" {claim.date.text.strip()}" if claim.date else ""
        if window:
            hit = [f for f in same if self.in_window(f, window)]
            if hit:
                found = self._designation_found(claim, hit, name, kname)
                return self._ended_since(found, hit[0]) if claim.value.get("past") else found
            alt = [f for f in other if self.in_window(f, window)]
            later = [f for f in same if f.first_day and f.first_day > window.end]
            if alt:
                tail = f"; it became one only {self.when(later[0])}" if later else ""
                f = alt[0]  # (a kind it took only later: not true then, refuted; another kind: half right)
                return Verdict("refuted" if later else "partially_supported",
                               f"{name} was designated {self._kinds(f)} by {self.authority(f)} {self.when(f)}, "
                               f"not {self._as_designated(kname)}{tail}.", self.evidence(alt + later))
            if same:
                f = same[0]
                pub_ok = self.published is None or (f.first_day and f.first_day <= self.published)
                verb = "was designated" if pub_ok else "was designated only later:"
                return Verdict("refuted", f"{name} {verb} {self._named_kind(kind, f)} by {self.authority(f)} "
                                      f"{self.when(f)}, "
                                      f"not {fmt_window(window)} as stated{said and ''}.", self.evidence(same))
            return Verdict("refuted", f"The table records no designation of {name} as {self._a(kname)}; "
                                      f"it records {self._describe(other)}.", self.evidence(other))
        day = self.published
        if day is None:
            if same:
                return self._designation_found(claim, same, name, kname)
            return Verdict("refuted", f"The table records no designation of {name} as {self._a(kname)}; "
                                      f"it records {self._describe(other)}.", self.evidence(other))
        now = sorted((f for f in same if self.in_force(f, day)), key=lambda f: f.first_day or dt.date.min,
                     reverse=True)
        earlier = [f for f in same if f.first_day and f.first_day <= day]
        claimed = claim.value.get("authority")
        if now and claim.value.get("past") and not any(self.authority_fits(claimed, f) for f in now):
            earlier = [f for f in earlier if self.authority_fits(claimed, f)]  # "Washington sanctioned X" in 2024,
            now = [] if earlier else now  # since lifted, while others' sanctions stand: Washington's, of its time
        if now:
            return self._designation_found(claim, now, name, kname)
        if claim.value.get("past") and earlier:  # "had been designated": true of its time
            return self._ended_since(self._designation_found(claim, earlier, name, kname), earlier[0])
        ended = [(f, u) for f in same if (u := self.table.fact_date_until(f)) and u < day]
        if ended:
            f, until = ended[0]
            return Verdict("outdated", f"{name} was designated {self._named_kind(kind, f)} {self.when(f)}, "
                                       f"but that ended on {fmt_day(until)}.", self.evidence([f for f, _ in ended]))
        later = [f for f in same if f.first_day and f.first_day > day]
        alt = [f for f in other if self.in_force(f, day)]
        if alt:
            tail = f"; it became {self._a(kname)} only {self.when(later[0])}" if later else ""
            f = alt[0]
            return Verdict("refuted" if later else "partially_supported",
                           f"{_upper_first(self.as_of())}, {name} was designated {self._kinds(f)} by "
                           f"{self.authority(f)} ({self.when(f)}), not {self._as_designated(kname)}{tail}.",
                           self.evidence(alt + later))
        if later:
            f = later[0]
            return Verdict("refuted", f"{name} was not designated {self._as_designated(kname)} {self.as_of()}; "
                                      f"that happened only {self.when(f)}.", self.evidence(later))
        return Verdict("refuted", f"The table records no designation of {name} as {self._a(kname)} "
                                  f"{self.as_of()}.", self.evidence(facts))

    def negated(self, claim: Claim) -> Verdict:
        """A denial ("X has not been designated an FTO") is true where the assertion is not."""
        positive = self.designation(replace(claim, value={**claim.value, "negated": False}))
        label = {"supported": "refuted", "refuted": "supported", "partially_supported": "supported",
                 "outdated": "supported"}.get(positive.label, positive.label)
        said = {"supported": "The denial is right: ", "refuted": "The denial is wrong: "}.get(label, "")
        return Verdict(label, said + positive.explanation, positive.evidence)

    def removal(self, claim: Claim) -> Verdict:
        """Did the group's designation (as the kind named) end, when the claim says ("was taken off the grey list
        in February")? Its last day is the fact's `until`; the day after counts too (a removal takes effect then)."""
        subject, kind = claim.subject, claim.value.get("kind")
        name = self.name(subject)
        same = [f for f in self.facts(subject, "designation") if self._covers(f, kind)]
        if not same:
            what = f" as {self._a(self.kind_name(kind))}" if kind else ""
            return Verdict("unverifiable", f"The reference table records no designation of {name}{what}.")
        window = claim.date.window if claim.date else None
        horizon = window.end if window else self.published
        ends = [(f, u) for f in same if (u := self.table.fact_date_until(f))]
        ended = [(f, u) for f, u in ends if horizon is None or u <= horizon]
        if window:
            hit = [(f, u) for f, u in ended if window.start <= u + ONE_DAY and u <= window.end]
            if hit:
                f, u = hit[0]
                return Verdict("supported", f"{name} was designated {self._kinds(f)} {self.when(f)}, and that ended "
                                            f"on {fmt_day(u)}.", self.evidence([f]))
            if ends and (self.published is None or ends[0][1] <= self.published):
                f, u = ends[0]
                kinds = self._kinds(f, designated=False)
                return Verdict("partially_supported", f"{name}'s designation as {kinds} ended on {fmt_day(u)}, not "
                                                      f"{fmt_window(window)}.", self.evidence([f]))
        elif ended:
            f, u = ended[-1]
            return Verdict("supported", f"{name} was designated {self._kinds(f)} {self.when(f)}, and that ended on "
                                        f"{fmt_day(u)}.", self.evidence([f]))
        day = horizon or self.published
        held = [f for f in same if day is not None and self.in_force(f, day)]
        later = [(f, u) for f, u in ends if day is not None and u > day]
        tail = f"; that ended only on {fmt_day(later[0][1])}" if later else ""
        if held and day is not None:
            f = held[0]
            when = f"on {fmt_day(day)}" if window else self.as_of()
            return Verdict("refuted", f"{_upper_first(when)}, {name} was still designated {self._kinds(f)} "
                                      f"({self.when(f)}){tail}.", self.evidence([f, *(g for g, _ in later[:1])]))
        return Verdict("refuted", f"The table records no end to a designation of {name}{tail}.", self.evidence(same))

    def _named_kind(self, kind: str | None, f: Fact) -> str:
        """The claimed kind with its article, or the fact's own kinds when the claim names none."""
        return self._as_designated(self.kind_name(kind)) if kind else self._kinds(f)

    def _designation_found(self, claim: Claim, hit: list[Fact], name: str, kname: str) -> Verdict:
        f = hit[0]
        claimed = claim.value.get("authority")
        kind = claim.value.get("kind")
        if not any(self.authority_fits(claimed, x) for x in hit):
            allowed = self.table.kinds[kind].authorities if kind is not None and kind in self.table.kinds else ()
            only = (f" (only {' or '.join(self.name(a) for a in allowed)} can make that designation)"
                    if allowed and claimed and not self._authority_among(claimed, allowed) else "")
            return Verdict("partially_supported",
                           f"{name} was designated {self._named_kind(kind, f)} by {self.authority(f)} {self.when(f)}, "
                           f"not by {self.name(claimed)}{only}.", self.evidence(hit))
        return Verdict("supported", f"{name} was designated {self._kinds(f)} by {self.authority(f)} {self.when(f)}.",
                       self.evidence(hit))

    def _ended_since(self, found: Verdict, f: Fact) -> Verdict:
        """A designation found true of its time, told as past: say when it ended, if it has by publication."""
        until = self.table.fact_date_until(f)
        if found.label != "supported" or not until or not self.published or until >= self.published:
            return found
        return replace(found, explanation=f"{found.explanation[:-1]}; that ended on {fmt_day(until)}.")

    def _kinds(self, f: Fact, designated: bool = True) -> str:
        """The fact's kinds in words: as they follow "was designated" ("on the SDN list"), else with an article."""
        key = ("kinds", f.id, designated)
        if key not in self._words:
            form = self._as_designated if designated else self._a
            self._words[key] = " and ".join(form(self.kind_name(k)) for k in f.kinds) or "under an unrecorded kind"
        return self._words[key]

    def _describe(self, facts: list[Fact]) -> str:
        return "; ".join(f"{self._kinds(f, designated=False)} by {self.authority(f)} {self.when(f)}"
                         for f in facts) or "nothing"

    @staticmethod
    def _a(phrase: str) -> str:
        if phrase.startswith(("a ", "an ", "the ")) or phrase.endswith("designation"):
            return phrase
        return f"{indefinite_article(phrase)} {phrase}"

    @classmethod
    def _as_designated(cls, phrase: str) -> str:
        """A kind's name as it follows "was designated": "a World Heritage Site", "on the SDN list", "under
        sanctions"."""
        last = phrase.rsplit(" ", 1)[-1].lower()
        if last in _LIST_NOUNS:
            return "on the " + phrase
        if last in _PLURAL_MEASURES:
            return "under " + phrase
        return cls._a(phrase)

    # --- reward ---------------------------------------------------------------------------
    def reward(self, claim: Claim) -> Verdict:
        """Was this amount offered for this person, when the claim says?"""
        name = self.name(claim.subject)
        facts = sorted(self.facts(claim.subject, "reward"), key=lambda f: f.first_day or dt.date.min)
        amount, currency = claim.value["amount"], claim.value["currency"]
        stated = fmt_money(amount, currency)
        if not facts:
            return Verdict("unverifiable", f"The reference table records no reward for {name}.")
        def same(f: Fact) -> bool:
            value, theirs = f.attributes.get("amount"), f.attributes.get("currency", "USD")
            return ((theirs == currency or theirs in CURRENCY_FAMILIES.get(currency, ())) and value is not None
                    and within(value, amount, claim.value.get("bound"), AMOUNT_TOLERANCE))

        def money(f: Fact) -> str:
            return fmt_money(f.attributes["amount"], f.attributes.get("currency", "USD"))

        window = claim.date.window if claim.date else None
        matching = [f for f in facts if same(f)]
        if window and claim.date and _UNTIL.match(claim.date.text.lower()):  # "until 2014 it carried $250,000":
            hit = [f for f in matching if self.in_force(f, window.start) or self._ends_in(f, window)]  # it stood then
            if hit:
                return self._reward_found(claim, hit[0], facts, name)
        if window:
            hit = [f for f in matching if self.in_window(f, window)]
            if hit:
                return self._reward_found(claim, hit[0], facts, name)
            if matching:
                f = matching[0]
                return Verdict("partially_supported", f"The {stated} reward for {name} was announced "
                                                      f"{self.when(f)}, not {fmt_window(window)}.",
                               self.evidence(matching))
            then = [f for f in facts if self.in_window(f, window)]
            if then:
                return Verdict("refuted", f"The reward for {name} announced {fmt_window(window)} was "
                                          f"{money(then[0])}, not {stated}.", self.evidence(then))
        day = self.published
        current = [f for f in facts if day is None or self.in_force(f, day)]
        cur = current[-1] if current else None
        if in_force := next((f for f in reversed(current) if same(f)), None):  # several at once where rewards do
            return self._reward_found(claim, in_force, facts, name)  # not replace one another (prize money per event)
        earlier = [f for f in matching if day and f.first_day and f.first_day <= day]
        if claim.value.get("past") and earlier:  # "had offered $10 million": true then, whatever it is now
            return self._reward_found(claim, earlier[-1], facts, name)
        if matching and cur and day:
            f = matching[0]
            if f.first_day and f.first_day <= day and (until := self.table.fact_date_until(f)):
                return Verdict("outdated", f"{stated} was the reward for {name} from {fmt_day(f.first_day)} until "
                                           f"{fmt_day(until)}; {self.as_of()} it was "
                                           f"{money(cur)} ({cur.announced and fmt_window(cur.announced)}).",
                               self.evidence([f, cur]))
            return Verdict("refuted", f"{_upper_first(self.as_of())} the reward for {name} was {money(cur)}; "
                                      f"{stated} was offered only "
                                      f"{f'from {fmt_day(f.first_day)}' if f.first_day else self.when(f)}.",
                           self.evidence([cur, f]))
        if cur:
            return Verdict("refuted", f"{_upper_first(self.as_of())} the reward for {name} was {money(cur)} "
                                      f"({self.when(cur)}), not {stated}.", self.evidence([cur]))
        return Verdict("refuted", f"No reward for {name} was in force {self.as_of()}; the first was announced "
                                  f"{self.when(facts[0])}.", self.evidence(facts[:1]))

    def _ends_in(self, f: Fact, window: DateWindow) -> bool:
        """Did the fact stop holding within the window?"""
        until = self.table.fact_date_until(f)
        return until is not None and window.start <= until <= window.end

    def _reward_found(self, claim: Claim, f: Fact, facts: list[Fact], name: str) -> Verdict:
        stated = fmt_money(claim.value["amount"], claim.value["currency"])
        prev_claimed = claim.value.get("previous_amount")
        idx = facts.index(f)
        if prev_claimed is not None:  # the offer before it in the same currency ("doubles its reward to $10
            # million" from $5 million, not from the 30 million pesos Mexico offered in between)
            mine = _currency_family(f.attributes.get("currency", "USD"))
            prev = next((p for p in reversed(facts[:idx])
                         if _currency_family(p.attributes.get("currency", "USD")) == mine), None)
            prev_amount = prev.attributes.get("amount") if prev else None
            if prev_amount is None or abs(prev_amount - prev_claimed) > AMOUNT_TOLERANCE * prev_amount:
                was = (f"it was raised from {fmt_money(prev_amount, prev.attributes.get('currency', 'USD'))}"
                       if prev and prev_amount is not None else "no earlier reward is recorded")
                return Verdict("partially_supported",
                               f"The reward for {name} was set at {stated} {self.when(f)}, but {was}, not from "
                               f"{fmt_money(prev_claimed, claim.value['currency'])}.",
                               self.evidence([f, *([prev] if prev else [])]))
        claimed = claim.value.get("authority")
        if not self.authority_fits(claimed, f):
            return Verdict("partially_supported", f"The {stated} reward for {name} was announced by "
                                                  f"{self.authority(f)} {self.when(f)}, not by {self.name(claimed)}.",
                           self.evidence([f]))
        return Verdict("supported", f"{_upper_first(self.authority(f))} announced a reward of {_up_to(f)}{stated} for "
                                    f"{name} {self.when(f)}.", self.evidence([f]))

    # --- counts ---------------------------------------------------------------------------
    def _fits(self, subject: str, value: dict) -> bool:
        """The subject is a group of the claim's category, nationality and region."""
        e = self.table.entities[subject]
        if value.get("people"):  # "17 Saudis", "six nationals": people, whatever else the table designates
            if e.type != "person":
                return False
        elif "*" in value["categories"]:
            if e.type not in self._countable and not (value.get("with_people") and e.type == "person"):
                # "groups": organizations and the like, not people ("people and organizations": both)
                return False
        elif e.type not in self._designable or not set(value["categories"]) & set(e.categories):
            return False
        if not value["places"] and not value["regions"]:
            return True
        regions = self.table.places[e.country].regions if e.country and e.country in self.table.places else ()
        return e.country in value["places"] or bool(set(value["regions"]) & {*regions, e.country})
        # (either: "three more groups from Ecuador and Central America")

    def _candidates(self, claim: Claim, kind: str | None,
                    horizon: dt.date | None) -> list[tuple[Fact, tuple[str, ...]]]:
        """Designation facts of a kind, known by `horizon`, with the subjects that fit the claim's qualifiers."""
        fits: dict[str, bool] = {}
        out = []
        facts = self.table.designations(kind)
        if horizon is not None:  # facts are sorted by first day: later ones cannot count
            facts = facts[:bisect.bisect_right(facts, horizon, key=lambda f: f.first_day or dt.date.min)]
        claimed = claim.value.get("authority")
        for f in facts:
            if not self.authority_fits(claimed, f):  # "EU finance ministers ... the blacklist": not the FATF's
                continue
            for s in f.subjects:
                if s not in fits:
                    fits[s] = self._fits(s, claim.value)
            subjects = tuple(s for s in f.subjects if fits[s])
            if subjects:
                out.append((f, subjects))
        return out

    @staticmethod
    def _actions(candidates: list[tuple[Fact, tuple[str, ...]]],
                 test: Callable[[Fact], bool]) -> list[tuple[Fact, list[str]]]:
        """Designation actions (facts announced together by one authority) and their fitting subjects."""
        actions: dict[tuple, tuple[Fact, list[str]]] = {}
        for f, subjects in candidates:
            if test(f):
                key = (f.announced, f.authorities)
                actions.setdefault(key, (f, []))[1].extend(s for s in subjects if s not in actions[key][1])
        return list(actions.values())

    @staticmethod
    def _subjects(candidates: list[tuple[Fact, tuple[str, ...]]], test: Callable[[Fact], bool]) -> list[str]:
        """Distinct subjects of the candidate facts that pass `test`, in table order."""
        return list(dict.fromkeys(s for f, subjects in candidates if test(f) for s in subjects))

    def _announced_by_publication(self, f: Fact) -> bool:
        """Was the fact announced by the publication date?"""
        return bool(f.announced and self.published and f.announced.end <= self.published)

    def count(self, claim: Claim) -> Verdict:
        """Does the number of designated groups match the table at the claim's scope?"""
        value = claim.value
        n, kind = value["count"], value.get("kind")
        window = claim.date.window if claim.date else None
        kname = self.kind_name(kind) if kind else None
        desig = f"with {self._a(kname)} designation" if kname else "with a designation of any kind"

        def what(k: int) -> str:
            return f"{k} {self._count_noun(value, k)}"

        def ok(found: int) -> bool:
            bound = value.get("bound")
            if bound in ("min", "max", "above", "below"):
                return within(found, n, bound, 0.0)
            return found == n or (bound == "approx" and abs(found - n) <= 1)

        as_of = window is not None and bool(value.get("ordinal") and window.granularity == "day"
                                            or value.get("as_of"))
        if window is not None and as_of:
            end = window.end

            def test(f: Fact) -> bool:  # "the 15th group to be named an FTO" on Dec. 16: all of them by then
                return self.in_force(f, end) or self.in_force(f, end, effective=True)

            scope = f"as of {fmt_day(end)}"
        elif window is not None:
            scoped = window

            def test(f: Fact) -> bool:
                return self.in_window(f, scoped)

            scope = "made " + ("on " if window.granularity == "day" else "in " if window.granularity != "range" else "")
            scope += fmt_window(window)
        elif (published := self.published) is not None:
            def test(f: Fact) -> bool:
                return self.in_force(f, published) or self.in_force(f, published, effective=True)

            scope = self.as_of()
        else:
            def test(f: Fact) -> bool:
                return True

            scope = "in the table"
        horizon = max(window.end, self.published) if window and self.published else (
            window.end if window else self.published)
        if (claimed := value.get("authority")) and not any(
                f.authorities and self.authority_fits(claimed, f) for f in self.table.designations(None)):
            return Verdict("unverifiable", f"The table records no designation by {self.name(claimed)}, so a count "
                                           f"of what it designated cannot be checked.")
        candidates = self._candidates(claim, kind, horizon)
        found = self._subjects(candidates, test)
        facts = [f for f, _ in candidates if test(f)]
        names = ", ".join(self.name(s) for s in found)
        if ok(len(found)):
            return Verdict("supported", f"The table lists {what(len(found))} {desig} {scope}: {names}.",
                           self.evidence(facts))
        # one action of n: "earlier this year, ... designated eight groups" (not "since February": all since
        # then); undated and not told as what stands, "The first ban barred seven countries", "the first round hit
        # eight groups": any action before publication
        one_act: Callable[[Fact], bool] | None = None
        if window and window.granularity in ("range", "year") and not (claim.date and claim.date.open_ended):
            one_act = test
        elif not window and self.published and (value.get("past_act") or not value.get("state")):
            one_act = self._announced_by_publication
        if one_act is not None:
            for action, subjects in self._actions(candidates, one_act):
                if ok(len(subjects)):
                    return Verdict("supported", f"One designation {scope + ' ' if window else ''}covered "
                                                f"{what(len(subjects))} {desig}, {self.when(action)}: "
                                                f"{', '.join(map(self.name, subjects))}.", self.evidence([action]))
        if not window and self.published and (value.get("past_act") or value.get("made_by_now")):
            made = self._subjects(candidates, self._announced_by_publication)
            if made and ok(len(made)):
                # "Washington sanctioned 17 individuals" under a program since revoked, "the WHO has declared
                # eight emergencies": all it ever designated
                return Verdict("supported", f"The table lists {what(len(made))} {desig} made by "
                                            f"{fmt_day(self.published)} in all, whether or not still in force: "
                                            f"{', '.join(map(self.name, made))}.",
                               self.evidence([f for f, _ in candidates if self._announced_by_publication(f)]))
        for broader in self.table.kinds[kind].implies if kind is not None and kind in self.table.kinds else ():
            wide = self._subjects(self._candidates(claim, broader, horizon), test)
            if ok(len(wide)):
                extra = ", ".join(self.name(s) for s in wide if s not in found)
                return Verdict("partially_supported",
                               f"{n} holds only if {extra} is counted, which had {self._a(self.kind_name(broader))} "
                               f"designation but not {self._a(self.kind_name(kind))} one; the table lists "
                               f"{what(len(found))} "
                               f"{desig} {scope}.", self.evidence(facts))
        since = window if window and claim.date and claim.date.open_ended else None
        standing = since or value.get("state") or value.get("made_by_now")  # what stands, not one act told
        if (not window or since) and self.published and standing:
            days = sorted({f.first_day for f, _ in candidates if f.first_day and f.first_day < self.published
                           and (since is None or since.start <= f.first_day)})
            for day in reversed(days):  # "since February, ... designated 12" when a 13th came later: outdated
                def held_then(x: Fact, d: dt.date = day) -> bool:
                    return self.in_force(x, d) if since is None else self.in_window(x, DateWindow(since.start, d,
                                                                                                   "range"))

                then = self._subjects(candidates, held_then)
                if then and ok(len(then)):
                    return Verdict("outdated", f"The table lists {what(len(then))} {desig} on {fmt_day(day)}, "
                                               f"which fits the claim, but {len(found)} {self.as_of()}: {names}.",
                                   self.evidence(facts))
        known = len(found) if window and found and not (as_of or value.get("ordinal")) else len(
            self._subjects(candidates, lambda f: True))
        if n > max(FAR_BEYOND * known, known + FAR_BEYOND_BY):  # "more than 70 groups" against a table of five
            # (or, at a stated date, "22 groups in January 2024" against the four the table records then)
            return Verdict("unverifiable", f"The table records only {what(known)} {desig} in all, far fewer than "
                                           f"{n}: it does not cover them all, so the count cannot be checked.",
                           self.evidence(facts))
        if window is not None and not found and not as_of and not since and not any(
                ok(len(subjects)) for _, subjects in self._actions(candidates, lambda f: True)):
            # "Treasury sanctions nine targets in Shwe Kokko" on a day the table records nothing of, and no action
            # of nine at another date: the table does not hold that action, it does not say there was none
            return Verdict("unverifiable", f"The table records no {self._count_noun(value, 0)} {desig} {scope}, nor "
                                           f"any other action covering {n}: it does not hold the one counted, so "
                                           f"the count cannot be checked.")
        return Verdict("refuted", f"The table lists {what(len(found))} {desig} {scope}, not {n}"
                                  + (f": {names}." if names else "."), self.evidence(facts))

    def _count_noun(self, value: dict, number: int) -> str:
        cats = ["*"] if "*" in value["categories"] else value["categories"]
        many = number != 1
        nouns = [self.table.lexicon.first_phrase("category", c, many) or ("group" if c == "*" else c)
                 + ("s" if many else "") for c in cats]
        noun = ("people" if many else "person") if value.get("people") else " and ".join(
            ["people"] * bool(value.get("with_people")) + nouns)
        quals = [self.table.places[p].name for p in value["places"] + value["regions"] if p in self.table.places]
        return noun + (f" from {' / '.join(quals)}" if quals else "")

    # --- events ---------------------------------------------------------------------------
    def event(self, claim: Claim) -> Verdict:
        """Did the event take place when the claim says?"""
        name = self.name(claim.subject)
        facts = self.facts(claim.subject, "event")
        if not facts:
            return Verdict("unverifiable", f"The reference table has no date for {name}.")
        window = _window(claim)
        phase = claim.value.get("phase")
        hit = [f for f in facts if self._event_fits(f, window, phase)]
        if hit:
            f = hit[0]
            wrong = claim.value.get("misdescribed_as")
            if wrong:
                note = f" ({f.note})" if f.note else ""
                entity = self.table.entities.get(claim.subject or "")
                term = entity.misdescriptions[0] if entity and entity.misdescriptions else wrong.lower()
                return Verdict("partially_supported", f"{name} took place {self.when(f)} as stated, but it was "
                                                      f"not {self._a(term)}{note}.",
                               self.evidence(hit))
            return Verdict("supported", f"{name} took place {self.when(f)}.", self.evidence(hit))
        f = facts[0]
        if phase and f.until and any(self.in_window(x, window) for x in facts):
            day = fmt_day(f.first_day if phase == "start" else f.until) if f.first_day else "?"
            return Verdict("refuted", f"{name} took place {self.when(f)}: it {'began' if phase == 'start' else 'ended'}"
                                      f" on {day}, not {fmt_window(window)}.", self.evidence(facts))
        return Verdict("refuted", f"{name} took place {self.when(f)}, not {fmt_window(window)}.",
                       self.evidence(facts))

    def _event_fits(self, f: Fact, w: DateWindow, phase: str | None) -> bool:
        """A date said of an event's opening or close is checked against that day; any other, against its days."""
        if phase and f.until and f.first_day:
            day = f.first_day if phase == "start" else f.until
            return w.start <= day <= w.end
        return self.in_window(f, w)
