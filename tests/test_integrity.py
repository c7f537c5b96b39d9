"""Checks that go beyond the shape: quotes, exclusions, ids and references."""

from __future__ import annotations

from usjapan2024 import source_text

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
        document["events"][0]["sources"][0].update(start=6700, end=7000)
        assert problems_of(document) == [
            (
                "$.events[0].sources[0]",
                (
                    "span [6700, 7000) is not a non-empty range within the text"
                    f" (0 to {len(source_text())})"
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
        problems = problems_of(document)
        assert problems[-1] == (
            "$.programmes[0].id",
            "duplicate id 'houthis', first used at $.parties[11].id",
        )
        assert [path for path, _ in problems] == ["$.programmes[0].id"] * 2
        assert "is not of the form of every id" in problems[0][1]
