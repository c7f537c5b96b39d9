"""What a release promises: ids that stay, a changelog written from the diff, its metadata."""

from __future__ import annotations

import json
import re
from importlib.metadata import metadata

import usjapan2024 as uj
from usjapan2024._model.kinds import kind_of, record_id

from .conftest import ROOT

RELEASED_IDS = ROOT / "tests" / "data" / "released-ids.json"
RELEASE_1_0_0 = ROOT / "tests" / "data" / "usjapan2024-1.0.0.json"
RELEASE_1_1_0 = ROOT / "tests" / "data" / "usjapan2024-1.1.0.json"
"""Every record id each release published, with its kind; add a release's ids when it ships."""


def _current() -> dict[str, str]:
    return {record_id(r): kind_of(r).group for r in uj.load().records()}


class TestIdsAreStable:
    def test_every_released_id_keeps_its_kind_or_is_retired(self) -> None:
        """An id once released names a record of the same kind, or is listed as retired."""
        released: dict[str, dict[str, str]] = json.loads(RELEASED_IDS.read_text("utf-8"))
        current = _current()
        retired = {r.id for r in uj.load().retired}
        for version, ids in released.items():
            for record, kind in ids.items():
                assert record in retired or current.get(record) == kind, (version, record)

    def test_the_bundled_ids_are_listed_or_announced(self) -> None:
        """The list holds the bundled ids of its version; ids the list does not hold yet
        (data changed since that release, before the release step adds them) are named in
        the changelog's Unreleased notes."""
        released = json.loads(RELEASED_IDS.read_text("utf-8"))
        current = _current()
        listed = released[uj.load().metadata.version]
        unreleased = _release_notes("Unreleased")
        for record, kind in current.items():
            assert listed.get(record) == kind or f"`{record}`" in unreleased, record


def _release_notes(version: str) -> str:
    text = (ROOT / "CHANGELOG.md").read_text("utf-8")
    match = re.search(rf"^## \[{re.escape(version)}\].*?(?=^## \[)", text, re.MULTILINE | re.DOTALL)
    assert match, f"CHANGELOG.md has no section for {version}"
    return match.group(0)


def _assert_notes_name_the_diff(old: uj.Meeting, new: uj.Meeting, notes: str) -> None:
    changes = uj.diff(old, new)
    errata = [r for r in changes.added if isinstance(r, uj.Erratum)]
    for record in changes.added:
        if not isinstance(record, uj.Erratum):
            assert f"`{record_id(record)}`" in notes, record_id(record)
    assert f"Added {len(errata)} errata" in notes
    for retired in changes.retired:
        assert f"`{retired.retired.id}`" in notes


class TestChangelog:
    def test_data_entries_are_written_from_the_diff(self) -> None:
        """Each release's notes name each added (errata: counted) or retired record of the diff."""
        _assert_notes_name_the_diff(uj.load(RELEASE_1_0_0), uj.load(RELEASE_1_1_0),
                                    _release_notes("1.1.0"))  # fmt: skip

    def test_unreleased_data_entries_are_written_from_the_diff(self) -> None:
        """What the bundled data changed since the last release is in the Unreleased notes."""
        _assert_notes_name_the_diff(uj.load(RELEASE_1_1_0), uj.load(), _release_notes("Unreleased"))

    def test_package_metadata_points_to_changelog_and_docs(self) -> None:
        """An installed package says where its changelog and documentation are."""
        urls = dict(
            line.split(", ", 1) for line in metadata("usjapan2024").get_all("Project-URL") or []
        )
        assert urls["Changelog"].endswith("changelog.html")
        assert urls["Documentation"].startswith("https://")
