"""Checks that go beyond the shape: quotes, exclusions, ids and references."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest

from usjapan2024 import DatasetError, loads, source_text
from usjapan2024.exceptions import Problem
from usjapan2024.model import Span

from .helpers import bundled_document, problems_of


class TestSpans:
    def test_quote_mismatch(self) -> None:
        """A quote that is not the text at its offsets shows both."""
        document = bundled_document()
        span = document["commitments"][0]["sources"][0]
        span["quote"] = "X" + span["quote"][1:]
        ((path, message),) = problems_of(document)
        assert path == "$.commitments[0].sources[0]"
        assert message.startswith("quote 'Xhe ministers emphasized")
        assert "which reads 'The ministers emphasized" in message

    def test_offset_moved(self) -> None:
        """Moving both offsets by one breaks the match and is caught."""
        document = bundled_document()
        span = document["threats"][2]["sources"][1]
        span["start"] += 1
        span["end"] += 1
        assert [p for p, _ in problems_of(document)] == ["$.threats[2].sources[1]"]

    def test_out_of_range(self) -> None:
        """A span past the end of the text says how long the text is."""
        document = bundled_document()
        span = document["events"][0]["sources"][0]
        where = _stands(span["start"], span["end"])
        span.update(start=6700, end=7000)
        assert problems_of(document) == [
            (
                "$.events[0].sources[0]",
                (
                    "span [6700, 7000) is not a non-empty range within the text"
                    f" (0 to {len(source_text())}){where}"
                ),
            )
        ]

    def test_reversed_and_empty(self) -> None:
        """A reversed span and an empty span are both refused."""
        document = bundled_document()
        document["officials"][0]["sources"][0].update(start=10, end=5, quote="")
        document["officials"][1]["sources"][0].update(start=5, end=5, quote="")
        paths = [p for p, m in problems_of(document) if "non-empty range" in m]
        assert paths == ["$.officials[0].sources[0]", "$.officials[1].sources[0]"]

    def test_negative_start(self) -> None:
        """Negative offsets would slice from the end in Python; they are refused."""
        document = bundled_document()
        document["officials"][0]["sources"][0].update(start=-5, end=-1, quote=source_text()[-5:-1])
        assert [p for p, _ in problems_of(document)] == ["$.officials[0].sources[0]"]

    def test_citing_an_excluded_line(self) -> None:
        """A record may not cite a section heading or a link."""
        document = bundled_document()
        heading = document["metadata"]["source"]["excluded"][0]["span"]
        document["commitments"][0]["sources"].append(dict(heading))
        ((path, message),) = problems_of(document)
        assert path == "$.commitments[0].sources[1]"
        assert "excluded from the communiqué (section-heading)" in message

    def test_record_without_sources(self) -> None:
        """Every record must quote the text at least once."""
        document = bundled_document()
        document["threats"][0]["sources"] = []
        assert problems_of(document) == [
            ("$.threats[0].sources", "cites no text; every record quotes at least one span")
        ]

    def test_wrong_source_digest(self) -> None:
        """A digest that does not match the text is reported at its path."""
        document = bundled_document()
        document["metadata"]["source"]["sha256"] = "0" * 64
        assert [p for p, _ in problems_of(document)] == ["$.metadata.source.sha256"]


class TestIdsAndReferences:
    def test_duplicate_id(self) -> None:
        """A repeated id names where it was first used."""
        document = bundled_document()
        document["threats"][1]["id"] = document["commitments"][0]["id"]
        assert problems_of(document) == [
            (
                "$.threats[1].id",
                "duplicate id 'commitment.rule-of-law', first used at $.commitments[0].id",
            )
        ]

    def test_duplicate_party(self) -> None:
        """Two party records for one actor are refused."""
        document = bundled_document()
        document["parties"][1]["id"] = "US"
        problems = problems_of(document)
        assert ("$.parties[1].id", "duplicate id 'US', first used at $.parties[0].id") in problems

    def test_unresolved_references(self) -> None:
        """References to records that do not exist are all reported."""
        document = bundled_document()
        document["commitments"][0]["partners"] = ["AU", "KR"]
        document["parties"] = [p for p in document["parties"] if p["id"] not in {"AU", "KR"}]
        document["commitments"][3]["events"] = ["event.nope"]
        document["errata"][0]["target"] = "official.kihara"
        problems = problems_of(document)
        assert problems[:2] == [
            ("$.commitments[0].partners[0]", "'AU' does not name any of the meeting's parties"),
            ("$.commitments[0].partners[1]", "'KR' does not name any of the meeting's parties"),
        ]
        assert (
            "$.commitments[3].events[0]",
            "'event.nope' does not name any of the meeting's events",
        ) in problems
        assert (
            "$.errata[0].target",
            "'official.kihara' does not name any of the meeting's records",
        ) in problems

    def test_erratum_field_must_exist(self) -> None:
        """An erratum must name a real field of its target."""
        document = bundled_document()
        document["errata"][0]["field"] = "surname"
        ((path, message),) = problems_of(document)
        assert path == "$.errata[0].field"
        assert message.startswith("'surname' is not a field of 'official.hamada'")

    def test_many_problems_at_once(self) -> None:
        """Unrelated mistakes are all reported in one error."""
        document = bundled_document()
        document["threats"][1]["id"] = "threat.cn-coercion"
        document["errata"][0]["target"] = "nobody"
        document["officials"][0]["sources"][0]["quote"] = "nope"
        assert len(problems_of(document)) == 3


class TestIdsAcrossTypes:
    def test_record_id_equal_to_a_party_value(self) -> None:
        """An id that repeats a non-state party's value ('houthis') is a duplicate too.

        It is not of the form of a record's id either, and both are said.
        """
        document = bundled_document()
        document["programmes"][0]["id"] = "houthis"
        document["commitments"][11]["programmes"] = ["houthis", "programme.jjoc"]
        # an erratum on the renamed programme would add a problem of its own
        document["errata"] = [e for e in document["errata"] if e["target"] != "programme.usfj"]
        problems = problems_of(document)
        assert problems[-1] == (
            "$.programmes[0].id",
            "duplicate id 'houthis', first used at $.parties[11].id",
        )
        assert [path for path, _ in problems] == ["$.programmes[0].id"] * 2
        assert "is not of the form of every id" in problems[0][1]


_NOWHERE = "; the quote occurs nowhere in the text"
"""How a message about a span ends when its quote is nowhere in the text."""


def _stands(start: int, end: int) -> str:
    """How a message about a span ends when its quote is once in the text, at [start, end)."""
    return f"; the quote stands at [{start}, {end}): `usjapan2024 fill` sets offsets from quotes"


def _quoting(start: int, end: int) -> dict[str, Any]:
    """A span of the bundled text, quoted as it reads."""
    return {"start": start, "end": end, "quote": source_text()[start:end]}


def _excluded(document: dict[str, Any]) -> list[dict[str, Any]]:
    excluded: list[dict[str, Any]] = document["metadata"]["source"]["excluded"]
    return excluded


class TestExcludedLines:
    """The excluded lines are checked against the text too, and bound the spans exactly."""

    def test_excluded_quote_that_does_not_match(self) -> None:
        """An excluded line's quote that is not the text at its offsets is its own problem."""
        document = bundled_document()
        span = _excluded(document)[2]["span"]
        span["quote"] = span["quote"].upper()
        text = source_text()[span["start"] : span["end"]]
        assert problems_of(document) == [
            (
                "$.metadata.source.excluded[2].span",
                (
                    f"quote {span['quote']!r} does not match the text at"
                    f" [{span['start']}, {span['end']}), which reads {text!r}{_NOWHERE}"
                ),
            )
        ]

    def test_excluded_offsets_outside_the_text(self) -> None:
        """An excluded line past the end of the text is refused, at its path."""
        document = bundled_document()
        size = len(source_text())
        span = _excluded(document)[0]["span"]
        where = _stands(span["start"], span["end"])
        span.update(start=size, end=size + 3)
        assert problems_of(document) == [
            (
                "$.metadata.source.excluded[0].span",
                f"span [{size}, {size + 3}) is not a non-empty range within the text (0 to {size})"
                + where,
            )
        ]

    def test_span_touching_an_excluded_line_is_allowed(self) -> None:
        """A span may end exactly where an excluded line begins, or begin where it ends."""
        document = bundled_document()
        heading = _excluded(document)[0]["span"]
        before = _quoting(heading["start"] - 8, heading["start"])
        after = _quoting(heading["end"], heading["end"] + 6)
        document["commitments"][0]["sources"] += [before, after]
        assert loads(json.dumps(document)).commitments[0].sources[-2:] == (
            Span(**before),
            Span(**after),
        )
        # The same spans beside another mistake: the detailed pass allows them too.
        document["officials"][0]["sources"][0]["quote"] = "nope"
        assert [path for path, _ in problems_of(document)] == ["$.officials[0].sources[0]"]

    def test_span_one_character_into_an_excluded_line(self) -> None:
        """A span that reaches one character into an excluded line cites it."""
        document = bundled_document()
        heading = _excluded(document)[0]["span"]
        document["commitments"][0]["sources"] += [
            _quoting(heading["start"] - 8, heading["start"] + 1),
            _quoting(heading["end"] - 1, heading["end"] + 6),
        ]
        assert problems_of(document) == [
            (
                f"$.commitments[0].sources[{n}]",
                (
                    "cites 'Strategic Initiatives and Defense Commitments', which is excluded from"
                    " the communiqué (section-heading)"
                ),
            )
            for n in (1, 2)
        ]

    def test_overlapping_excluded_lines(self) -> None:
        """Excluded ranges may overlap or nest: a span inside any part of them is refused."""
        document = bundled_document()
        heading = _excluded(document)[0]["span"]
        start, end = heading["start"] - 1, heading["end"] + 1  # with the newlines: uncited
        # Listed out of order: one overlapping the end of a long one, which holds a short one.
        _excluded(document)[0:1] = [
            {"span": _quoting(end - 8, end), "reason": "link-to-other-article"},
            {"span": _quoting(start, end - 6), "reason": "section-heading"},
            {"span": _quoting(start + 6, start + 11), "reason": "link-to-other-article"},
        ]
        document["commitments"][0]["sources"] += [
            _quoting(start + 16, start + 19),  # after the short range, inside the long one
            _quoting(end - 3, end - 1),  # only in the range over the long one's end
            _quoting(end, end + 4),  # just after all of them: allowed
        ]
        problems = problems_of(document)
        assert problems == [
            (
                "$.commitments[0].sources[1]",
                (
                    f"cites {source_text()[start : end - 6]!r}, which is excluded from the"
                    " communiqué (section-heading)"
                ),
            ),
            (
                "$.commitments[0].sources[2]",
                (
                    f"cites {source_text()[end - 8 : end]!r}, which is excluded from the"
                    " communiqué (link-to-other-article)"
                ),
            ),
        ]

    def test_touching_excluded_lines(self) -> None:
        """Two excluded ranges that touch leave no gap between them to cite."""
        document = bundled_document()
        heading = _excluded(document)[0]["span"]
        start, end, middle = heading["start"] - 1, heading["end"] + 1, heading["start"] + 20
        _excluded(document)[0:1] = [
            {"span": _quoting(start, middle), "reason": "section-heading"},
            {"span": _quoting(middle, end), "reason": "link-to-other-article"},
        ]
        document["commitments"][0]["sources"] += [
            _quoting(middle - 1, middle + 1),
            _quoting(middle, middle + 2),
            _quoting(end, end + 4),
        ]
        problems = problems_of(document)
        assert [path for path, _ in problems] == [
            "$.commitments[0].sources[1]",
            "$.commitments[0].sources[2]",
        ]
        assert "(section-heading)" in problems[0][1]
        assert "(link-to-other-article)" in problems[1][1]

    def test_meeting_without_excluded_lines(self) -> None:
        """A text with nothing excluded: every span is allowed, and mistakes still found."""
        document = bundled_document()
        _excluded(document).clear()
        heading = bundled_document()["metadata"]["source"]["excluded"][0]["span"]
        document["commitments"][0]["sources"].append(dict(heading))
        meeting = loads(json.dumps(document))
        assert meeting.metadata.source.excluded == ()
        assert meeting.commitments[0].sources[-1] == Span(**heading)
        document["threats"][0]["sources"][0]["start"] += 1
        assert [path for path, _ in problems_of(document)] == ["$.threats[0].sources[0]"]

    def test_the_meetings_own_sources_are_checked(self) -> None:
        """The meeting's own spans are checked like a record's, at ``$.sources``."""
        document = bundled_document()
        document["sources"][1]["quote"] = "nope"
        document["sources"].append(dict(_excluded(document)[0]["span"]))
        problems = problems_of(document)
        assert [path for path, _ in problems] == [
            "$.sources[1]",
            f"$.sources[{len(document['sources']) - 1}]",
        ]
        assert problems[0][1].startswith("quote 'nope' does not match the text at")
        assert "excluded from the communiqué" in problems[1][1]

    def test_a_meeting_that_cites_nothing(self) -> None:
        """The meeting itself must quote the text at least once."""
        document = bundled_document()
        document["sources"] = []
        assert problems_of(document) == [
            ("$.sources", "cites no text; every record quotes at least one span")
        ]


class TestQuotesInMessages:
    """Quotes in messages are clipped to 60 characters, so one problem stays one line."""

    def test_long_quotes_are_clipped(self) -> None:
        document = bundled_document()
        span = max(
            (s for r in document["commitments"] for s in r["sources"]),
            key=lambda s: s["end"] - s["start"],
        )
        original = span["quote"]
        span["quote"] = "X" + original[1:]
        (problem,) = problems_of(document)
        assert len(original) > 61
        assert problem[1] == (
            f"quote {'X' + original[1:57] + '...'!r} does not match the text at"
            f" [{span['start']}, {span['end']}), which reads {original[:57] + '...'!r}" + _NOWHERE
        )

    def test_sixty_characters_are_not_clipped(self) -> None:
        """Exactly 60 characters is shown whole; 61 is clipped to 57 and an ellipsis."""
        document = bundled_document()
        record = document["commitments"][0]
        start = record["sources"][0]["start"]
        record["sources"] += [
            {"start": start, "end": start + 60, "quote": "x" * 60},
            {"start": start, "end": start + 61, "quote": "y" * 61},
        ]
        text = source_text()
        messages = [message for _, message in problems_of(document)]
        assert messages == [
            (
                f"quote {'x' * 60!r} does not match the text at [{start}, {start + 60}),"
                f" which reads {text[start : start + 60]!r}{_NOWHERE}"
            ),
            (
                f"quote {'y' * 57 + '...'!r} does not match the text at [{start}, {start + 61}),"
                f" which reads {text[start : start + 57] + '...'!r}{_NOWHERE}"
            ),
        ]


class TestDanglingReferences:
    """A single-valued reference, and the host, must name a party of the meeting."""

    @staticmethod
    def _without_party(party: str) -> dict[str, Any]:
        document: dict[str, Any] = bundled_document()
        document["parties"] = [p for p in document["parties"] if p["id"] != party]
        return document

    def test_official_country_and_host(self) -> None:
        document = self._without_party("JP")
        problems = problems_of(document)
        message = "'JP' does not name any of the meeting's parties"
        assert problems[0] == ("$.host", message)
        countries = [
            f"$.{group}[{i}].country"
            for group in ("officials", "departments")
            for i, o in enumerate(document[group])
            if o["country"] == "JP"
        ]
        assert len(countries) == 4  # two ministers, and the two ministries they lead
        assert [p for p in problems if p[0].endswith(".country")] == [
            (path, message) for path in countries
        ]

    def test_threat_actor(self) -> None:
        document = self._without_party("KP")
        actors = [
            f"$.threats[{i}].actor" for i, t in enumerate(document["threats"]) if t["actor"] == "KP"
        ]
        assert actors
        problems = problems_of(document)
        assert [p for p in problems if p[0].endswith(".actor")] == [
            (path, "'KP' does not name any of the meeting's parties") for path in actors
        ]

    def test_host_only(self) -> None:
        """A host that is not a party, when every record's references still resolve."""
        document = bundled_document()
        document["host"] = "houthis"
        meeting = loads(json.dumps(document))
        assert meeting.host.value == "houthis"
        nato = self._without_party("nato")
        nato["host"] = "nato"
        problems = problems_of(nato)
        assert problems[0] == ("$.host", "'nato' does not name any of the meeting's parties")


class TestWithoutText:
    """``check_without_text``: what a meeting built in code is checked for before an export."""

    def test_the_bundled_meeting_has_no_problems(self) -> None:
        from usjapan2024 import load
        from usjapan2024._loading.integrity import check_without_text

        assert check_without_text(load()) == []

    @pytest.mark.parametrize(
        ("start", "end", "quote"),
        [(5, 5, ""), (-1, 3, "abcd"), (7, 4, "abc"), (0, 3, "ab"), (0, 3, "abcd")],
    )
    def test_a_span_that_does_not_fit_its_quote(self, start: int, end: int, quote: str) -> None:
        """Empty, negative, reversed, or not as long as its quote: each said at its path."""
        from usjapan2024 import load
        from usjapan2024._loading.integrity import check_without_text

        meeting = load()
        bad = Span(start=start, end=end, quote=quote)
        official = attrs.evolve(
            meeting.officials[1], sources=(meeting.officials[1].sources[0], bad)
        )
        meeting = attrs.evolve(
            meeting,
            officials=(meeting.officials[0], official, *meeting.officials[2:]),
            sources=(bad, *meeting.sources),
        )
        message = f"span [{start}, {end}) does not fit its quote"
        assert check_without_text(meeting) == [
            Problem("$.sources[0]", message),
            Problem("$.officials[1].sources[1]", message),
        ]

    def test_a_span_as_long_as_its_quote_from_zero(self) -> None:
        """Without the text, a span from 0 as long as its quote is all that can be checked."""
        from usjapan2024 import load
        from usjapan2024._loading.integrity import check_without_text

        meeting = load()
        meeting = attrs.evolve(meeting, sources=(Span(start=0, end=3, quote="abc"),))
        assert check_without_text(meeting) == []

    def test_ids_references_and_citations(self) -> None:
        """The checks that need no text: citing something, unique ids, references."""
        from usjapan2024 import load
        from usjapan2024._loading.integrity import check_without_text

        meeting = load()
        first, second, *rest = meeting.threats
        meeting = attrs.evolve(
            meeting,
            sources=(),
            threats=(first, attrs.evolve(second, id=first.id), *rest),
            parties=tuple(p for p in meeting.parties if p.id.value != "houthis"),
            retired=(*meeting.retired, attrs.evolve(meeting.retired[0], replaced_by=("nope",))),
        )
        problems = [(p.path, p.message) for p in check_without_text(meeting)]
        assert problems[0] == ("$.sources", "cites no text; every record quotes at least one span")
        assert ("$.threats[1].id", f"duplicate id {first.id!r}, first used at $.threats[0].id") in (
            problems
        )
        assert any(m == "'houthis' does not name any of the meeting's parties" for _, m in problems)
        retired = meeting.retired[0].id
        assert problems[-2:] == [
            ("$.retired[1].id", f"{retired!r} is retired twice"),
            ("$.retired[1].replaced_by[0]", "'nope' does not name any of the meeting's records"),
        ]


class TestEverySpanIsChecked:
    """The fast pass that clears a valid file must never clear an invalid one."""

    def test_every_span_wrong(self) -> None:
        """With no good span at all, every one is still reported."""
        document = bundled_document()
        spans = [
            *document["sources"],
            *(s for g in _groups(document) for r in g for s in r["sources"]),
        ]
        for span in spans:
            span["quote"] = "~" + span["quote"][1:]
        with pytest.raises(DatasetError) as info:
            loads(json.dumps(document))
        problems = info.value.problems
        assert len(problems) + info.value.more == len(spans)  # the first 100 kept, the rest counted
        assert all(p.message.startswith("quote '~") for p in problems)

    def test_an_empty_span_alone(self) -> None:
        """An empty span is refused as a range, besides its empty quote."""
        document = bundled_document()
        document["threats"][1]["sources"].append(
            {"start": 9, "end": 9, "quote": "", "role": "context"}
        )
        size = len(source_text())
        assert problems_of(document) == [
            (
                "$.threats[1].sources[2].quote",
                "an empty string; text fields hold some text (null where optional)",
            ),
            (
                "$.threats[1].sources[2]",
                f"span [9, 9) is not a non-empty range within the text (0 to {size})",
            ),
        ]

    def test_the_first_excluded_line_it_overlaps_is_named(self) -> None:
        """A span that ends where a listed excluded line begins does not cite that one."""
        document = bundled_document()
        heading = _excluded(document)[0]["span"]
        start, end, middle = heading["start"] - 1, heading["end"] + 1, heading["start"] + 20
        _excluded(document)[0:1] = [
            {"span": _quoting(middle, end), "reason": "link-to-other-article"},
            {"span": _quoting(start, middle), "reason": "section-heading"},
        ]
        document["commitments"][0]["sources"].append(_quoting(start + 2, middle))
        assert problems_of(document) == [
            (
                "$.commitments[0].sources[1]",
                (
                    f"cites {source_text()[start:middle]!r}, which is excluded from the communiqué"
                    " (section-heading)"
                ),
            )
        ]


def _groups(document: dict[str, Any]) -> list[list[dict[str, Any]]]:
    from usjapan2024._model.kinds import KINDS

    return [document[kind.group] for kind in KINDS]


class TestMessages:
    def test_wrong_text_says_how_to_give_the_right_one(self) -> None:
        """``check()`` names ``source=`` by default; the command line names ``--source``."""
        from usjapan2024 import load
        from usjapan2024._io.text import text_digest
        from usjapan2024._loading.integrity import check as check_against

        meeting = load()
        other = source_text() + "\n"
        message = (
            f"this file was coded from a text with sha256 {meeting.metadata.source.sha256},"
            f" but the source text given has sha256 {text_digest(other)}: give the text it"
            " was coded from ({})"
        )
        assert check_against(meeting, other) == [
            Problem("$.metadata.source.sha256", message.format("source="))
        ]
        assert check_against(meeting, other, hint="--source FILE") == [
            Problem("$.metadata.source.sha256", message.format("--source FILE"))
        ]
        assert check_against(meeting, source_text()) == []

    def test_erratum_field_lists_the_fields(self) -> None:
        from usjapan2024 import Official
        from usjapan2024._model.fields import fields_of

        document = bundled_document()
        document["errata"][0]["field"] = "surname"
        names = ", ".join(f.name for f in fields_of(Official))
        assert problems_of(document) == [
            (
                "$.errata[0].field",
                f"'surname' is not a field of 'official.hamada'; expected one of {names}",
            )
        ]


class TestSpanRoles:
    """A record's own words come first; the spans it cites for context follow them."""

    def test_a_record_whose_first_span_is_context(self) -> None:
        document = bundled_document()
        document["threats"][0]["sources"][0]["role"] = "context"
        assert problems_of(document) == [
            (
                "$.threats[0].sources[0].role",
                (
                    "a record's first span must be its own words (role 'own'): the spans it"
                    " cites for context follow them"
                ),
            )
        ]

    def test_an_own_span_after_a_context_span(self) -> None:
        document = bundled_document()
        index, record = next(
            (i, r)
            for i, r in enumerate(document["commitments"])
            if [s["role"] for s in r["sources"]][-1] == "context"
        )
        record["sources"].append({**record["sources"][0]})
        last = len(record["sources"]) - 1
        assert problems_of(document) == [
            (
                f"$.commitments[{index}].sources[{last}].role",
                "an own span after a span cited for context: a record's own words come first",
            )
        ]

    def test_a_missing_role_means_own(self) -> None:
        document = bundled_document()
        for span in document["commitments"][0]["sources"]:
            del span["role"]
        loaded = loads(json.dumps(document))
        assert {s.role.value for s in loaded.commitments[0].sources} == {"own"}
