"""A synthetic reference table for scale tests: the real table plus N made-up organizations and their facts.

Names are built from pronounceable random syllables (seeded, deterministic) in the shapes real group names
take ("Los Karvenos", "Cartel de Miltaro", "Brovanti Syndicate", "KVM"), each with three aliases. Designation
facts are dated after any article the bench checks, so the verdicts of real claims stay the same while the
engine still carries (and scans) every synthetic fact.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

REFERENCE = Path(__file__).resolve().parents[1] / "reference"
DEFAULT_ENTITIES = 100_000
FACT_EVERY = 10  # one designation fact per this many synthetic entities
FACT_DAYS = (dt.date(2031, 1, 1), dt.date(2035, 12, 31))  # after every dev article

_ONSETS = ("b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "j", "k", "kr", "l", "m", "n", "p", "pr", "qu",
           "r", "s", "t", "tr", "v", "x", "z", "zh")
_VOWELS = ("a", "e", "i", "o", "u", "a", "e", "o", "ia", "ue")
_CODAS = ("", "", "", "", "n", "r", "l", "s", "x", "m")
_ENDINGS = ("o", "a", "i", "an", "el", "is", "ur", "eno", "ano", "ito", "ara", "ov", "eth", "ix")
_CONSONANTS = "BCDFGHJKLMNPRSTVXZ"
_WORD = re.compile(r"[a-z0-9]+")


def _fold(text: str) -> tuple[str, ...]:
    if text.isascii():
        return tuple(_WORD.findall(text.lower()))
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return tuple(_WORD.findall("".join(c for c in decomposed if not unicodedata.combining(c))))


def _slug(text: str) -> str:
    return "-".join(_fold(text))


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def _initials(phrase: str) -> str:
    return "".join(w[0] for w in phrase.split() if w[:1].isupper())


class _Names:
    """Unique pseudo-words and phrases: nothing in `avoid`, no phrase used twice."""

    def __init__(self, rng: random.Random, avoid: set[str]) -> None:
        self.rng = rng
        self.avoid = avoid
        self.words: set[str] = set()
        self.phrases: set[tuple[str, ...]] = set()

    def word(self) -> str:
        """A fresh capitalised pseudo-word of two or three syllables."""
        rng = self.rng
        while True:
            parts = [rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
                     for _ in range(rng.choice((1, 1, 2)))]
            word = "".join(parts) + rng.choice(_ONSETS) + rng.choice(_ENDINGS)
            if 5 <= len(word) <= 11 and word not in self.avoid and word not in self.words:
                self.words.add(word)
                return _cap(word)

    def acronym(self, hint: str) -> str:
        """A 3-5 capital-letter acronym, from the name's initials when they are long enough."""
        rng = self.rng
        letters = hint if 3 <= len(hint) <= 5 else ""
        while True:
            if not letters:
                letters = "".join(rng.choice(_CONSONANTS) for _ in range(rng.choice((3, 4, 4, 5))))
            if self.take(letters):
                return letters
            letters = ""

    def take(self, phrase: str) -> bool:
        """Reserve a phrase; False if it, or a word of it, is taken or avoided."""
        key = _fold(phrase)
        if key in self.phrases or (len(key) == 1 and key[0] in self.avoid):
            return False
        self.phrases.add(key)
        return True


def _shapes() -> list[Callable[[_Names], tuple[str, list[str]]]]:
    """Name shapes: each returns a canonical name and its three aliases."""

    def los(n: _Names) -> tuple[str, list[str]]:
        w = n.word()
        art = n.rng.choice(("Los", "Las"))
        return f"{art} {w}s", [f"{w}s", f"{w}s gang", n.acronym("")]

    def cartel_de(n: _Names) -> tuple[str, list[str]]:
        w = n.word()
        prep = n.rng.choice(("de", "del", "de los"))
        name = f"{n.rng.choice(('Cartel', 'Cártel'))} {prep} {w}"
        second = n.rng.choice((f"Cartel {w}", f"{w} drug cartel", f"{w} Organization"))
        return name, [f"{w} Cartel", second, n.acronym("C" + prep[0].upper() + w[0])]

    def syndicate(n: _Names) -> tuple[str, list[str]]:
        w = n.word()
        noun = n.rng.choice(("Syndicate", "Organization", "Network", "Brotherhood", "Group"))
        return f"{w} {noun}", [w, f"the {w} {noun.lower()}", n.acronym(w[0] + noun[0] + n.rng.choice(_CONSONANTS))]

    def two_words(n: _Names) -> tuple[str, list[str]]:
        a, b = n.word(), n.word()
        return f"{a} {b}", [f"{a} {b} gang", f"{b} {a}", n.acronym("")]

    def de_place(n: _Names) -> tuple[str, list[str]]:
        a, b = n.word(), n.word()
        head = n.rng.choice(("Tren", "Banda", "Clan", "Frente", "Bloque", "Mara"))
        name = f"{head} de {a} {b}" if n.rng.random() < 0.3 else f"{head} de {a}"
        english = {"Tren": "Train", "Banda": "Band", "Clan": "Clan", "Frente": "Front", "Bloque": "Bloc",
                   "Mara": "Mara"}[head]
        return name, [f"{a} {english}", f"{head} {a}", n.acronym(_initials(name.replace(" de ", " ")))]

    def hermandad(n: _Names) -> tuple[str, list[str]]:
        w = n.word()
        head, english = n.rng.choice((("Hermandad", "Brotherhood"), ("Ejército", "Army"),
                                      ("Fuerzas", "Forces"), ("Comando", "Command"), ("Familia", "Family")))
        return f"{head} {w}", [f"{w} {english}", f"{english} of {w}", n.acronym(head[0] + w[0])]

    def nueva(n: _Names) -> tuple[str, list[str]]:
        a, b = n.word(), n.word()
        adj, english = n.rng.choice((("Nueva", "New"), ("Gran", "Great"), ("Santa", "Holy"), ("Viejo", "Old")))
        return f"{adj} {a} {b}", [f"{english} {a} {b}", f"{a} {b}", n.acronym(adj[0] + a[0] + b[0])]

    def kartel(n: _Names) -> tuple[str, list[str]]:
        w = n.word()
        noun = n.rng.choice(("Kartel", "Clan", "Mafia", "Posse", "Crew"))
        return f"{w} {noun}", [f"{w}{n.rng.choice(('ovi', 'ski', 'eri', 'ens'))}", f"{noun} {w}", n.acronym("")]

    return [los, cartel_de, syndicate, two_words, de_place, hermandad, nueva, kartel]


def synthetic_entities(count: int = DEFAULT_ENTITIES, seed: int = 7,
                       avoid: Iterable[str] = ()) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """`count` synthetic organizations (canonical name + three aliases) and one designation fact per FACT_EVERY."""
    rng = random.Random(seed)
    names = _Names(rng, {w.lower() for w in avoid})
    shapes = _shapes()
    categories = ("cartel", "gang", "faction", "coalition")
    countries = ("mexico", "venezuela", "el-salvador", "haiti", "ecuador", "colombia")
    entities: list[dict[str, Any]] = []
    ids: set[str] = set()
    while len(entities) < count:
        name, aliases = rng.choice(shapes)(names)
        if not names.take(name) or not all(a == aliases[-1] or names.take(a) for a in aliases):
            continue  # acronyms are reserved by `acronym`; a taken name or alias means another draw
        ent_id = "syn-" + _slug(name)
        if ent_id in ids:
            continue
        ids.add(ent_id)
        entities.append({"id": ent_id, "type": "organization", "name": name, "aliases": aliases,
                         "categories": [rng.choice(categories)], "country": rng.choice(countries)})
    facts: list[dict[str, Any]] = []
    span = (FACT_DAYS[1] - FACT_DAYS[0]).days
    for i in range(0, len(entities), FACT_EVERY):
        subjects = [e["id"] for e in entities[i:i + rng.choice((1, 1, 1, 2, 3))]]
        day = FACT_DAYS[0] + dt.timedelta(days=rng.randrange(span + 1))
        facts.append({"id": f"syn-fto-{i // FACT_EVERY:06d}", "predicate": "designation", "subjects": subjects,
                      "attributes": {"kinds": ["fto"], "authority": "us-state"},
                      "dates": {"announced": day.isoformat()},
                      "sources": [f"https://example.org/designations/{subjects[0]}"]})
    return entities, facts


def reference_sections(path: Path = REFERENCE) -> list[tuple[str, dict[str, Any]]]:
    """The real table's files as raw (file name, sections) pairs."""
    files = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml"))
    return [(str(p), yaml.safe_load(p.read_text(encoding="utf-8")) or {}) for p in files]


def table_words(sections: Iterable[tuple[str, dict[str, Any]]]) -> set[str]:
    """Every folded word anywhere in the raw sections (names, aliases, terms...)."""
    out: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            out.update(_fold(value))
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list | tuple):
            for v in value:
                walk(v)

    for _, data in sections:
        walk(data)
    return out


def synthetic_table(count: int = DEFAULT_ENTITIES, seed: int = 7, avoid: Iterable[str] = (),
                    path: Path = REFERENCE) -> list[tuple[str, dict[str, Any]]]:
    """The real table's sections plus a synthetic section of `count` organizations, ready for `compile_table`."""
    real = reference_sections(path)
    entities, facts = synthetic_entities(count, seed, set(avoid) | table_words(real))
    return [*real, ("synthetic.yaml", {"entities": entities, "facts": facts})]
