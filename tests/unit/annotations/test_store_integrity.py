"""Issue 12: the store's identity and integrity (symlinks, other writers, backups, odd names).

Each test here failed on the code before its fix.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from test_store import add, edit, tag

from tui.annotations.model import Change
from tui.annotations.store import AnnotationStore, StoreError

# -- 9. a symlinked store ---------------------------------------------------------------------------


def test_a_symlinked_store_stays_a_link_and_shares_its_lock(tmp_path: Path) -> None:
    real = tmp_path / "data" / "annotations.json"
    real.parent.mkdir()
    link = tmp_path / "link.json"
    link.symlink_to(real)
    store = AnnotationStore.open(link)
    try:
        add(store, tag("NATO"))
        assert link.is_symlink(), "the first save replaced the link with a plain file"
        assert AnnotationStore.open(real, lock=False).annotations.keys() == store.annotations.keys()
        second = AnnotationStore.open(real)  # the same file by its real name: the lock is shared
        try:
            assert second.read_only
        finally:
            second.close()
    finally:
        store.close()


# -- 12. other writers; backup generations --------------------------------------------------------


def test_a_change_on_disk_since_the_last_read_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    store = AnnotationStore.open(path, lock=False)
    add(store, tag("NATO"))
    # A hand edit (or a sync tool) changes the file behind the reader's back.
    data = json.loads(path.read_text(encoding="utf-8"))
    data["annotations"][0]["note"] = "written by hand"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    with pytest.raises(StoreError, match="changed on disk"):
        add(store, tag("GDP", stamp="2026-03-01T11:00:00Z"))
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk["annotations"][0]["note"] == "written by hand"  # the other writer's work stays
    # The store reloaded what is on disk: the next change builds on it.
    assert [a.note for a in store.annotations.values()] == ["written by hand"]
    add(store, tag("GDP", stamp="2026-03-01T11:00:00Z"))
    notes = [a["note"] for a in json.loads(path.read_text(encoding="utf-8"))["annotations"]]
    assert notes == ["written by hand", ""]


def test_three_backup_generations_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    store = AnnotationStore.open(path, lock=False)
    versions = []
    add(store, tag("NATO"))
    versions.append(path.read_bytes())
    for verdict in ("supported", "contradicted", "misleading"):
        edit(store, next(iter(store.annotations)), verdict=verdict)
        versions.append(path.read_bytes())
    assert (tmp_path / "annotations.json.bak").read_bytes() == versions[-2]
    assert (tmp_path / "annotations.json.bak.2").read_bytes() == versions[-3]
    assert (tmp_path / "annotations.json.bak.3").read_bytes() == versions[-4]


# -- 11. non-UTF-8 names; a failed save of any kind ------------------------------------------------


def test_a_source_path_that_is_not_utf8_is_saved_and_read_back(tmp_path: Path) -> None:
    odd = os.fsdecode(b"/articles/caf\xe9.txt")  # a Latin-1 file name on a UTF-8 system
    path = tmp_path / "annotations.json"
    store = AnnotationStore.open(path, lock=False)
    annotation = tag("NATO")
    store.apply(Change("tag", [None], [annotation]), {"reuters": (odd, "0" * 64)})
    again = AnnotationStore.open(path, lock=False)
    assert os.fsencode(again.sources["reuters"]["path"]) == b"/articles/caf\xe9.txt"
    assert again.annotations == store.annotations


def test_a_failed_save_of_any_kind_undoes_the_change_and_says_not_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.annotations.store as store_module

    path = tmp_path / "annotations.json"
    store = AnnotationStore.open(path, lock=False)
    add(store, tag("NATO"))
    before = dict(store.annotations)

    def broken(*args: object, **kwargs: object) -> None:
        raise UnicodeEncodeError("utf-8", "\udcff", 0, 1, "surrogates not allowed")

    monkeypatch.setattr(store_module, "write_atomic", broken)
    with pytest.raises(StoreError, match="not saved"):
        add(store, tag("GDP", stamp="2026-03-01T11:00:00Z"))
    assert store.annotations == before
    assert not store.unsaved


@pytest.mark.parametrize("use_cache", [True, False])
async def test_a_folder_with_a_non_utf8_file_name_opens_and_tags_are_saved(
    tmp_path: Path, use_cache: bool
) -> None:
    from reader_support import SIZE, first_content_row, loaded, make_app

    from tui.resources import seeds_dir

    folder = tmp_path / "articles"
    folder.mkdir()
    seeds = sorted(seeds_dir().iterdir())
    odd = os.fsdecode(b"caf\xe9.txt")
    (folder / odd).write_bytes(seeds[0].read_bytes())
    (folder / seeds[1].name).write_bytes(seeds[1].read_bytes())
    app = make_app([folder])
    app.use_cache = use_cache
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.alignment is not None and len(app.alignment.articles) == 2
        await first_content_row(pilot)
        await pilot.press("t", "4")
        await pilot.pause()
        assert not app.store.unsaved
    saved = AnnotationStore.open(app.store.path, lock=False)
    assert len(saved.annotations) == 1
    paths = {os.fsencode(entry["path"]) for entry in saved.sources.values()}
    assert os.fsencode(folder / odd) in paths or os.fsencode(folder / seeds[1].name) in paths


# -- 7. source identity: a file with another path is another source ----------------------------


def test_same_name_in_another_folder_is_a_new_source_and_the_first_comes_back(tmp_path: Path) -> None:
    from test_store import TEXT

    from tui.annotations.model import create

    story1, story2 = str(tmp_path / "story1" / "reuters.txt"), str(tmp_path / "story2" / "reuters.txt")
    store = AnnotationStore.open(tmp_path / "annotations.json", lock=False)
    tagged = create(TEXT, "reuters", 0, 4, "claim").edited(verdict="supported", note="mine")
    store.apply(Change("tag", [None], [tagged]), {"reuters": (story1, "a" * 64)})
    other = "Reuters reports a different story entirely, about fishing quotas in the North Sea."
    # Story 2 opened: its reuters.txt is another file with another text.
    store.claim_sources({"reuters": (story2, "b" * 64)})
    store.reanchor({"reuters": (story2, "b" * 64, other)})
    assert store.for_source("reuters") == []  # nothing of story 1 on story 2's words
    (kept,) = store.annotations.values()
    assert (kept.quote, kept.verdict, kept.note, kept.orphan) == (tagged.quote, "supported", "mine", False)
    assert store.sources[kept.source]["path"] == story1
    on_disk = AnnotationStore.open(store.path, lock=False)
    assert on_disk.annotations == store.annotations
    # Story 1 opened again: its annotations are back under its id, untouched.
    store.claim_sources({"reuters": (story1, "a" * 64)})
    assert [a.id for a in store.for_source("reuters")] == [tagged.id]
    assert store.annotations[tagged.id].quote == tagged.quote


def test_recorded_source_paths_are_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    store = AnnotationStore.open(tmp_path / "annotations.json", lock=False)
    store.apply(Change("tag", [None], [tag("NATO")]), {"reuters": ("articles/reuters.txt", "0" * 64)})
    recorded = AnnotationStore.open(store.path, lock=False).sources["reuters"]["path"]
    assert recorded == str(tmp_path / "articles" / "reuters.txt")


async def test_opening_another_story_with_the_same_file_names_shows_none_of_the_first(
    tmp_path: Path,
) -> None:
    from reader_support import SIZE, first_content_row, loaded, make_app

    from tui.resources import seeds_dir

    seeds = sorted(seeds_dir().iterdir())
    for folder, chosen in (("story1", seeds[:2]), ("story2", seeds[2:4])):
        (tmp_path / folder).mkdir()
        for number, seed in enumerate(chosen):
            (tmp_path / folder / f"outlet{number}.txt").write_bytes(seed.read_bytes())
    app = make_app([tmp_path / "story1"])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await first_content_row(pilot)
        await pilot.press("t", "4")
        await pilot.pause()
    (first,) = app.store.annotations.values()
    second = make_app([tmp_path / "story2"])
    async with second.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert all(second.store.for_source(a.id) == [] for a in second.alignment.articles)
    stored = AnnotationStore.open(second.store.path, lock=False)
    (kept,) = stored.annotations.values()
    assert (kept.quote, kept.start, kept.end) == (first.quote, first.start, first.end)
    assert stored.sources[kept.source]["path"] == str((tmp_path / "story1" / f"{first.source}.txt").resolve())
