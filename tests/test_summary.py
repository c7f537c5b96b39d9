"""The summary, in text and in a notebook, shows the errata by kind with the public record."""

from __future__ import annotations

import html

import attrs
from hypothesis import given

from usjapan2024 import Location, LocationKind, Meeting, Place, load
from usjapan2024._presenting.summary import errata_by_kind, summary, summary_html
from usjapan2024.strategies import meetings


class TestErrataByKind:
    @given(meetings())
    def test_groups_partition_the_errata(self, meeting: Meeting) -> None:
        """Every erratum is in exactly the group of its kind, in file order."""
        groups = errata_by_kind(meeting)
        assert sorted(e.id for g in groups.values() for e in g) == sorted(
            e.id for e in meeting.errata
        )
        for kind, errata in groups.items():
            assert errata
            assert all(e.kind is kind for e in errata)
            assert errata == [e for e in meeting.errata if e.kind is kind]


class TestSummary:
    def test_text_shows_each_erratum_under_its_kind(self) -> None:
        """Each erratum line names what the text says, and the next what the record says."""
        meeting = load()
        text = summary(meeting, width=10_000)
        for kind, errata in errata_by_kind(meeting).items():
            heading = text.index(f"  {kind.value.capitalize()}s (")
            for erratum in errata:
                line = (
                    f"    {erratum.target} ({erratum.field}): the text says {erratum.text_says!r}"
                )
                assert text.index(line) > heading
                assert f"{line}\n      → {erratum.record_says}\n" in f"{text}\n"

    def test_html_is_what_a_notebook_shows(self) -> None:
        """A meeting's notebook display is its HTML summary, with every erratum's record."""
        meeting = load()
        shown = meeting._repr_html_()
        assert shown == summary_html(meeting)
        for erratum in meeting.errata:
            assert html.escape(erratum.record_says) in shown


class TestTitle:
    def test_the_place_is_named_as_its_location_names_it(self) -> None:
        """A declared place shows by its name, not its slug title-cased ("New-York")."""
        meeting = load()
        hall = Location(Place("new-york"), "New York", LocationKind.CITY, ())
        moved = attrs.evolve(meeting, place=hall.id, locations=(*meeting.locations, hall))
        assert summary(moved).splitlines()[0].endswith(", New York, 2024-07-28")
        assert "New York" in summary_html(moved)
        assert summary(meeting).splitlines()[0].endswith(", Tokyo, 2024-07-28")

    def test_an_undeclared_place_shows_as_its_value(self) -> None:
        """A meeting built in code may name a place it does not declare: its value stands."""
        meeting = attrs.evolve(load(), place=Place("nagoya"))
        assert summary(meeting).splitlines()[0].endswith(", nagoya, 2024-07-28")
