"""The codebook's rules, checked over the whole dataset.

The tables are read from ``docs/codebook.md`` itself, so the page is the one statement of
the rules: changing a rule there without recoding the data (or the other way round) fails
here.  Each test names the rule it checks.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator

import pytest

from usjapan2024 import (
    Commitment,
    Erratum,
    Event,
    Meeting,
    Official,
    Programme,
    Span,
    Threat,
    get,
    load,
    source_text,
)
from usjapan2024.vocabulary import SpanRole

from .conftest import ROOT

CODEBOOK = ROOT / "docs" / "codebook.md"
FIXTURE_1_0_0 = ROOT / "tests" / "data" / "usjapan2024-1.0.0.json"

Row = dict[str, str]
Coded = Commitment | Threat


# --- the codebook's tables ------------------------------------------------------------


@functools.cache
def _tables() -> dict[tuple[str, ...], list[Row]]:
    """Every pipe table of the codebook, keyed by its header cells."""
    tables: dict[tuple[str, ...], list[Row]] = {}
    block: list[str] = []
    for line in [*CODEBOOK.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("|"):
            block.append(line)
            continue
        if block:
            header, _rule, *body = ([c.strip() for c in b.strip("|").split("|")] for b in block)
            tables[tuple(header)] = [dict(zip(header, cells, strict=True)) for cells in body]
            block = []
    return tables


def _table(*header: str) -> list[Row]:
    rows = _tables().get(header)
    assert rows, f"the codebook has no table headed {header}"
    return rows


def _quoted(cell: str) -> list[str]:
    return re.findall(r'"([^"]+)"', cell)


def _ids(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


def _status_rows() -> list[Row]:
    return _table("row", "sent.", "verb phrase", "subject", "parties", "status", "record")


def _response_rows() -> list[Row]:
    return _table("row", "sent.", "verb phrase", "response", "records")


def _framing_rows() -> list[Row]:
    return _table("id", "sent.", "opening words", "type", "scope")


def _stop_list() -> set[str]:
    text = CODEBOOK.read_text(encoding="utf-8")
    paragraph = text.split("**Stop list.**", 1)[1].split("\n\n", 1)[0]
    return set(_ids(paragraph))


# --- the text's sentences -------------------------------------------------------------


@functools.cache
def _sentences() -> dict[str, Span]:
    """Body sentences by ``L.S`` number, split as the coverage test splits them."""
    excluded = {e.span.start for e in load().metadata.source.excluded}
    result, start = {}, 0
    for number, line in enumerate(source_text().split("\n"), start=1):
        if start not in excluded:
            ends = list(re.finditer(r"(?<!U\.S)\.\s+(?=[A-Z])", line))
            begins = [0, *(m.end() for m in ends)]
            stops = [*(m.start() + 1 for m in ends), len(line)]
            pieces = zip(begins, stops, strict=True)
            for index, (b, e) in enumerate(pieces, start=1):
                result[f"{number}.{index}"] = Span(start + b, start + e, line[b:e])
        start += len(line) + 1
    return result


def _line_of(position: int) -> int:
    return source_text().count("\n", 0, position) + 1


@functools.cache
def _framing() -> dict[tuple[int, int], Row]:
    """Framing sentences by (start, end)."""
    result = {}
    for row in _framing_rows():
        sentence = _sentences()[row["sent."]]
        assert sentence.quote.startswith(_quoted(row["opening words"])[0]), row["id"]
        result[(sentence.start, sentence.end)] = row
    return result


def _is_framing(span: Span) -> bool:
    return (span.start, span.end) in _framing()


def _own(record: Coded) -> list[Span]:
    return [s for s in record.sources if not _is_framing(s)]


def _coded() -> Iterator[Coded]:
    meeting = load()
    yield from meeting.commitments
    yield from meeting.threats


def _by_id() -> dict[str, Coded]:
    return {r.id: r for r in _coded()}


def _position_in(record: Coded, phrase: str, sentence: Span) -> bool:
    """Whether ``phrase`` stands in one of ``record``'s own quotes, inside ``sentence``."""
    for quote in _own(record):
        for match in re.finditer(re.escape(phrase), quote.quote):
            if sentence.start <= quote.start + match.start() < sentence.end:
                return True
    return False


# --- S1, P1: status by verb -----------------------------------------------------------


@pytest.mark.parametrize("row", _status_rows(), ids=lambda r: r["row"])
def test_status_row(row: Row) -> None:
    """S1/P1: the verb phrase governs its record, which has the row's status and parties."""
    (phrase,) = _quoted(row["verb phrase"])
    sentence = _sentences()[row["sent."]]
    assert phrase in sentence.quote
    (record_id,) = _ids(row["record"])
    record = get(record_id, kind=Commitment)
    assert _position_in(record, phrase, sentence), "verb phrase not in an own quote"
    assert record.status.value == row["status"]
    assert {p.value for p in record.parties} == {p.strip() for p in row["parties"].split(",")}


def test_every_commitment_has_a_status_row() -> None:
    """S1: no commitment is coded without the verb phrase that fixes its status."""
    named = {i for row in _status_rows() for i in _ids(row["record"])}
    assert named == {c.id for c in load().commitments}


def test_one_status_per_verb_phrase() -> None:
    """S1: the same verb phrase never gets two statuses."""
    statuses: dict[str, set[str]] = {}
    for row in _status_rows():
        statuses.setdefault(_quoted(row["verb phrase"])[0], set()).add(row["status"])
    assert {p: s for p, s in statuses.items() if len(s) > 1} == {}


# --- R1: response by verb -------------------------------------------------------------


@pytest.mark.parametrize("row", _response_rows(), ids=lambda r: r["row"])
def test_response_row(row: Row) -> None:
    """R1: the verb governs each record's behaviour, and sets its response."""
    (phrase,) = _quoted(row["verb phrase"])
    sentence = _sentences()[row["sent."]]
    assert phrase in sentence.quote
    for record_id in _ids(row["records"]):
        record = get(record_id, kind=Threat)
        assert _position_in(record, phrase, sentence), record_id
        assert record.response.value == row["response"], record_id


def test_every_threat_has_a_response_row() -> None:
    """R1: no threat is coded without the verb that fixes its response."""
    named = {i for row in _response_rows() for i in _ids(row["records"])}
    assert named == {t.id for t in load().threats}


def test_every_body_sentence_is_accounted_for() -> None:
    """S3: each sentence is framing, governs a record through a row, or is the meeting's."""
    anchored = {row["sent."] for row in (*_status_rows(), *_response_rows())}
    framing = {row["sent."] for row in _framing_rows()}
    meeting = load().sources
    unaccounted = [
        number
        for number, sentence in _sentences().items()
        if number not in anchored | framing
        and not any(s.start < sentence.end and sentence.start < s.end for s in meeting)
    ]
    assert unaccounted == []


# --- F: framing sentences -------------------------------------------------------------


def _computed_scope(row: Row) -> set[str]:
    """The records a framing sentence's type and position put in its scope (rule F)."""
    sentence = _sentences()[row["sent."]]
    line = _line_of(sentence.start)
    later_in_line = [
        s
        for n, s in _sentences().items()
        if n.split(".")[0] == str(line) and s.start > sentence.start
    ]
    if row["type"] == "introducer":
        if all(_is_framing(s) for s in later_in_line):  # it ends its paragraph: the next one
            following = min(
                int(n.split(".")[0]) for n, s in _sentences().items() if s.start > sentence.end
            )
            return {r.id for r in _coded() if any(_line_of(q.start) == following for q in _own(r))}
        return {
            r.id
            for r in _coded()
            if any(_line_of(q.start) == line and q.start > sentence.start for q in _own(r))
        }
    assert row["type"] == "summariser", row["id"]
    return {
        r.id
        for r in _coded()
        if any(_line_of(q.start) == line and q.end <= sentence.start for q in _own(r))
    }


@pytest.mark.parametrize("row", _framing_rows(), ids=lambda r: r["id"])
def test_framing_sentence_cited_by_exactly_its_scope(row: Row) -> None:
    """F: cited by every record in its scope and by no other; the scope follows the rule."""
    sentence = _sentences()[row["sent."]]
    citing = {
        r.id
        for r in _coded()
        if any((s.start, s.end) == (sentence.start, sentence.end) for s in r.sources)
    }
    assert citing == set(_ids(row["scope"]))
    assert _computed_scope(row) == set(_ids(row["scope"]))


@pytest.mark.parametrize("record", list(_coded()), ids=lambda r: r.id)
def test_own_quotes_first_then_framing_in_text_order(record: Coded) -> None:
    """F (order): sources[0] is the record's own words; framing quotes follow, in text order."""
    flags = [_is_framing(s) for s in record.sources]
    assert not flags[0]
    assert flags == sorted(flags), "an own quote after a framing quote"
    framing = [s.start for s in record.sources if _is_framing(s)]
    assert framing == sorted(framing)


@pytest.mark.parametrize("record", list(_coded()), ids=lambda r: r.id)
def test_a_span_is_context_exactly_when_it_quotes_a_framing_sentence(record: Coded) -> None:
    """F (roles): the data says which spans are framing quotes, as the codebook's table does."""
    for span in record.sources:
        assert (span.role is SpanRole.CONTEXT) == _is_framing(span), span.quote


# --- W3: places -----------------------------------------------------------------------


def _triggers() -> dict[str, list[str]]:
    return {row["place"]: _quoted(row["triggers"]) for row in _table("place", "triggers")}


def _framing_places(record: Coded) -> set[str]:
    allowed = {row["framing"]: row["place"] for row in _table("framing", "place")}
    cited = {_framing()[(s.start, s.end)]["id"] for s in record.sources if _is_framing(s)}
    return {allowed[f] for f in cited if f in allowed}


@pytest.mark.parametrize("record", list(_coded()), ids=lambda r: r.id)
def test_places_match_their_triggers_both_ways(record: Coded) -> None:
    """W3/F: a place needs a trigger in its quotes, and a trigger in an own quote its place."""
    own = " ".join(q.quote for q in _own(record))
    triggered = {place for place, words in _triggers().items() if any(w in own for w in words)}
    coded = {p.value for p in record.places}
    assert coded - triggered <= _framing_places(record), "a place no quote names"
    assert triggered <= coded, "a place an own quote names is not coded"


# --- W2, W5, P3, P4: subjects and links -----------------------------------------------


@pytest.mark.parametrize("record", list(load().commitments), ids=lambda r: r.id)
def test_subjects_are_in_own_quotes_and_not_stop_words(record: Commitment) -> None:
    """W2: every subject is a substring of an own quote, and no common noun is a general word."""
    own = " ".join(q.quote for q in _own(record)).casefold()
    for subject in record.subjects:
        assert subject.casefold() in own, subject
        if not subject[0].isupper():  # the stop list is for common nouns
            assert subject.split()[-1].casefold() not in _stop_list(), subject


@pytest.mark.parametrize("record", list(_coded()), ids=lambda r: r.id)
def test_links_are_named_in_the_quotes(record: Coded) -> None:
    """W5/P3/P4: programmes, events, partners and involved parties are named where cited."""
    meeting = load()
    quotes = " ".join(s.quote for s in record.sources)
    own = " ".join(q.quote for q in _own(record))
    names = {p.id: p.name for p in meeting.parties}
    others = record.partners if isinstance(record, Commitment) else record.involving
    for actor in others:
        assert names[actor] in own, actor
    if isinstance(record, Commitment):
        programmes = {p.id: p for p in meeting.programmes}
        for pid in record.programmes:
            programme = programmes[pid]
            assert programme.name in quotes or (programme.acronym or "\0") in quotes, pid
        events = {e.id: e for e in meeting.events}
        for eid in record.events:
            assert any(
                e.start < s.end and s.start < e.end
                for e in events[eid].sources
                for s in record.sources
            ), eid


# --- I1-I3: ids -----------------------------------------------------------------------


def _ids_1_0_0() -> dict[str, list[tuple[int, int]]]:
    """Every record id of the real 1.0.0 file, with the spans it cited."""
    document = json.loads(FIXTURE_1_0_0.read_text(encoding="utf-8"))
    found: dict[str, list[tuple[int, int]]] = {}
    for key in ("officials", "parties", "programmes", "events", "commitments", "threats", "errata"):
        for record in document[key]:
            found[record["id"]] = [(s["start"], s["end"]) for s in record["sources"]]
    return found


def _meeting() -> Meeting:
    return load()


def test_every_1_0_0_id_is_present_or_retired() -> None:
    """I1/I2: a published id is never silently dropped."""
    meeting = _meeting()
    records: list[Official | Programme | Event | Commitment | Threat | Erratum] = [
        *meeting.officials,
        *meeting.programmes,
        *meeting.events,
        *meeting.commitments,
        *meeting.threats,
        *meeting.errata,
    ]
    present = {r.id for r in records}
    present |= {p.id.value for p in meeting.parties}
    retired = {r.id for r in meeting.retired}
    assert set(_ids_1_0_0()) <= present | retired
    assert not present & retired
    assert retired <= set(_ids_1_0_0()), "only a published id can be retired"


@pytest.mark.parametrize("record", list(_coded()), ids=lambda r: r.id)
def test_kept_ids_keep_their_meaning(record: Coded) -> None:
    """I1: an id published in 1.0.0 still quotes words it quoted then."""
    old = _ids_1_0_0().get(record.id)
    if old is None:
        assert record.id not in {r.id for r in _meeting().retired}, "I3: a retired id reused"
        return
    assert any(s < q.end and q.start < e for s, e in old for q in _own(record))


def test_retired_ids_answer_get_with_their_replacements() -> None:
    """I2: get() on a retired id raises a KeyError naming every record that replaced it."""
    retired = _meeting().retired
    assert retired, "1.1.0 retires threat.ru-alignment"
    for entry in retired:
        with pytest.raises(KeyError) as info:
            get(entry.id)
        for replacement in entry.replaced_by:
            get(replacement)  # exists
            assert replacement in str(info.value)
