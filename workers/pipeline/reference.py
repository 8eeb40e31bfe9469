"""The reference table: load the curated files, validate them, compile them for matching."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml
from marshmallow import INCLUDE, Schema, ValidationError, fields, missing, validate, validates_schema

from workers.pipeline.english import (
    COUNTED_PEOPLE,
    DETERMINERS,
    FUNCTION_WORDS,
    NAME_PARTICLES,
    PLURALS_AS_WRITTEN,
    inflections,
)
from workers.pipeline.errors import ReferenceTableError
from workers.pipeline.lexicon import (
    GAP,
    MAX_GAP,
    SINGULAR_S,
    Entry,
    PhraseIndex,
    is_acronym,
    plural_forms,
    words,
    written_plural,
)
from workers.pipeline.model import DateWindow

_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: large tables load 10x faster


class _YAML_LOADER(_BASE_LOADER):  # type: ignore[valid-type,misc]  # noqa: N801 - a loader class, named as the constant it replaces
    """YAML without implicit timestamps: a date stays text for PartialDate to check, so "2023-02-30" unquoted
    is a field error naming the record, not a crash inside the YAML library."""


_YAML_LOADER.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BASE_LOADER.yaml_implicit_resolvers.items()
}
ENGINE_PREDICATES = ("designation", "reward", "event")  # the predicates whose claims the engine finds
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_CURRENCY_CODE = re.compile(r"^[A-Z]{3}$")
_SLUG = validate.Regexp(r"^[a-z0-9][a-z0-9._-]*$", error="must be a lower-case slug (a-z, 0-9, '.', '_', '-')")
ENTITY_TYPES = ("organization", "person", "authority", "event", "place", "other")


class PartialDate(fields.Field):
    """A date written as YYYY, YYYY-MM or YYYY-MM-DD (YAML dates are accepted too)."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, int):
            value = str(value)
        if not isinstance(value, str) or not _PARTIAL_DATE.match(value):
            raise ValidationError("must be a date: YYYY, YYYY-MM or YYYY-MM-DD")
        try:
            window_of(value)
        except ValueError as exc:
            raise ValidationError(f"not a real date: {exc}") from None
        return value


_URL = validate.URL(schemes={"http", "https"}, error="not a valid http(s) URL")


class SourceField(fields.Field):
    """A source: a URL, or {url, note}."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> dict[str, str]:
        record = {"url": value} if isinstance(value, str) else value
        if not isinstance(record, dict) or not isinstance(record.get("url"), str):
            raise ValidationError("must be a URL or a mapping with a url")
        if unknown := set(record) - {"url", "note"}:
            raise ValidationError(f"unknown keys {sorted(map(str, unknown))}: a source has a url and a note")
        _URL(record["url"])
        return {"url": record["url"], **({"note": str(record["note"])} if record.get("note") else {})}


class Strings(fields.Field):
    """A list of non-empty strings, checked in one pass (tables hold hundreds of thousands of them)."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> list[str]:
        if not isinstance(value, list):
            raise ValidationError("must be a list of strings")
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise ValidationError(f"item {i} must be a non-empty string")
        return value


def _phrases() -> Strings:
    return Strings(load_default=list)


class KindSchema(Schema):
    id = fields.String(required=True, validate=_SLUG)
    name = fields.String(required=True)
    terms = _phrases()
    implies = Strings(load_default=list)
    authorities = Strings(load_default=list)
    cue = fields.Boolean(load_default=False)


class PredicateSchema(Schema):
    cues = _phrases()
    continuation_cues = _phrases()
    kinds = fields.List(fields.Nested(KindSchema), load_default=list)
    single_valued = fields.Boolean(load_default=False)


class CategorySchema(Schema):
    id = fields.String(required=True, validate=_SLUG)
    terms = _phrases()


class PlaceSchema(Schema):
    id = fields.String(required=True, validate=_SLUG)
    name = fields.String(required=True)
    adjectives = _phrases()
    regions = Strings(load_default=list)


class EntitySchema(Schema):
    id = fields.String(required=True, validate=_SLUG)
    type = fields.String(required=True, validate=validate.OneOf(ENTITY_TYPES))
    name = fields.String(required=True, validate=validate.Length(min=1))
    aliases = _phrases()
    categories = Strings(load_default=list)
    country = fields.String(load_default=None)
    part_of = fields.String(load_default=None)
    triggers = _phrases()
    misdescriptions = _phrases()
    note = fields.String(load_default=None)


class DatesSchema(Schema):
    announced = PartialDate(load_default=None)
    effective = PartialDate(load_default=None)
    occurred = PartialDate(load_default=None)
    before = PartialDate(load_default=None)
    until = PartialDate(load_default=None)

    @validates_schema
    def _some_date(self, data: dict[str, Any], **kwargs: Any) -> None:
        if not any(data.get(k) for k in ("announced", "effective", "occurred", "before")):
            raise ValidationError("a fact needs announced, effective, occurred or before", "announced")
        until = data.get("until")
        for key in ("announced", "effective", "occurred"):
            if until and data.get(key) and window_of(until).end < window_of(data[key]).start:
                raise ValidationError(f"until ({until}) is before {key} ({data[key]})", "until")


class FactSchema(Schema):
    id = fields.String(required=True, validate=_SLUG)
    predicate = fields.String(required=True, validate=validate.OneOf(
        ENGINE_PREDICATES, error="must be one of designation, reward, event: the claims the engine checks"))
    subjects = Strings(required=True, validate=validate.Length(min=1))
    attributes = fields.Dict(keys=fields.String(), load_default=dict)
    dates = fields.Nested(DatesSchema, required=True)
    sources = fields.List(SourceField(), required=True,
                          validate=validate.Length(min=1, error="a fact needs at least one source"))
    note = fields.String(load_default=None)
    unverified = fields.Boolean(load_default=False)


class FileSchema(Schema):
    """Top level of one table file; every section is optional, files are merged."""

    class Meta:
        unknown = INCLUDE

    meta = fields.Dict(load_default=dict)
    predicates = fields.Dict(keys=fields.String(), load_default=dict)
    categories = fields.List(fields.Raw(), load_default=list)
    group_terms = _phrases()
    places = fields.List(fields.Raw(), load_default=list)
    regions = fields.List(fields.Raw(), load_default=list)
    entities = fields.List(fields.Raw(), load_default=list)
    facts = fields.List(fields.Raw(), load_default=list)


def window_of(value: str) -> DateWindow:
    """The days a partial ISO date covers."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        d = dt.date(*parts)
        return DateWindow(d, d, "day")
    if len(parts) == 2:
        start = dt.date(parts[0], parts[1], 1)
        nxt = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return DateWindow(start, nxt - dt.timedelta(days=1), "month")
    return DateWindow(dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31), "year")


@dataclass(frozen=True, slots=True)
class Entity:
    """A named thing: group, person, authority or event."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...]
    categories: tuple[str, ...]
    country: str | None
    part_of: str | None
    triggers: tuple[str, ...]
    misdescriptions: tuple[str, ...]
    note: str | None


@dataclass(frozen=True, slots=True)
class Fact:
    """A sourced statement about one or more subjects, with its dates."""

    id: str
    predicate: str
    subjects: tuple[str, ...]
    attributes: Mapping[str, Any]
    announced: DateWindow | None
    effective: DateWindow | None
    occurred: DateWindow | None
    before: dt.date | None
    until: dt.date | None
    sources: tuple[str, ...]
    note: str | None
    unverified: bool
    first_day: dt.date | None  # the earliest day the fact is known to hold (announced, occurred or effective)

    @property
    def kinds(self) -> tuple[str, ...]:
        """Designation kinds this fact records."""
        return tuple(self.attributes.get("kinds") or ())

    @property
    def authorities(self) -> tuple[str, ...]:
        """Authorities that made or announced it."""
        one = self.attributes.get("authority")
        return tuple(self.attributes.get("authorities") or ([one] if one else []))

    def windows(self) -> tuple[DateWindow, ...]:
        """Every date the fact can be referred to by."""
        return tuple(w for w in (self.announced, self.effective, self.occurred) if w)


@dataclass(frozen=True, slots=True)
class Kind:
    """A designation kind (FTO, SDGT...): its words, what it implies, who may make it."""

    id: str
    name: str
    implies: tuple[str, ...]
    authorities: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Place:
    """A country or region a qualifier can name."""

    id: str
    name: str
    regions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReferenceTable:
    """A validated, compiled reference table. `version` is a hash of its content."""

    version: str
    meta: Mapping[str, Any]
    entities: Mapping[str, Entity]
    facts: tuple[Fact, ...]
    kinds: Mapping[str, Kind]
    places: Mapping[str, Place]
    single_valued: frozenset[str]
    lexicon: PhraseIndex = field(repr=False)
    facts_by_subject: Mapping[str, tuple[Fact, ...]] = field(repr=False)
    designations_by_kind: Mapping[str, tuple[Fact, ...]] = field(repr=False)  # kind -> facts that make it true
    source_files: tuple[str, ...] = ()

    def designations(self, kind: str | None) -> tuple[Fact, ...]:
        """Designation facts that make a claim of `kind` true (all of them for None), earliest first."""
        return self.designations_by_kind.get(kind or "", ())

    def fact_date_until(self, fact: Fact) -> dt.date | None:
        """The last day a fact held: its `until`, or the day before its successor's announcement (a single-valued
        fact's next one for the same subject, by the same authority where both name one: Colombia's reward for a
        man does not replace the United States')."""
        if fact.until:
            return fact.until
        if fact.predicate not in self.single_valued:
            return None
        mine = set(fact.authorities)
        later = [f.first_day for s in fact.subjects for f in self.facts_by_subject.get(s, ())
                 if f.predicate == fact.predicate and f.first_day and fact.first_day
                 and f.first_day > fact.first_day
                 and (not mine or not f.authorities or mine.intersection(f.authorities))]  # another's stands beside
        return min(later) - dt.timedelta(days=1) if later else None

    def ancestors(self, entity_id: str) -> list[str]:
        """The entity and everything it is part of, nearest first."""
        chain, seen = [], set()
        while entity_id and entity_id not in seen and entity_id in self.entities:
            seen.add(entity_id)
            chain.append(entity_id)
            entity_id = self.entities[entity_id].part_of or ""
        return chain

    def kind_covers(self, fact_kind: str, claimed: str) -> bool:
        """True when a fact of `fact_kind` makes a claim of `claimed` kind true."""
        return fact_kind == claimed or claimed in self.kinds.get(fact_kind, Kind("", "", (), ())).implies


NOT_SUBJECTS = frozenset({"authority", "event"})  # entity types that act or happen: an event is designated or sought
# by a reward only where the table's designations or rewards are of events
_DERIVED: tuple[ReferenceTable | None, dict[Any, Any]] = (None, {})


def derived(table: ReferenceTable) -> dict[Any, Any]:
    """A cache of what is worked out from a table (its facts in words, subject types...), kept for the last table
    asked about and dropped when another one comes: a new version is a new table."""
    global _DERIVED
    if _DERIVED[0] is not table:
        _DERIVED = (table, {})
    return _DERIVED[1]


def designable(table: ReferenceTable) -> frozenset[str]:
    """Entity types a designation may be about: organizations, people, and whatever the table designates."""
    return frozenset({"organization", "person"}) | subject_types(table, "designation")


def subject_types(table: ReferenceTable, predicate: str) -> frozenset[str]:
    """The entity types the table's facts of `predicate` are about."""
    cache = derived(table)
    key = ("subject_types", predicate)
    if key not in cache:
        never = NOT_SUBJECTS - {"event"} if predicate in ("reward", "designation") else NOT_SUBJECTS
        # ("for information on a killing", "put the Van Gogh Museum robbery on its list of Top Ten Art Crimes")
        cache[key] = frozenset(table.entities[s].type for f in table.facts if f.predicate == predicate
                               for s in f.subjects if s in table.entities) - never
    return cache[key]


def rewarded_by(table: ReferenceTable, authority: str) -> frozenset[str]:
    """The subjects of the table's rewards that `authority` offered."""
    cache = derived(table)
    if "rewarded_by" not in cache:
        by: dict[str, set[str]] = defaultdict(set)
        for f in table.facts:
            if f.predicate == "reward":
                for a in f.authorities:
                    by[a].update(f.subjects)
        cache["rewarded_by"] = {a: frozenset(subjects) for a, subjects in by.items()}
    return cache["rewarded_by"].get(authority, frozenset())


def name_heads(entity: Entity) -> frozenset[str]:
    """The last word of each of an entity's names: what "the toilet" calls "the gold toilet" by."""
    return frozenset(names[-1] for names in map(words, (entity.name, *entity.aliases)) if names)


def _load_file(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix == ".json" else yaml.load(text, Loader=_YAML_LOADER)  # noqa: S506
    except (OSError, UnicodeDecodeError) as exc:
        raise ReferenceTableError(str(path), None, None, f"cannot read: {exc}") from None
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        raise ReferenceTableError(str(path), None, None, f"not valid YAML/JSON: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ReferenceTableError(str(path), None, None, "the file must hold a mapping of sections")
    try:
        return FileSchema().load(data)
    except ValidationError as exc:
        section, detail = next(iter(exc.messages_dict.items()))
        raise ReferenceTableError(str(path), None, section, _first_message(detail)) from None


def _first_message(messages: Any) -> str:
    while isinstance(messages, dict):
        messages = next(iter(messages.values()))
    return messages[0] if isinstance(messages, list) and messages else str(messages)


def _first_field(messages: Any) -> tuple[str, str]:
    path = []
    while isinstance(messages, dict):
        key, messages = next(iter(messages.items()))
        path.append(str(key))
    return ".".join(path), _first_message(messages)


def _load_records(schema: Schema, records: list[Any], file: str, section: str) -> list[dict[str, Any]]:
    out = []
    for i, raw in enumerate(records):
        name = str(raw.get("id")) if isinstance(raw, dict) and raw.get("id") else f"{section}[{i}]"
        if not isinstance(raw, dict):
            raise ReferenceTableError(file, name, None, "must be a mapping")
        try:
            loaded = schema.load(raw)
            loaded["_file"] = file
            out.append(loaded)
        except ValidationError as exc:
            fld, msg = _first_field(exc.messages)
            raise ReferenceTableError(file, name, fld, msg) from None
    return out


def table_files(path: Path) -> list[Path]:
    """The files a table path stands for: the file itself, or a folder's YAML and JSON files."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml", ".json") and p.is_file())
    if path.is_file():
        return [path]
    raise ReferenceTableError(str(path), None, None, "no such file or folder")


def read_files(path: Path) -> list[tuple[str, dict[str, Any]]]:
    """The raw (file name, sections) pairs of the table at `path`, each file's sections checked, not compiled."""
    files = table_files(path)
    if not files:
        raise ReferenceTableError(str(path), None, None, "no .yaml, .yml or .json files")
    return [(str(p), _load_file(p)) for p in files]


def load(path: str | Path) -> ReferenceTable:
    """Read, validate and compile the table at `path` (a file or a folder of files)."""
    return compile_table(read_files(Path(path)))


def _timeline_present(trigger: str) -> list[str]:
    """A trigger in the past as a timeline tells it, in the present: "was extradited" as "is extradited" (and as a
    headline or a reduced relative tells it, with no auxiliary: "a congress held last week"), "approved
    kisunla" as "approves kisunla" (a verb in -ed opening the phrase: each spelling its present may take), and with
    a plural subject, "bar women from universities" ("agreed in June to amend the regulations" is told so too)."""
    words = trigger.lower().split()
    out = []
    for past, present in (("was", "is"), ("were", "are")):
        if past in words:
            out.append(" ".join(present if w == past else w for w in words))
            if 0 < words.index(past) < len(words) - 1:  # a headline's or a reduced relative's: "a congress held"
                out.append(" ".join(w for w in words if w != past))
    first = words[0] if words else ""
    if len(words) > 1 and len(first) >= 5 and first.endswith("ed") and GAP not in trigger:
        forms = inflections(first)
        presents = {form for form in forms if form.endswith("s")}  # kills, approves, stops, carries
        presents |= {form for form in forms if form + "s" in presents or form.endswith("y") and form[:-1] + "ies"
                     in presents}  # and a plural subject's: "The Taliban bar women from universities"
        out += [" ".join([present, *words[1:]]) for present in sorted(presents)]
    return out


OBJECT_FIRST_GAP = 4  # words between an object and its verb: "the executive order President Donald Trump signed"


def _object_first(trigger: str) -> str | None:
    """A trigger that opens on a verb in -ed and a determiner, told object first: "signed an executive order" as
    "executive order ... signed" ("the executive order Trump signed on Jan. 20"). Not a name's ("approved kisunla":
    "Kisunla, long sold for diabetes, was approved for ..." may be another approval) nor a place's ("signed in")."""
    words = trigger.lower().split()
    if len(words) < 3 or GAP in trigger or len(words[0]) < 5 or not words[0].endswith("ed") or (
            words[1] not in DETERMINERS):
        return None
    return " ".join([*words[2:], GAP, words[0]])


def compile_table(raw: list[tuple[str, dict[str, Any]]], version: str | None = None) -> ReferenceTable:
    """Validate the merged sections of every file and build the matcher; `version` replaces the content hash."""
    # A large table is hundreds of thousands of small objects built at once: collecting garbage while they
    # are made only re-walks them. Collection resumes afterwards, with the table frozen out of its way.
    enabled = gc.isenabled()
    gc.disable()
    try:
        table = _compile_raw(raw, version)
    finally:
        if enabled:
            gc.enable()
    gc.freeze()
    return table


# From this many entity records on, the entity section is validated in a forked process on another core while
# this one builds the matcher (marshmallow takes ~25 µs a record); below it, a fork costs more than it saves.
PARALLEL_VALIDATION_MIN = 20_000


def _validate_elsewhere(sections: list[tuple[str, list[Any]]]) -> Callable[[], None]:
    """Fork a child that validates entity records with EntitySchema; the returned function waits for it and
    raises its first error. os.fork, not multiprocessing: Celery's pool processes may not have children."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: validate, report the first error (or nothing), leave without cleanup
        os.close(read_end)
        payload = b""
        try:
            for file, records in sections:
                _load_records(EntitySchema(), records, file, "entities")
        except ReferenceTableError as exc:
            payload = json.dumps([exc.file, exc.record, exc.field, exc.detail]).encode()
        except BaseException as exc:  # noqa: BLE001 - anything else still has to reach the parent
            payload = json.dumps([sections[0][0], None, None, f"validation failed: {exc!r}"]).encode()
        os.write(write_end, payload[:4000])
        os._exit(0)
    os.close(write_end)

    def wait() -> None:
        with os.fdopen(read_end, "rb") as pipe:
            payload = pipe.read()
        os.waitpid(pid, 0)
        if payload:
            raise ReferenceTableError(*json.loads(payload))

    return wait


def _with_defaults(schema: Schema, records: list[Any], file: str) -> list[dict[str, Any]]:
    """Records as the schema would load them when they are valid: input plus the schema's defaults."""
    defaults = {name: f.load_default for name, f in schema.fields.items() if f.load_default is not missing}
    out = []
    for raw in records:
        record = {k: v() if callable(v) else v for k, v in defaults.items()}
        record.update(raw)
        record["_file"] = file
        out.append(record)
    return out


def _compile_raw(raw: list[tuple[str, dict[str, Any]]], version: str | None) -> ReferenceTable:
    wait = None
    if sum(len(data.get("entities") or []) for _, data in raw) >= PARALLEL_VALIDATION_MIN and hasattr(os, "fork"):
        wait = _validate_elsewhere([(file, data.get("entities") or []) for file, data in raw])
    try:
        table = _compile_sections(raw, version, validated_elsewhere=wait is not None)
    except Exception:
        if wait:
            wait()  # a schema error explains a failure better than what it caused downstream
        raise
    if wait:
        wait()
    return table


def _compile_sections(raw: list[tuple[str, dict[str, Any]]], version: str | None, *,
                      validated_elsewhere: bool) -> ReferenceTable:
    meta: dict[str, Any] = {}
    predicates: dict[str, dict[str, Any]] = {}
    categories, places, regions, entities, facts = [], [], [], [], []
    group_terms: list[str] = []
    for file, data in raw:
        meta.update(data.get("meta") or {})
        for name, spec in (data.get("predicates") or {}).items():
            if name not in ENGINE_PREDICATES:
                raise ReferenceTableError(file, f"predicates.{name}", None,
                                          "unknown predicate: the engine checks designation, reward and event")
            try:
                predicates[name] = {**PredicateSchema().load(spec or {}), "_file": file}
            except ValidationError as exc:
                fld, msg = _first_field(exc.messages)
                raise ReferenceTableError(file, f"predicates.{name}", fld, msg) from None
        categories += _load_records(CategorySchema(), data.get("categories") or [], file, "categories")
        places += _load_records(PlaceSchema(), data.get("places") or [], file, "places")
        regions += _load_records(PlaceSchema(), data.get("regions") or [], file, "regions")
        if validated_elsewhere:
            entities += _with_defaults(EntitySchema(), data.get("entities") or [], file)
        else:
            entities += _load_records(EntitySchema(), data.get("entities") or [], file, "entities")
        facts += _load_records(FactSchema(), data.get("facts") or [], file, "facts")
        group_terms += data.get("group_terms") or []
    return _compile(meta, predicates, categories, group_terms, places, regions, entities, facts,
                    tuple(f for f, _ in raw), version or _version([data for _, data in raw]))


def _unique(records: list[dict[str, Any]], section: str) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for r in records:
        if r["id"] in out:
            raise ReferenceTableError(r["_file"], r["id"], "id", f"duplicate {section} id")
        out[r["id"]] = r
    return out


def _check_ref(rec: Mapping[str, Any], fld: str, value: str | None, known: Mapping[str, Any], what: str) -> None:
    if value is not None and value not in known:
        raise ReferenceTableError(rec["_file"], rec["id"], fld, f"unknown {what} {value!r}")


def _compile(meta, predicates, categories, group_terms, places, regions, entities, facts, files,
             version) -> ReferenceTable:
    cat_by_id = _unique(categories, "category")
    place_by_id = _unique(places + regions, "place")
    ent_by_id = _unique(entities, "entity")
    fact_by_id = _unique(facts, "fact")
    kinds: dict[str, Kind] = {}
    kind_records = [(p, k) for p in predicates.values() for k in p["kinds"]]
    for _, k in kind_records:
        kinds[k["id"]] = Kind(k["id"], k["name"], tuple(k["implies"]), tuple(k["authorities"]))
    for pred, k in kind_records:
        rec = {"_file": pred["_file"], "id": f"kind {k['id']}"}
        for implied in k["implies"]:
            _check_ref(rec, "implies", implied, kinds, "kind")
        for auth in k["authorities"]:
            _check_ref(rec, "authorities", auth, ent_by_id, "entity")
    for p in places:
        for reg in p["regions"]:
            _check_ref(p, "regions", reg, place_by_id, "region")
    for e in entities:
        for c in e["categories"]:
            _check_ref(e, "categories", c, cat_by_id, "category")
        _check_ref(e, "country", e["country"], place_by_id, "place")
        _check_ref(e, "part_of", e["part_of"], ent_by_id, "entity")
    for f in facts:
        check_fact_refs(f, ent_by_id, kinds)

    ent_objs = {e["id"]: Entity(e["id"], e["type"], e["name"], tuple(e["aliases"]), tuple(e["categories"]),
                                e["country"], e["part_of"], tuple(e["triggers"]), tuple(e["misdescriptions"]),
                                e["note"]) for e in entities}
    fact_objs = tuple(_fact(f) for f in fact_by_id.values())
    by_subject, by_kind = _fact_indexes(fact_objs, kinds)
    return ReferenceTable(
        version=version,
        meta=MappingProxyType(dict(meta)),
        entities=MappingProxyType(ent_objs),
        facts=fact_objs,
        kinds=MappingProxyType(kinds),
        places=MappingProxyType({p["id"]: Place(p["id"], p["name"], tuple(p["regions"])) for p in places + regions}),
        single_valued=frozenset(n for n, p in predicates.items() if p["single_valued"]),
        lexicon=_lexicon(predicates, categories, group_terms, places, regions, entities),
        facts_by_subject=by_subject,
        designations_by_kind=by_kind,
        source_files=files,
    )


def check_fact_refs(f: Mapping[str, Any], entities: Mapping[str, Any], kinds: Mapping[str, Any]) -> None:
    """Raise ReferenceTableError when a validated fact names an unknown entity or kind, or a non-numeric amount."""
    rec = f if "_file" in f else {**f, "_file": "fact"}
    for s in f["subjects"]:
        _check_ref(rec, "subjects", s, entities, "entity")
    attrs = f["attributes"]
    for kind in attrs.get("kinds") or []:
        _check_ref(rec, "attributes.kinds", kind, kinds, "kind")
    for auth in [attrs.get("authority"), *(attrs.get("authorities") or [])]:
        _check_ref(rec, "attributes.authority", auth, entities, "entity")
    if "amount" in attrs and not isinstance(attrs["amount"], int | float):
        raise ReferenceTableError(rec["_file"], f["id"], "attributes.amount", "must be a number")
    if "currency" in attrs and not (isinstance(attrs["currency"], str) and _CURRENCY_CODE.match(attrs["currency"])):
        raise ReferenceTableError(rec["_file"], f["id"], "attributes.currency",
                                  "must be an ISO 4217 code in capitals, such as USD, EUR or GBP")


def _fact_indexes(fact_objs: Iterable[Fact], kinds: Mapping[str, Kind]
                  ) -> tuple[Mapping[str, tuple[Fact, ...]], Mapping[str, tuple[Fact, ...]]]:
    """Facts by subject, and designation facts by the kinds they make true (earliest first)."""
    by_subject: dict[str, list[Fact]] = defaultdict(list)
    for f in fact_objs:
        for s in f.subjects:
            by_subject[s].append(f)
    by_kind: dict[str, list[Fact]] = defaultdict(list)
    for f in sorted(fact_objs, key=lambda f: f.first_day or dt.date.min):
        if f.predicate != "designation":
            continue
        by_kind[""].append(f)
        for kind in {k2 for k in f.attributes.get("kinds") or () for k2 in (k, *kinds[k].implies)}:
            by_kind[kind].append(f)
    return (MappingProxyType({k: tuple(v) for k, v in by_subject.items()}),
            MappingProxyType({k: tuple(v) for k, v in by_kind.items()}))


def with_facts(table: ReferenceTable, put: Iterable[tuple[str, Mapping[str, Any]]], remove: Iterable[str],
               version: str) -> ReferenceTable:
    """`table` with facts added or replaced (`put`: file name and raw record) and others removed, as `version`.

    Entities, vocabulary and the matcher are shared with `table`: only the facts are validated and their indexes
    rebuilt, so a change of facts alone takes milliseconds whatever the number of entities. A replaced fact keeps
    its place, a new one comes last: the same order a full compile of the same records gives.
    """
    removed = set(remove)
    facts = {f.id: f for f in table.facts if f.id not in removed}
    for file, raw in put:
        record = _load_records(FactSchema(), [dict(raw)], file, "facts")[0]
        check_fact_refs(record, table.entities, table.kinds)
        facts[record["id"]] = _fact(record)
    fact_objs = tuple(facts.values())
    by_subject, by_kind = _fact_indexes(fact_objs, table.kinds)
    return replace(table, version=version, facts=fact_objs, facts_by_subject=by_subject, designations_by_kind=by_kind)


def _fact(f: dict[str, Any]) -> Fact:
    d = f["dates"]

    def win(key: str) -> DateWindow | None:
        return window_of(d[key]) if d.get(key) else None

    announced, effective, occurred = win("announced"), win("effective"), win("occurred")
    days = [w.start for w in (announced, occurred, effective) if w]
    return Fact(
        id=f["id"], predicate=f["predicate"], subjects=tuple(f["subjects"]),
        attributes=MappingProxyType(_plain(f["attributes"])),
        announced=announced, effective=effective, occurred=occurred,
        before=window_of(d["before"]).start if d.get("before") else None,
        until=window_of(d["until"]).end if d.get("until") else None,
        sources=tuple(s["url"] for s in f["sources"]), note=f["note"], unverified=f["unverified"],
        first_day=min(days) if days else None,
    )


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return tuple(_plain(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _version(sections: list[dict[str, Any]]) -> str:
    """A hash of the table's content (dates as ISO strings, keys sorted): the same content, the same version."""
    blob = json.dumps(sections, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(blob.encode()).hexdigest()[:16]


def _adverb_verb_forms(term: str) -> list[str]:
    """The other forms of a term that is an adverb in -ly and a participle in -ed ("partially restricted": "partially
    restricts", "partially restricting"): a kind told by its verb, in the tense the article uses."""
    words = term.split()
    if len(words) != 2 or not words[0].endswith("ly") or not words[1].endswith("ed") or len(words[1]) < 6:
        return []
    return [f"{words[0]} {form}" for form in sorted(inflections(words[1])) if form.endswith(("s", "ing"))]


def past_forms(cue: str) -> list[str]:
    """The simple past of a one-word cue in the third person ("carries" -> "carried", "names" -> "named"), among the
    `inflections` that end in -ed: the past is no noun, and the forms that are no words match nothing."""
    low = cue.strip().lower()
    if not low.isalpha() or len(low) < 5 or not low.endswith("s") or low.endswith(SINGULAR_S):
        return []
    return sorted(form for form in inflections(low) if form.endswith("ed"))


def verb_forms(cue: str) -> list[str]:
    """The other regular forms of a gapped cue's verb ("offered ... for" also as "offers ... for", "offering ...
    for"; "list ... as" as "listed ... as"): a table lists one or two, an article uses another. Only gapped cues,
    whose later words keep a noun ("names", "offers") from matching alone; forms that are not words match nothing."""
    first, sep, rest = cue.partition(" ")
    if "..." not in rest or not first.isalpha():
        return []
    low = first.lower()
    if low.endswith("ed"):
        stems = [low[:-2], low[:-1]]
    elif low.endswith("ing"):
        stems = [low[:-3], low[:-3] + "e"]
    elif low.endswith("s") and not low.endswith("ss"):
        stems = [low[:-1]]
    elif len(low) >= 4:
        stems = [low]  # a bare verb: "list ... as" also as "listed ... as" (not "put", "ban": "puts pressure on")
    else:
        return []
    forms = set()
    for stem in stems:
        if len(stem) < 3:
            continue
        bare = stem[:-1] if stem.endswith("e") else stem
        forms |= {stem + "s", bare + "ed", bare + "ing"}
    return [f"{form}{sep}{rest}" for form in sorted(forms - {low})]


def _lexicon(predicates, categories, group_terms, places, regions, entities) -> PhraseIndex:
    index = PhraseIndex()
    interned: dict[tuple[str, str, bool, bool], Entry] = {}

    def entry(kind: str, ref: str, plural_form: bool, acronym: bool) -> Entry:
        key = (kind, ref, plural_form, acronym)
        found = interned.get(key)
        if found is None:
            found = interned[key] = Entry(kind, ref, plural_form, acronym)
        return found

    def add(phrase: str, kind: str, ref: str, *, plurals: bool = False, fuzzy: bool = False,
            gap: int = MAX_GAP) -> None:
        acronym = is_acronym(phrase)
        tokens = words(phrase) if plurals and "..." not in phrase else ()
        as_written = bool(tokens) and (tokens[-1] in PLURALS_AS_WRITTEN or kind == "category" and written_plural(
            tokens))  # "women", "people", and the nouns a count may end on as written: "species" (not "sanctions")
        index.add(phrase, entry(kind, ref, as_written, acronym), fuzzy=fuzzy and not acronym, gap=gap)
        for form in plural_forms(tokens) if tokens and not as_written else ():
            index.add(" ".join(form), entry(kind, ref, True, acronym))

    for name, pred in predicates.items():
        cue_kind = f"{name}_cue"
        for cue in pred["cues"]:
            add(cue, cue_kind, name)
            for variant in verb_forms(cue):
                add(variant, cue_kind, name)
            if " " not in cue.strip() and cue.lower().endswith(("ing", "tion", "ment")):
                add(cue + "s", cue_kind, name)  # a cue noun's plural: "listing", "its listings"
            for past in past_forms(cue):
                add(past, cue_kind, name)  # "carries" also as "carried"
        for cue in pred["continuation_cues"]:
            add(cue, "weak_cue", name)
        for k in pred["kinds"]:
            for term in k["terms"]:
                add(term, "kind", k["id"], plurals=True)
                for variant in _adverb_verb_forms(term):  # "partially restricted" also as "partially restricts"
                    add(variant, "kind", k["id"])
                if k["cue"]:
                    add(term, cue_kind, name)
    for c in categories:
        for term in c["terms"]:
            add(term, "category", c["id"], plurals=True)
    for term in group_terms:
        add(term, "category", "*", plurals=True)
    if any(e["type"] == "person" for e in entities):  # "17 individuals", "six nationals": people, in any table
        told = {t.lower() for c in categories for t in c["terms"]} | {t.lower() for t in group_terms}
        for term in COUNTED_PEOPLE - told:
            add(term, "category", "*", plurals=True)
    for p in places:
        for phrase in [p["name"], *p["adjectives"]]:
            add(phrase, "place", p["id"])
    for r in regions:
        for phrase in [r["name"], *r["adjectives"]]:
            add(phrase, "region", r["id"])
    for e in entities:
        fuzzy = e["type"] not in NOT_SUBJECTS
        plain = Entry("entity", e["id"])  # one per entity: nothing to share, so not interned
        proper = Entry("entity", e["id"], capital=True)  # a one-word name written with a capital
        for phrase in [e["name"], *e["aliases"]]:
            acronym = is_acronym(phrase)
            one_capitalised = not acronym and phrase[:1].isupper() and len(words(phrase)) == 1
            index.add(phrase, entry("entity", e["id"], False, True) if acronym else proper if one_capitalised
                      else plain, fuzzy=fuzzy and not acronym)
            if e["type"] == "person" and not acronym:
                index.add_person_name(phrase, e["id"], NAME_PARTICLES)
        for trig in e["triggers"]:
            add(trig, "trigger", e["id"])
            index.add_loose(trig, entry("trigger", e["id"], False, False), FUNCTION_WORDS)
            for present in _timeline_present(trig):  # a timeline's present: "Otoniel is extradited"
                add(present, "trigger", e["id"])
            if (inverted := _object_first(trig)) is not None:
                add(inverted, "trigger", e["id"], gap=OBJECT_FIRST_GAP)
        for word in e["misdescriptions"]:
            add(word, "misdescription", e["id"])
    index.seal()
    return index
