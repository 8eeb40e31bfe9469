"""The reference store on real Redis: import and export, versions, incremental compiles, the live table."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis as redis_lib
import yaml
from support import wait_until

from service.cli import main
from workers.jobs import connect
from workers.livetable import LiveTable
from workers.pipeline import ReferenceTableError
from workers.pipeline.api import DEFAULT_REFERENCE
from workers.pipeline.reference import compile_table, load, read_files, with_facts
from workers.refstore import PreconditionFailed, ReferenceStore, merge_files


@pytest.fixture
def store(redis_url: str) -> Iterator[ReferenceStore]:
    """An empty store on a prefix of its own."""
    prefix = f"cctest-{uuid.uuid4().hex[:10]}:"
    yield ReferenceStore(connect(redis_url), prefix)
    client = redis_lib.Redis.from_url(redis_url)
    for key in client.scan_iter(match=prefix + "*", count=1000):
        client.delete(key)


@pytest.fixture
def cli_env(store: ReferenceStore, redis_url: str, monkeypatch: pytest.MonkeyPatch) -> ReferenceStore:
    """`claimcheck reference` pointed at the store."""
    monkeypatch.setenv("CLAIMCHECK_REDIS_URL", redis_url)
    monkeypatch.setenv("CLAIMCHECK_KEY_PREFIX", store.prefix[: -len("ref:")])
    return store


def _files(folder: Path) -> dict[str, Any]:
    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.iterdir())}


def test_import_then_export_gives_back_the_same_table(cli_env: ReferenceStore, tmp_path: Path, capsys) -> None:
    assert main(["reference", "import", str(DEFAULT_REFERENCE)]) == 0
    first = cli_env.current_hash()
    assert main(["reference", "export", str(tmp_path / "out")]) == 0
    assert f"version 1 ({first})" in capsys.readouterr().out
    assert merge_files(read_files(tmp_path / "out")) == merge_files(read_files(DEFAULT_REFERENCE))
    assert load(tmp_path / "out").version == load(DEFAULT_REFERENCE).version  # the engine's file hash too
    assert main(["reference", "import", str(tmp_path / "out")]) == 0
    assert cli_env.number() == 2 and cli_env.current_hash() == first
    assert main(["reference", "export", str(tmp_path / "again")]) == 0
    assert _files(tmp_path / "again") == _files(tmp_path / "out")


def test_a_bad_table_is_refused_and_the_store_kept(cli_env: ReferenceStore, tmp_path: Path, capsys) -> None:
    assert main(["reference", "import", str(DEFAULT_REFERENCE)]) == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text("facts:\n  - {id: f1, predicate: reward, subjects: [nobody], dates: {announced: 2025-01-01},"
                   " sources: ['https://example.org/']}\n", encoding="utf-8")
    assert main(["reference", "import", str(bad)]) == 2
    assert "record f1, field subjects" in capsys.readouterr().err
    assert cli_env.number() == 1
    assert main(["reference", "export", str(tmp_path / "x"), "--version", "7"]) == 2


def test_export_of_an_empty_store_fails(cli_env: ReferenceStore, tmp_path: Path, capsys) -> None:
    assert main(["reference", "export", str(tmp_path)]) == 2
    assert "no table" in capsys.readouterr().err


def _fact(fact_id: str, amount: int, announced: str, subject: str = "nicolas-maduro") -> dict:
    return {"id": fact_id, "predicate": "reward", "subjects": [subject], "attributes": {"amount": amount},
            "dates": {"announced": announced}, "sources": ["https://example.org/"]}


def test_with_facts_is_a_full_compile_of_the_same_records() -> None:
    raw = read_files(DEFAULT_REFERENCE)
    base = compile_table(raw)
    vocab, entities, facts = merge_files(raw)
    changed = {**facts[3], "note": "corrected"}
    added = _fact("reward-new", 60_000_000, "2025-10-01")
    gone = facts[5]["id"]
    fast = with_facts(base, [("facts.yaml", changed), ("facts.yaml", added)], [gone], "v2")
    kept = [changed if f["id"] == changed["id"] else f for f in facts if f["id"] != gone] + [added]
    full = compile_table([("v.yaml", vocab), ("e.yaml", {"entities": entities}), ("f.yaml", {"facts": kept})], "v2")
    assert fast.facts == full.facts and fast.version == "v2"
    assert dict(fast.facts_by_subject) == dict(full.facts_by_subject)
    assert dict(fast.designations_by_kind) == dict(full.designations_by_kind)
    assert fast.lexicon is base.lexicon and fast.entities is base.entities
    with pytest.raises(ReferenceTableError, match="subjects"):
        with_facts(base, [("facts.yaml", _fact("x", 1, "2025-01-01", subject="nobody"))], [], "v3")


def test_versions_rebuild_the_table_as_it_was(store: ReferenceStore) -> None:
    store.ensure_seeded(DEFAULT_REFERENCE)
    store.ensure_seeded(DEFAULT_REFERENCE)  # seeds once
    record, tag, _ = store.get("facts", "reward-maduro-2025-08")
    written = store.put("facts", {**record, "note": "checked"}, "desk", create=False, if_match=lambda t: t == tag)
    with pytest.raises(PreconditionFailed):
        store.put("facts", {**record, "note": "stale"}, "desk", create=False, if_match=lambda t: t == tag)
    store.retire("reward-maduro-2020", "desk")
    assert [v["number"] for v in store.versions(0, 10)[0]] == [3, 2, 1]
    one, two, three = (store.snapshot(n) for n in (1, 2, 3))
    assert one.facts["reward-maduro-2025-08"]["note"] != "checked"
    assert two.facts["reward-maduro-2025-08"]["note"] == "checked" and two.hash == written.hash
    assert "reward-maduro-2020" in two.facts and "reward-maduro-2020" not in three.facts
    assert list(three.facts) == [f for f in two.facts if f != "reward-maduro-2020"]  # order kept
    assert compile_table(one.raw(), one.hash).facts == compile_table(read_files(DEFAULT_REFERENCE)).facts


def test_the_live_table_follows_the_store(store: ReferenceStore) -> None:
    live = LiveTable(store, DEFAULT_REFERENCE, poll=0.05)
    first = live.current()
    assert first.number == 1 and first.table.version == store.current_hash()
    record, tag, _ = store.get("facts", "reward-maduro-2025-08")
    store.put("facts", {**record, "attributes": {**record["attributes"], "amount": 1}}, "desk", create=False)
    second = wait_until(lambda: live.loaded if live.loaded.number == 2 else None, 5, 0.01, "the new version")
    assert second.table.lexicon is first.table.lexicon  # facts only: the matcher is shared
    assert [f.attributes["amount"] for f in second.table.facts if f.id == record["id"]] == [1]
    assert first.table.facts != second.table.facts  # the old version is untouched
    entity, _, _ = store.get("entities", "tren-de-aragua")
    store.put("entities", {**entity, "aliases": [*entity["aliases"], "Aragua Express"]}, "desk", create=False)
    third = live.current()  # waits for the watcher's compile
    assert third.number == 3 and third.table.lexicon is not first.table.lexicon
    assert third.table.version == store.current_hash()
