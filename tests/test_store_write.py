"""The write half of kzsupport.store: atomic, locked, backed up, logged, never over a bad file."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzsupport import changes, store, store_write, validate
from kzsupport.errors import KzSupportError
from tests.dbkit import SCHEMA, record, tables

ROOT = Path(__file__).resolve().parent.parent

# Subprocess workers use the same hand-made schema as the in-process tests.
WORKER_PRELUDE = (
    "import sys\n"
    f"sys.path.insert(0, {str(ROOT)!r})\n"
    "from kzsupport import validate, store_write\n"
    "from tests.dbkit import SCHEMA, record, tables\n"
    "validate.load_schema = lambda: SCHEMA\n"
)


@pytest.fixture(autouse=True)
def small_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "load_schema", lambda: SCHEMA)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "directory.json"
    path.write_text(store_write.dumps(tables(record("kz-a"), record("kz-b", phones=[]))), encoding="utf-8")
    return path


def rename(path: Path, service_id: str, text: str, by: str = "tester") -> store_write.WriteResult:
    with store_write.editing(path, by=by, action="edit") as draft:
        draft.get(service_id)["name"]["en"] = text
    assert draft.result is not None
    return draft.result


def test_a_write_changes_only_what_was_asked(data: Path) -> None:
    before = json.loads(data.read_text(encoding="utf-8"))
    rename(data, "kz-a", "New name")
    after = json.loads(data.read_text(encoding="utf-8"))
    before["services"]["1"]["name"]["en"] = "New name"
    before["meta"]["1"]["as_of"] = after["meta"]["1"]["as_of"]
    assert after == before
    assert store.load(data).by_id("kz-a").name.en == "New name"  # type: ignore[union-attr]


def test_a_write_dates_the_data_the_day_it_is_made(data: Path) -> None:
    """"Data as of" on listings and sheets is the day of the last change, not the first import."""
    rename(data, "kz-a", "New name")
    as_of = json.loads(data.read_text(encoding="utf-8"))["meta"]["1"]["as_of"]
    assert as_of in {str(datetime.now(timezone.utc).date() - timedelta(days=d)) for d in (0, 1)}


def test_a_write_through_a_symbolic_link_changes_the_real_file_and_keeps_the_link(
    data: Path, tmp_path: Path
) -> None:
    (tmp_path / "elsewhere").mkdir()
    link = tmp_path / "elsewhere" / "link.json"
    link.symlink_to(data)
    rename(link, "kz-a", "Via the link")
    assert link.is_symlink()
    assert store.load(data).by_id("kz-a").name.en == "Via the link"  # type: ignore[union-attr]


def test_the_file_is_pretty_sorted_utf8_with_a_trailing_newline(data: Path) -> None:
    rename(data, "kz-a", "Қазақ атауы")
    text = data.read_text(encoding="utf-8")
    assert text.endswith("}\n") and "Қазақ атауы" in text
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def test_each_write_is_logged_with_who_what_and_when(data: Path) -> None:
    rename(data, "kz-a", "One", by="aigerim")
    [entry] = store_write.read_log(data)
    assert (entry.by, entry.action, entry.service_id) == ("aigerim", "edit", "kz-a")
    assert [(c.path, c.old, c.new) for c in entry.changes] == [("name.en", "Crisis centre kz-a", "One")]
    assert entry.at.endswith("Z")
    assert store_write.log_path(data).name == "directory.changes.jsonl"


def test_the_change_log_never_holds_a_confidential_address(data: Path) -> None:
    words = {"kk": "Құпия 5", "ru": "Тайный 5", "en": "Hidden 5"}
    secret = {"text": words, "confidential": True, "note": None}
    with store_write.editing(data, by="t", action="add") as draft:
        draft.add(record("kz-shelter", type="shelter", phones=[], address=secret))
    with store_write.editing(data, by="t", action="edit") as draft:
        draft.get("kz-shelter")["address"]["text"]["en"] = "Moved 6"
        draft.get("kz-shelter")["location"] = {"lat": 43.3, "lon": 76.9}
        draft.get("kz-shelter")["name"]["en"] = "Renamed"
    log = store_write.log_path(data).read_text(encoding="utf-8")
    assert not any(word in log for word in ("Hidden 5", "Тайный 5", "Moved 6", "43.3"))
    entry = store_write.read_log(data, "kz-shelter")[-1]
    assert {(c.path, c.old, c.new) for c in entry.changes} >= {
        ("address.text.en", changes.WITHHELD, changes.WITHHELD),
        ("name.en", "Crisis centre kz-shelter", "Renamed"),  # the rest is logged as ever
    }


def test_a_write_keeps_the_file_mode(data: Path) -> None:
    data.chmod(0o640)
    rename(data, "kz-a", "New name")
    assert data.stat().st_mode & 0o777 == 0o640


def test_a_read_only_file_is_refused_and_kept(data: Path) -> None:
    data.chmod(0o444)
    before = data.read_bytes()
    inode = data.stat().st_ino
    with pytest.raises(KzSupportError) as refused:
        rename(data, "kz-a", "New name")
    assert f"The data file {data} is read-only, so it was not changed." in refused.value.message()
    assert data.read_bytes() == before and data.stat().st_ino == inode
    assert not store_write.log_path(data).exists()


def test_the_login_name_is_used_without_by(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("getpass.getuser", lambda: "login-name")
    with store_write.editing(data, action="edit") as draft:
        draft.get("kz-a")["email"] = "a@example.org"
    assert store_write.read_log(data)[0].by == "login-name"


def test_only_the_last_five_backups_are_kept(data: Path) -> None:
    versions = [data.read_text(encoding="utf-8")]
    for n in range(7):
        rename(data, "kz-a", f"v{n}")
        versions.append(data.read_text(encoding="utf-8"))
    backups = sorted(store_write.backups_dir(data).iterdir())
    assert [b.read_text(encoding="utf-8") for b in backups] == versions[-6:-1]


def test_nothing_changed_writes_nothing(data: Path) -> None:
    mtime = data.stat().st_mtime_ns
    with store_write.editing(data, action="edit") as draft:
        draft.get("kz-a")
    assert data.stat().st_mtime_ns == mtime and store_write.read_log(data) == []


def test_an_exception_in_the_block_writes_nothing(data: Path) -> None:
    text = data.read_text(encoding="utf-8")
    with pytest.raises(KzSupportError), store_write.editing(data, action="edit") as draft:
        draft.get("kz-a")["status"] = "inactive"
        draft.get("kz-missing")
    assert data.read_text(encoding="utf-8") == text


def test_a_change_that_adds_a_problem_is_refused(data: Path) -> None:
    text = data.read_text(encoding="utf-8")
    with pytest.raises(store_write.WriteRefused) as caught, store_write.editing(data, action="edit") as draft:
        draft.get("kz-a")["region"] = "atlantis"
    assert "kz-a region" in caught.value.message()
    assert data.read_text(encoding="utf-8") == text


def test_a_corrupt_file_is_reported_and_never_overwritten(data: Path) -> None:
    data.write_text('{"services": {"1": {"id": ', encoding="utf-8")
    with pytest.raises(KzSupportError) as caught, store_write.editing(data, action="edit"):
        pass
    assert str(data) in caught.value.message() and "line 1" in caught.value.message()
    assert data.read_text(encoding="utf-8") == '{"services": {"1": {"id": '


def test_an_invalid_file_is_reported_with_its_first_problem(data: Path) -> None:
    broken = tables(record("kz-a"), record("kz-b", phones=[], status="open"))
    data.write_text(store_write.dumps(broken), encoding="utf-8")
    with pytest.raises(KzSupportError) as caught, store_write.editing(data, action="edit"):
        pass
    message = caught.value.message()
    assert str(data) in message and "kz-b" in message
    assert json.loads(data.read_text(encoding="utf-8")) == broken


def test_a_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(KzSupportError), store_write.editing(tmp_path / "none.json", action="edit"):
        pass
    assert not (tmp_path / "none.json").exists()


def test_new_records_get_the_next_document_id(data: Path) -> None:
    with store_write.editing(data, action="add") as draft:
        draft.add(record("kz-c", phones=[]))
    assert list(json.loads(data.read_text(encoding="utf-8"))["services"]) == ["1", "2", "3"]
    with pytest.raises(KzSupportError), store_write.editing(data, action="add") as draft:
        draft.add(record("kz-c", phones=[]))


@contextmanager
def hold_lock(path: Path) -> Iterator[subprocess.Popen[str]]:
    code = WORKER_PRELUDE + (
        "from pathlib import Path\n"
        "import time\n"
        f"with store_write.editing(Path({str(path)!r}), by='zhanar', action='edit') as d:\n"
        "    print('locked', flush=True)\n"
        "    time.sleep(30)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    try:
        yield proc
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()


def test_a_second_writer_gets_a_clear_locked_by_error(data: Path) -> None:
    with hold_lock(data):
        started = time.monotonic()
        with pytest.raises(KzSupportError) as caught, store_write.editing(data, action="edit", timeout=0.3):
            pass
        assert time.monotonic() - started < 5
        message = caught.value.message()
        assert "locked by zhanar" in message and str(store_write.lock_path(data)) in message


def test_a_lock_left_by_a_killed_writer_does_not_block(data: Path) -> None:
    with hold_lock(data) as holder:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    rename(data, "kz-a", "after the crash")


def versions_text(path: Path, n: int, on: date) -> str:
    """The file as it is after ``n`` writes of the kill test, the last of them made ``on``."""
    first = tables(record("kz-a"), record("kz-b", phones=[]))
    first["services"]["1"]["name"]["en"] = f"v{n}"
    if n:
        first["meta"]["1"]["as_of"] = str(on)
    return store_write.dumps(first)


def test_sigkill_during_200_writes_leaves_the_old_or_the_new_version(tmp_path: Path) -> None:
    data = tmp_path / "directory.json"
    today = datetime.now(timezone.utc).date()
    data.write_text(versions_text(tmp_path, 0, today), encoding="utf-8")
    writer = WORKER_PRELUDE + (
        "from pathlib import Path\n"
        f"path = Path({str(data)!r})\n"
        "start = int(sys.argv[1])\n"
        "print('ready', flush=True)\n"
        "for n in range(start + 1, 201):\n"
        "    with store_write.editing(path, action='edit') as d:\n"
        "        d.get('kz-a')['name']['en'] = 'v%d' % n\n"
    )
    valid = {versions_text(tmp_path, n, on): n  # the writes may run past midnight
             for n in range(201) for on in (today, today + timedelta(days=1))}
    rng = random.Random(20261124)  # noqa: S311 (kill timing, not cryptography)
    done, kills = 0, 0
    while done < 200:
        proc = subprocess.Popen([sys.executable, "-c", writer, str(done)], stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        if kills < 10:
            time.sleep(rng.uniform(0.0, 0.05))  # a few writes in, at a random moment
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait()
        proc.stdout.close()
        text = data.read_text(encoding="utf-8")
        assert text in valid, "the file is neither the old nor the new version"
        assert valid[text] >= done
        done = valid[text]
        store.load(data)
    assert kills == 10
    assert not list(tmp_path.glob(".directory.json.*"))  # no temporary file left behind


def test_four_processes_adding_50_records_each_lose_nothing(tmp_path: Path) -> None:
    data = tmp_path / "directory.json"
    data.write_text(store_write.dumps(tables()), encoding="utf-8")
    adder = WORKER_PRELUDE + (
        "from pathlib import Path\n"
        f"path = Path({str(data)!r})\n"
        "worker = sys.argv[1]\n"
        "for n in range(50):\n"
        "    rid = 'kz-w%s-%02d' % (worker, n)\n"
        "    with store_write.editing(path, by='w' + worker, action='add', timeout=60) as d:\n"
        "        d.add(record(rid, phones=[], location=None))\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", adder, str(w)]) for w in range(4)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0, 0]
    ids = {s.id for s in store.load(data).services}
    assert len(ids) == 200
    log = store_write.read_log(data)
    assert len(log) == 200 and {e.service_id for e in log} == ids
    assert {e.action for e in log} == {"add"}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=10,
)


@given(
    st.dictionaries(
        st.text(max_size=6),
        st.dictionaries(
            st.text(max_size=3), st.dictionaries(st.text(max_size=5), json_values, max_size=4), max_size=3
        ),
        max_size=3,
    )
)
@settings(max_examples=150)
def test_dumps_is_exactly_json_dumps_pretty_sorted(tables: dict[str, Any]) -> None:
    expected = json.dumps(tables, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert store_write.dumps(tables) == expected


def test_a_folder_that_cannot_be_written_is_a_clear_error(data: Path) -> None:
    store_write.aux_dir(data).write_text("a file in the way", encoding="utf-8")
    with pytest.raises(KzSupportError) as caught, store_write.editing(data, action="edit"):
        pass
    assert "Cannot write the data file" in caught.value.message()
