"""What a release promises: ids that stay, a changelog written from the diff, its metadata."""

from __future__ import annotations

import datetime
import hashlib
import itertools
import json
import re
from importlib.metadata import metadata

import pytest

import usjapan2024 as uj
from usjapan2024._model.kinds import kind_of, record_id

from .conftest import RELEASES, ROOT

RELEASED_IDS = ROOT / "tests" / "data" / "released-ids.json"
"""Every record id each release published, with its kind; add a release's ids when it ships."""


def _ids(meeting: uj.Meeting) -> dict[str, str]:
    return {record_id(r): kind_of(r).group for r in meeting.records()}


def _current() -> dict[str, str]:
    return _ids(uj.load())


class TestShippedReleases:
    """Every released data file ships in the package, checked against what was released."""

    @pytest.mark.parametrize("release", uj.releases(), ids=lambda r: r.version)
    def test_each_loads_as_its_release(self, release: uj.Release) -> None:
        """It loads by version, is the file of that version, and is read once and shared."""
        meeting = uj.load(release=release.version)
        assert meeting.metadata.version == release.version
        assert meeting is uj.load(release=f"release:{release.version}")
        assert meeting == uj.load(RELEASES / release.file)
        assert meeting is not uj.load()

    @pytest.mark.parametrize("release", uj.releases(), ids=lambda r: r.version)
    def test_each_file_is_recorded_exactly(self, release: uj.Release) -> None:
        """Its sha256 and schema version are those of the file shipped."""
        data = (RELEASES / release.file).read_bytes()
        assert hashlib.sha256(data).hexdigest() == release.sha256
        assert json.loads(data)["schema_version"] == release.schema_version

    @pytest.mark.parametrize("release", uj.releases(), ids=lambda r: r.version)
    def test_each_file_holds_the_ids_released(self, release: uj.Release) -> None:
        """The ids each release published (tests/data/released-ids.json) are its file's."""
        released: dict[str, dict[str, str]] = json.loads(RELEASED_IDS.read_text("utf-8"))
        assert _ids(uj.load(release=release.version)) == released[release.version]

    def test_every_file_is_listed_and_every_listed_file_ships(self) -> None:
        """The folder holds the releases' files and nothing else; versions are in order."""
        assert sorted(p.name for p in RELEASES.iterdir()) == sorted(r.file for r in uj.releases())
        versions = [tuple(map(int, r.version.split("."))) for r in uj.releases()]
        assert versions == sorted(versions)
        assert len(set(versions)) == len(versions)

    def test_the_releases_are_the_changelogs(self) -> None:
        """Each release of CHANGELOG.md, with its date, ships; the Unreleased data does not.

        So making a release (its changelog heading) fails here until its file ships.
        """
        text = (ROOT / "CHANGELOG.md").read_text("utf-8")
        headings = re.findall(r"^## \[([0-9.]+)\] - ([0-9-]+)$", text, re.MULTILINE)
        assert headings, "no release headings found"
        released = {(r.version, r.date) for r in uj.releases()}
        assert released == {(v, datetime.date.fromisoformat(d)) for v, d in headings}

    def test_a_damaged_file_is_not_read_as_its_release(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A file whose bytes are not the release's is refused, naming it and both digests."""
        from usjapan2024._io import releases

        (first, *_) = uj.releases()
        monkeypatch.setattr(
            releases, "read_resource", lambda _: b" " + (RELEASES / first.file).read_bytes()
        )
        with pytest.raises(OSError, match=rf"data/releases/{re.escape(first.file)} is not the"):
            releases.release_bytes(first)

    @pytest.mark.parametrize(
        ("name", "error", "message"),
        [
            (
                "9.9.9",
                ValueError,
                "no release '9.9.9' ships in this package; its releases are 1.0.0",
            ),
            ("old.json", ValueError, "a release is named by its version"),
            ("release:", ValueError, "no release 'release:'"),
        ],
    )
    def test_an_unknown_release_names_those_there_are(
        self, name: str, error: type[Exception], message: str
    ) -> None:
        with pytest.raises(error, match=re.escape(message)):
            uj.load(release=name)
        with pytest.raises(error, match=re.escape(message)):
            uj.diff(name, uj.load())

    def test_release_goes_alone(self) -> None:
        """A release has its own file and text: a path or a source besides it is a mistake."""
        with pytest.raises(TypeError, match="release= goes alone"):
            uj.load(RELEASES / "usjapan2024-1.0.0.json", release="1.0.0")
        with pytest.raises(TypeError, match="release= goes alone"):
            uj.load(release="1.0.0", source=uj.source_text())
        with pytest.raises(TypeError, match="as a string"):
            uj.load(release=1.0)  # type: ignore[arg-type]

    def test_diff_takes_release_names(self) -> None:
        """``diff`` reads a string as a release: the same as diffing the loaded meetings."""
        expected = uj.diff(uj.load(release="1.0.0"), uj.load(release="1.1.0"))
        assert uj.diff("1.0.0", "1.1.0") == expected
        assert expected
        assert uj.diff("1.1.0", uj.load(release="1.1.0")).is_empty()


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
    if errata:
        assert f"Added {len(errata)} errata" in notes
    for retired in changes.retired:
        assert f"`{retired.retired.id}`" in notes


class TestChangelog:
    @pytest.mark.parametrize(
        ("older", "newer"),
        list(itertools.pairwise(r.version for r in uj.releases())),
    )
    def test_data_entries_are_written_from_the_diff(self, older: str, newer: str) -> None:
        """Each release's notes name each added (errata: counted) or retired record of the diff."""
        _assert_notes_name_the_diff(uj.load(release=older), uj.load(release=newer),
                                    _release_notes(newer))  # fmt: skip

    def test_unreleased_data_entries_are_written_from_the_diff(self) -> None:
        """What the bundled data changed since the last release is in the Unreleased notes."""
        latest = uj.releases()[-1].version
        _assert_notes_name_the_diff(
            uj.load(release=latest), uj.load(), _release_notes("Unreleased")
        )

    def test_the_bundled_file_is_the_newest_release_or_announced(self) -> None:
        """Once released, the bundled file is its release's file, byte for byte."""
        from usjapan2024._io.bundled import read_resource

        latest = uj.releases()[-1]
        if latest.version == uj.load().metadata.version:
            bundled = read_resource("usjapan2024.json")
            assert hashlib.sha256(bundled).hexdigest() == latest.sha256

    def test_package_metadata_points_to_changelog_and_docs(self) -> None:
        """An installed package says where its changelog and documentation are."""
        urls = dict(
            line.split(", ", 1) for line in metadata("usjapan2024").get_all("Project-URL") or []
        )
        assert urls["Changelog"].endswith("changelog.html")
        assert urls["Documentation"].startswith("https://")
