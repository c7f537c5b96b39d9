"""The bundled data against its source: fidelity, coverage and the errata."""

from __future__ import annotations

import re
import subprocess
import sys

import attrs
import pytest

from usjapan2024 import (
    ErratumKind,
    Event,
    ExclusionReason,
    Official,
    Span,
    get,
    load,
    source_text,
)
from usjapan2024.vocabulary import SourceRole

from .conftest import ROOT
from .helpers import walk


def _lines() -> list[tuple[int, int, str]]:
    """(start, end, text) of each line of the source."""
    result, start = [], 0
    for line in source_text().split("\n"):
        result.append((start, start + len(line), line))
        start += len(line) + 1
    return result


def _sentences(start: int, line: str) -> list[tuple[int, int, str]]:
    """Split a body line into sentences: a full stop then a space ends one, but not in 'U.S.'."""
    result, begin = [], 0
    for match in re.finditer(r"(?<!U\.S)\.\s+(?=[A-Z])", line):
        result.append((start + begin, start + match.start() + 1, line[begin : match.start() + 1]))
        begin = match.end()
    result.append((start + begin, start + len(line), line[begin:]))
    return result


def _excluded() -> set[tuple[int, int]]:
    return {(e.span.start, e.span.end) for e in load().metadata.source.excluded}


def _record_spans() -> list[tuple[str, Span]]:
    return [(p, s) for p, s in _spans() if not p.startswith("$.metadata")]


def _spans() -> list[tuple[str, Span]]:
    return [(path, obj) for path, obj in walk(load()) if isinstance(obj, Span)]


class TestExclusions:
    def test_excluded_lines_are_the_lines_without_a_full_stop(self) -> None:
        """Headings and links are exactly the lines that are not prose sentences."""
        not_prose = {(s, e) for s, e, text in _lines() if not text.endswith(".")}
        assert _excluded() == not_prose
        assert len(not_prose) == 6

    def test_exclusions_are_whole_lines(self) -> None:
        """Each exclusion covers one line, start to end."""
        lines = {(s, e): text for s, e, text in _lines()}
        for exclusion in load().metadata.source.excluded:
            assert lines[(exclusion.span.start, exclusion.span.end)] == exclusion.span.quote

    def test_reasons(self) -> None:
        """The three headings and three links are told apart."""
        reasons = [e.reason for e in load().metadata.source.excluded]
        assert reasons.count(ExclusionReason.SECTION_HEADING) == 3
        assert reasons.count(ExclusionReason.LINK_TO_OTHER_ARTICLE) == 3

    def test_no_record_cites_an_excluded_line(self) -> None:
        """No fact comes from a heading or a link to another article."""
        for path, span in _record_spans():
            for start, end in _excluded():
                assert span.end <= start or span.start >= end, path


class TestCoverage:
    def test_every_body_sentence_is_cited(self) -> None:
        """Each sentence of the communiqué is quoted, at least in part, by some record."""
        spans = [s for _, s in _record_spans()]
        body = [(s, e, t) for s, e, t in _lines() if (s, e) not in _excluded()]
        sentences = [x for s, _, t in body for x in _sentences(s, t)]
        assert len(sentences) == 55  # counted by hand: 17 paragraphs, 55 sentences
        uncited = [
            text
            for start, end, text in sentences
            if not any(sp.start < end and start < sp.end for sp in spans)
        ]
        assert uncited == []

    def test_quotes_are_verbatim(self) -> None:
        """Every quote is the text at its offsets (str indices, not bytes)."""
        text = source_text()
        for path, span in _spans():
            assert text[span.start : span.end] == span.quote, path

    def test_records_in_source_order(self) -> None:
        """Commitments and threats are listed in the order the text states them."""
        meeting = load()
        for records in (meeting.commitments, meeting.threats):
            starts = [r.sources[0].start for r in records]
            assert starts == sorted(starts)


class TestFidelity:
    def test_text_wording_kept_and_corrected_by_erratum(self) -> None:
        """Hamada stays as the text has it; an erratum names Kihara."""
        hamada = get("official.hamada", kind=Official)
        assert hamada.name == "Yasukazu Hamada"
        (erratum,) = [e for e in load().errata if e.target == "official.hamada"]
        assert erratum.kind is ErratumKind.CORRECTION
        assert erratum.field == "name"
        assert "Minoru Kihara" in erratum.record_says

    def test_checked_facts_all_have_errata(self) -> None:
        """Each fact the public record settles has an erratum beside the record and field."""
        targets = {(e.target, e.field) for e in load().errata}
        assert targets == {
            ("official.hamada", "name"),
            ("programme.jjoc", "description"),
            ("programme.usfj", "description"),
            ("event.kishida-visit", "date"),
            ("programme.tofu", "name"),
            ("programme.seed", "name"),
            ("commitment.usfj-headquarters", "parties"),
            ("commitment.command-and-control", "summary"),
            ("commitment.alliance-indo-pacific", "summary"),
            ("commitment.article-v", "subjects"),
            ("threat.cn-coercion", "summary"),
            ("commitment.peace-near-taiwan", "summary"),
            ("threat.ru-cn-alignment", "response"),
            ("threat.ru-kp-alignment", "response"),
            ("commitment.stand-off-missiles", "parties"),
            ("programme.deterrence-dialogue", "description"),
            ("commitment.co-production", "subjects"),
            ("commitment.military-planes", "parties"),
            ("commitment.marine-corps-units", "parties"),
            ("commitment.okinawa-to-guam", "subjects"),
            ("commitment.disaster-task-force", "status"),
            ("commitment.pollutants", "subjects"),
        }

    def test_errata_target_real_fields(self) -> None:
        """An erratum names a field its target record has."""
        for erratum in load().errata:
            assert erratum.field in attrs.fields_dict(type(get(erratum.target))), erratum.id

    def test_errata_quote_what_the_text_says(self) -> None:
        """text_says is the text's words: one of the erratum's own quotes holds it."""
        for erratum in load().errata:
            assert any(erratum.text_says in s.quote for s in erratum.sources), erratum.id

    def test_references_are_structured(self) -> None:
        """Every reference has an address, a publisher, a title and a role."""
        for erratum in load().errata:
            assert erratum.references, erratum.id
            for reference in erratum.references:
                assert reference.url is not None, erratum.id
                assert reference.url.startswith(("https://", "http://")), erratum.id
                assert reference.publisher, erratum.id
                assert reference.title, erratum.id
                assert reference.role is not None, erratum.id

    def test_indirect_evidence_is_said(self) -> None:
        """An erratum resting only on news reports says it rests on reports."""
        for erratum in load().errata:
            roles = {r.role for r in erratum.references}
            if roles == {SourceRole.REPORT}:
                assert "report" in erratum.record_says, erratum.id

    def test_corrections_and_clarifications(self) -> None:
        """A correction is where the text is wrong: the minister, the JJOC, USFJ, two responses."""
        corrections = {e.target for e in load().errata if e.kind is ErratumKind.CORRECTION}
        assert corrections == {
            "official.hamada",
            "programme.jjoc",
            "programme.usfj",
            "threat.ru-cn-alignment",
            "threat.ru-kp-alignment",
        }

    def test_event_date_not_invented(self) -> None:
        """The text gives no date for Kishida's visit, so the record has none."""
        assert get("event.kishida-visit", kind=Event).date is None

    def test_philippines_only_in_a_link_is_not_a_party(self) -> None:
        """The Philippines appear only in a link to another article, so are not a party."""
        assert "Philippines" in source_text()
        assert all(p.name != "Philippines" for p in load().parties)

    def test_every_party_is_used(self) -> None:
        """Each party is referred to by some record or hosts the meeting."""
        meeting = load()
        used = {meeting.host}
        used |= {o.country for o in meeting.officials}
        used |= {a for c in meeting.commitments for a in (*c.parties, *c.partners)}
        used |= {a for t in meeting.threats for a in (t.actor, *t.involving) if a is not None}
        assert {p.id for p in meeting.parties} == used


@pytest.mark.parametrize("flag", ["--check"])
def test_bundled_json_is_the_builder_output(flag: str) -> None:
    """tools/build_dataset.py and the bundled JSON agree: neither was edited alone."""
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_dataset.py"), flag], check=True)
