"""Errata in sight on every surface, and a meeting's own text on every surface (issue 18).

Each surface that shows a record is tried on ``official.hamada``, whose name the text gets
wrong (``erratum.defense-minister``); then a user's own meeting, loaded with its own
source text, goes through every surface, none of which may show the bundled text.
"""

from __future__ import annotations

import html
import io
import json
import pickle
import re
from contextlib import redirect_stdout
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import usjapan2024 as uj
from usjapan2024 import dumps, loads
from usjapan2024._cli import run
from usjapan2024._presenting.context import NO_TEXT, NOT_HELD, quote_in_context, sentence_bounds
from usjapan2024._presenting.display import record_html
from usjapan2024._presenting.provenance import MARK, text_holds
from usjapan2024._presenting.summary import summary, summary_html
from usjapan2024.model import Meeting
from usjapan2024.strategies import meetings, meetings_with_source

HAMADA = "official.hamada"


def _erratum() -> uj.Erratum:
    (erratum,) = uj.errata_for(HAMADA)
    return erratum


def _cli(*args: str) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        status = run(list(args))
    assert status == 0, out.getvalue()
    return out.getvalue()


def _marked_ids(table: str) -> list[str]:
    """The ids the table's rows mark with the errata mark, in order."""
    return re.findall(rf"^(?:\S+  +)?(\S+) {MARK}  ", table, flags=re.MULTILINE)


class TestRecordCard:
    def test_card_shows_the_erratum_whole(self) -> None:
        """The card gives the kind, field, public record, corrected value and references."""
        erratum = _erratum()
        card = uj.get(HAMADA)._repr_html_()
        assert erratum.record_value == "Minoru Kihara"
        for words in (erratum.kind.value, erratum.field, erratum.record_says, erratum.id):
            assert html.escape(words) in card
        assert f"<b>{html.escape(str(erratum.record_value))}</b>" in card
        for reference in erratum.references:
            assert html.escape(reference.publisher or reference.title) in card
            if reference.date is not None:
                assert reference.date.isoformat() in card

    def test_a_record_without_errata_has_no_section(self) -> None:
        """Kamikawa's card has no mark and no errata, and does not say they are unknown."""
        card = uj.get("official.kamikawa")._repr_html_()
        assert MARK not in card
        assert "Errata" not in card

    def test_a_value_that_is_no_single_value_says_so(self) -> None:
        """An erratum with no ``record_value`` says so on its record's card."""
        erratum = next(e for e in uj.load().errata if e.record_value is None)
        card = uj.get(erratum.target)._repr_html_()
        assert "no single value" in card

    def test_a_record_of_no_known_meeting_says_errata_are_unknown(self) -> None:
        """A record the bundled meeting does not hold gets no errata, and says so."""
        other = attrs.evolve(uj.get(HAMADA, kind=uj.Official), name="Someone Else")
        card = other._repr_html_()
        assert "Errata unknown" in card
        assert _erratum().record_says not in html.unescape(card)

    def test_the_card_uses_the_meeting_given(self) -> None:
        """In the corrected view the card shows Kihara, and says that the view holds it."""
        view = uj.corrected()
        card = record_html(uj.get(HAMADA, meeting=view), view)
        assert "<td>Minoru Kihara</td>" in card
        assert "this view holds it" in card


class TestResults:
    def test_html_marks_the_row_and_lists_the_erratum(self) -> None:
        """The officials' table marks Hamada's id, only his, and lists the erratum below."""
        table = uj.officials()._repr_html_()
        rows = re.findall(r"<tr><td>(.*?)</td>", table)
        marked = [row for row in rows if MARK in row]
        assert len(marked) == 1
        assert marked[0].startswith(HAMADA)
        below = table.split("</table>", 1)[1]
        assert html.escape(_erratum().record_says) in below
        assert "Minoru Kihara" in below

    def test_print_marks_the_row_and_lists_the_erratum(self) -> None:
        """``print(results)`` marks Hamada's row and its footnote gives the erratum's value."""
        found = uj.officials()
        text = str(found)
        assert _marked_ids(text.split("\n\n", 1)[0]) == [HAMADA]
        footnote = " ".join(text.split("\n\n", 1)[1].split())
        assert "Its value: Minoru Kihara." in footnote
        assert " ".join(_erratum().record_says.split()) in footnote

    def test_a_narrow_table_keeps_its_footnote(self) -> None:
        """Threats print stacked (the summary below each row); the footnote still follows."""
        text = str(uj.threats(actor="RU", meeting=uj.corrected()))
        table, footnote = text.split("\n\n", 1)
        assert _marked_ids(table + "  ") == ["threat.ru-cn-alignment", "threat.ru-kp-alignment"]
        assert "Its value: condemnation (this view holds it)." in " ".join(footnote.split())

    def test_results_know_their_meeting_and_stay_immutable(self) -> None:
        """Results carry the meeting they came from, through slicing and pickling."""
        view = uj.corrected()
        found = uj.officials(meeting=view)
        assert found.meeting is view
        assert found[1:].meeting is view
        assert pickle.loads(pickle.dumps(found)).meeting == view  # noqa: S301  (our own bytes)
        assert uj.officials().meeting is uj.load()
        assert uj.search("Hamada").meeting is uj.load()
        with pytest.raises(AttributeError):
            found.meeting = None

    def test_results_built_in_code_say_errata_are_unknown(self) -> None:
        """Results of records no meeting is known to hold do not pretend they have none."""
        other = attrs.evolve(uj.get(HAMADA, kind=uj.Official), name="Someone Else")
        from usjapan2024._querying.results import Results

        found = Results((other,), uj.Official)
        assert "Errata unknown for 1 row" in str(found)
        assert "Errata unknown for 1 row" in found._repr_html_()


class TestCommandLine:
    def test_listing_marks_the_row_with_a_footnote(self) -> None:
        """`officials` marks Hamada's row and says why under the table."""
        out = _cli("officials")
        assert _marked_ids(out.split("\n\n", 1)[0]) == [HAMADA]
        assert "Minoru Kihara" in out.split("\n\n", 1)[1]

    def test_search_and_threats_mark_their_rows(self) -> None:
        """Search and threat listings mark exactly the rows that have errata."""
        targets = {e.target for e in uj.load().errata}
        for args, found in (
            (("search", "Hamada"), uj.search("Hamada")),
            (("threats", "--actor", "RU"), uj.threats(actor="RU")),
        ):
            table = _cli(*args).split("\n\n", 1)[0]
            marked = _marked_ids(table)
            assert marked == [r.id for r in found if r.id in targets], args
            assert marked

    def test_csv_and_json_stay_exact_data(self) -> None:
        """CSV and JSON carry no mark and no footnote."""
        csv_out = _cli("officials", "--format", "csv")
        assert MARK not in csv_out
        assert len(csv_out.splitlines()) == 1 + len(uj.load().officials)
        records = json.loads(_cli("officials", "--format", "json"))
        assert [r["name"] for r in records] == [o.name for o in uj.load().officials]
        assert MARK not in json.dumps(records, ensure_ascii=False)

    def test_show_keeps_its_errata_with_the_value(self) -> None:
        """`show` gives the erratum, what the public record says and its value."""
        out = _cli("show", HAMADA, "--color", "never")
        assert _erratum().id in out
        assert " ".join(_erratum().record_says.split()) in " ".join(out.split())
        assert "its value: Minoru Kihara" in out

    def test_footnotes_are_escaped(self, tmp_path: Path) -> None:
        """A control character in an erratum's text reaches the footnote as an escape."""
        document = json.loads(dumps(uj.load()))
        for erratum in document["errata"]:
            if erratum["target"] == HAMADA:
                erratum["record_says"] = "Kihara\x1b]0;pwned\x07 was minister."
        (tmp_path / "m.json").write_text(json.dumps(document), encoding="utf-8")
        out = _cli("officials", "--file", str(tmp_path / "m.json"))
        assert "\x1b" not in out
        assert "\\x1b]0;pwned\\x07" in out


class TestInContext:
    def test_plain_text_keeps_the_whole_sentence(self) -> None:
        """The quote stands in its whole sentence, from its start to its full stop."""
        record = uj.get(HAMADA)
        (quote,) = uj.in_context(record)
        text = uj.source_text()
        (span,) = record.sources
        begin, finish = sentence_bounds(text, span.start, span.end)
        assert str(uj.in_context(record)) == (
            f"{text[begin : span.start]}«{span.quote}»{text[span.end : finish]}"
        )
        assert quote.sentence.startswith("The meeting included")
        assert quote.sentence.endswith(".")

    def test_no_text_known_says_so(self) -> None:
        """A meeting built in code knows no text: the quotes stand alone and say why."""

        @settings(max_examples=5, database=None, suppress_health_check=list(HealthCheck))
        @given(meetings(2, min_records=1))
        def check(drawn: Meeting) -> None:
            # A generated meeting knows the text it quotes, as a loaded one does; a copy
            # built in code (attrs.evolve) is a new meeting, which knows none.
            meeting = attrs.evolve(drawn)
            assert meeting.source_text is None
            for record in meeting.officials:
                for quote in uj.in_context(record, meeting=meeting):
                    assert quote.missing == NO_TEXT
                    assert quote.sentence == quote.quote
                    assert NO_TEXT in str(quote)

        check()

    def test_a_text_that_does_not_hold_the_quote_is_not_cut(self) -> None:
        """The bundled offsets read in another text give no sentence, and say so."""
        (span,) = uj.get(HAMADA).sources
        other = "x" * (span.end + 50)
        quote = quote_in_context(span, other)
        assert quote.missing == NOT_HELD
        assert "x" not in quote.sentence


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Meeting, str, Path, Path]]:
    """A few users' own meetings, each loaded with its own small text, and their files."""
    drawn: list[tuple[Meeting, str]] = []

    @settings(max_examples=4, database=None, suppress_health_check=list(HealthCheck))
    @given(meetings_with_source(3, min_records=1))
    def draw(pair: tuple[Meeting, str]) -> None:
        drawn.append(pair)

    draw()
    found = []
    for number, (meeting, text) in enumerate(drawn):
        folder = tmp_path_factory.mktemp(f"own{number}")
        data, source = folder / "m.json", folder / "m.txt"
        data.write_text(dumps(meeting), encoding="utf-8")
        source.write_bytes(text.encode("utf-8"))
        found.append((loads(dumps(meeting), source=text), text, data, source))
    return found


def _bundled_fragments() -> list[str]:
    """Pieces of the bundled text long enough that no other text holds them by chance."""
    return [line[:40] for line in uj.source_text().splitlines() if len(line) >= 40]


def _assert_no_bundled_text(shown: str) -> None:
    flat = html.unescape(shown)
    for fragment in _bundled_fragments():
        assert fragment not in flat


class TestAUsersOwnMeeting:
    def test_the_meeting_knows_its_text(self, own: list[tuple[Meeting, str, Path, Path]]) -> None:
        """A meeting loaded with its text knows it, and so does its corrected view."""
        for meeting, text, _, _ in own:
            assert meeting.source_text == text
            assert uj.corrected(meeting).source_text == text

    def test_in_context_cuts_the_meeting_s_own_sentences(
        self, own: list[tuple[Meeting, str, Path, Path]]
    ) -> None:
        """Every quote stands in its sentence of the meeting's own text."""
        for meeting, text, _, _ in own:
            for record in meeting.records():
                for quote in uj.in_context(record, meeting=meeting):
                    assert quote.missing is None
                    assert quote.sentence == quote_in_context(quote.span, text).sentence
                    assert quote.sentence in text
            assert [q.sentence for q in uj.in_context(meeting)] == [
                quote_in_context(s, text).sentence for s in meeting.sources
            ]

    def test_displays_show_no_bundled_text(
        self, own: list[tuple[Meeting, str, Path, Path]], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Cards, result tables (HTML and print), the summary: only the meeting's text."""
        monkeypatch.setenv("USJAPAN2024_DOCS_URL", "https://d.example/")
        for meeting, _text, _, _ in own:
            shown: list[str] = [summary(meeting), summary_html(meeting)]
            for query in (uj.officials, uj.commitments, uj.threats):
                found = query(meeting=meeting)
                shown += [str(found), found._repr_html_()]
            for record in meeting.records():
                card = record_html(record, meeting)
                assert "records.html" not in card  # not a record of the bundled catalogue
                for quote in uj.in_context(record, meeting=meeting):
                    assert quote.html() in card
                shown.append(card)
                lone = record._repr_html_()  # no meeting: the bundled one does not hold it
                assert "Errata unknown" in lone
                if not any(text_holds(uj.source_text(), span) for span in record.sources):
                    shown.append(lone)  # (a quote the bundled text holds there may show in it)
            for page in shown:
                _assert_no_bundled_text(page)
            assert "the text is known" in summary(meeting, width=1000)

    def test_errata_come_from_the_meeting(self, own: list[tuple[Meeting, str, Path, Path]]) -> None:
        """A result table lists the errata of its own meeting, with their values."""
        for meeting, _, _, _ in own:
            targets = {e.target for e in meeting.errata}
            for query in (uj.officials, uj.commitments, uj.threats):
                table = query(meeting=meeting)._repr_html_()
                for record in query(meeting=meeting):
                    erratum_ids = [e.id for e in meeting.errata if e.target == record.id]
                    for erratum_id in erratum_ids:
                        assert html.escape(erratum_id) in table
                assert (MARK in table) == any(r.id in targets for r in query(meeting=meeting))

    def test_no_catalogue_links(self, own: list[tuple[Meeting, str, Path, Path]]) -> None:
        """No record of another file links into the bundled catalogue."""
        base = "https://d.example/"
        for meeting, _, _, _ in own:
            assert uj.record_url(meeting, base=base, meeting=meeting) is None
            for record in meeting.records():
                assert uj.record_url(record, base=base, meeting=meeting) is None
                assert uj.record_url(record, base=base) is None
        assert uj.record_url(uj.get(HAMADA), base=base) == f"{base}records.html#{HAMADA}"
        view = uj.corrected()
        assert uj.record_url(uj.get(HAMADA, meeting=view), base=base, meeting=view) is not None

    def test_command_line_shows_only_the_file_s_text(
        self, own: list[tuple[Meeting, str, Path, Path]]
    ) -> None:
        """`show` and the listings with --file F --source T show T's sentences only."""
        for meeting, _text, data, source in own:
            files = ("--file", str(data), "--source", str(source))
            outputs = [_cli("summary", *files)]
            outputs += [_cli(listing, *files) for listing in ("officials", "threats")]
            for record in meeting.officials:
                out = _cli("show", record.id, *files, "--color", "never")
                assert "see:" not in out
                plain = out.replace("\u00ab", "").replace("\u00bb", "")
                for quote in uj.in_context(record, meeting=meeting):
                    assert _escaped(quote.sentence) in plain
                outputs.append(out)
            for out in outputs:
                _assert_no_bundled_text(out)


def _escaped(text: str) -> str:
    from usjapan2024._presenting.terminal import escape

    return escape(text)
