"""The codebook's rules, checked over the whole dataset.

The tables are read from ``docs/codebook.md`` itself, so the page is the one statement of
the rules: changing a rule there without recoding the data (or the other way round) fails
here.  Each test names the rule it checks.
"""

from __future__ import annotations

import functools
import json
import re
import urllib.parse
from collections.abc import Iterator

import pytest

from usjapan2024 import (
    Commitment,
    Erratum,
    ErratumKind,
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

from .conftest import RELEASES, ROOT

CODEBOOK = ROOT / "docs" / "codebook.md"
FIXTURE_1_0_0 = RELEASES / "usjapan2024-1.0.0.json"

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


def _code_words(after: str, until: str = "\n\n") -> list[str]:
    """The backticked words of the codebook between ``after`` and the next ``until``."""
    text = CODEBOOK.read_text(encoding="utf-8").split(after, 1)[1].split(until, 1)[0]
    return _ids(text)


def _words(text: str) -> list[str]:
    """The words of ``text``, case-folded, with the text's curly apostrophe made straight."""
    text = text.replace("\N{RIGHT SINGLE QUOTATION MARK}", "'").casefold()
    return [
        w.removesuffix("'s") for w in re.findall(r"[a-z0-9][a-z0-9.'-]*[a-z0-9]|[a-z0-9]", text)
    ]


def _stem(word: str) -> str:
    """A crude stem, enough to see "reorganize" and "reorganizing" as one word."""
    return re.sub(r"(ing|ed|es|e|s)$", "", word.rstrip("."))


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


# --- U6: antecedents ------------------------------------------------------------------

_ANAPHOR = re.compile(r"\b(?:this|these|those|it)\b", re.IGNORECASE)


def _anaphor_rows() -> list[Row]:
    return _table("anaphor", "sent.", "antecedent", "record")


def test_every_anaphor_of_an_own_quote_has_a_row() -> None:
    """U6: each "this", "these", "those" or "it" of an own quote is in the anaphor table."""
    listed = set()
    for row in _anaphor_rows():
        sentence = _sentences()[row["sent."]]
        (phrase,) = _quoted(row["anaphor"])
        listed |= {(i, sentence.start + sentence.quote.index(phrase)) for i in _ids(row["record"])}
    found = {
        (record.id, quote.start + match.start())
        for record in _coded()
        for quote in _own(record)
        for match in _ANAPHOR.finditer(quote.quote)
    }
    assert found - listed == set(), "an anaphor with no row in the table"
    assert listed - found == set(), "a row for an anaphor no own quote holds"


@pytest.mark.parametrize("row", _anaphor_rows(), ids=lambda r: r["anaphor"])
def test_antecedents_are_cited(row: Row) -> None:
    """U6: every antecedent of the row is in an own quote of each of its records."""
    for record_id in _ids(row["record"]):
        record = _by_id()[record_id]
        own = [q.quote for q in _own(record)]
        for antecedent in _quoted(row["antecedent"]):
            assert any(antecedent in q for q in own), (record_id, antecedent)


# --- W1: summaries --------------------------------------------------------------------


@pytest.mark.parametrize("record", list(_coded()), ids=lambda r: r.id)
def test_summary_words_are_own_words(record: Coded) -> None:
    """W1a: every word of a summary is a word of its own quotes, or a listed function word."""
    allowed = {_stem(w) for q in _own(record) for w in _words(q.quote)}
    allowed |= set(_code_words("**W1a. Words.**"))
    extra = [w for w in _words(record.summary) if _stem(w) not in allowed and w not in allowed]
    assert extra == []


@pytest.mark.parametrize("record", list(_coded()), ids=lambda r: r.id)
def test_summary_holds_no_anaphor(record: Coded) -> None:
    """W1b: a summary says what an anaphor refers to, never the anaphor."""
    assert _ANAPHOR.findall(record.summary) == []


def _rows_of(record_id: str) -> list[Row]:
    return [row for row in _status_rows() if record_id in _ids(row["record"])]


@pytest.mark.parametrize(
    "record",
    [c for c in load().commitments if c.status.value == "reaffirmed"],
    ids=lambda r: r.id,
)
def test_a_stance_stays_a_stance(record: Commitment) -> None:
    """W1c: a reaffirmed summary neither commits nor opens with the imperative of its verb."""
    assert not re.search(r"\bcommits? to\b|\bwill\b", record.summary, re.IGNORECASE)
    first, *rest = _words(record.summary)
    for row in _rows_of(record.id):
        verb = _words(_quoted(row["verb phrase"])[0])[0]
        imperative = _stem(first) == _stem(verb) and rest[:1] not in (["for"], ["of"])
        assert not imperative, f"opens with the imperative of {verb!r}"


_PRONOUNS = ("they", "this", "these", "it", "its", "their")


@pytest.mark.parametrize("record", list(load().commitments), ids=lambda r: r.id)
def test_merged_sentences_keep_their_subjects(record: Commitment) -> None:
    """W1d: a later row's own noun-phrase subject and its verb stay together in the summary."""
    rows = _rows_of(record.id)
    first = rows[0]["subject"].split("(")[0].strip()
    summary = record.summary.casefold()
    for row in rows[1:]:
        subject = row["subject"].split("(")[0].strip()
        if subject == first or subject.split()[0].casefold() in _PRONOUNS:
            continue
        (verb,) = _quoted(row["verb phrase"])
        assert subject.casefold() in summary, subject
        assert verb.casefold() in summary.split(subject.casefold(), 1)[1], verb


# --- W2: subjects are whole noun phrases, never actors ----------------------------------


def _followers() -> set[str]:
    return set(_code_words("the words that follow subjects in this dataset are", "One proper"))


def _standing_names() -> dict[str, str]:
    rows = _table("subject", "noun phrase")
    return {row["subject"]: _quoted(row["noun phrase"])[0] for row in rows}


@pytest.mark.parametrize("record", list(load().commitments), ids=lambda r: r.id)
def test_subjects_are_whole_noun_phrases(record: Commitment) -> None:
    """W2: a subject ends its noun phrase in the own quote, or is a listed standing name."""
    followers = _followers()
    own = [q.quote for q in _own(record)]
    for subject in record.subjects:
        if subject in _standing_names():
            assert any(_standing_names()[subject] in q for q in own), subject
            continue
        after = [q[m.end() :] for q in own for m in re.finditer(re.escape(subject), q)]
        assert after, subject
        for rest in after:
            assert _next_word(rest) in {*followers, ""}, subject


def test_the_followers_list_is_as_found() -> None:
    """W2: the followers word list names the words that follow subjects, and no others."""
    followers = _followers()
    found = set()
    for record in load().commitments:
        for subject in record.subjects:
            for q in _own(record):
                for m in re.finditer(re.escape(subject), q.quote):
                    found.add(_next_word(q.quote[m.end() :]))
    standing = {phrase.split()[-1] for phrase in _standing_names().values()}
    assert found - standing - {""} == followers


def _next_word(rest: str) -> str:
    """The word right after a subject, or "" where punctuation or the quote's end follows."""
    return rest.split(maxsplit=1)[0].rstrip(".,;") if rest.startswith(" ") else ""


@pytest.mark.parametrize("record", list(load().commitments), ids=lambda r: r.id)
def test_subjects_are_not_parties(record: Commitment) -> None:
    """W2/P1: a subject is never a party's name: who acts is in parties."""
    names = {p.name.casefold() for p in load().parties} | {
        p.id.value.casefold() for p in load().parties
    }
    assert {s.casefold() for s in record.subjects} & names == set()


# --- W5: a programme is used by the records whose words name it ------------------------


@pytest.mark.parametrize("record", list(load().commitments), ids=lambda r: r.id)
def test_records_naming_a_programme_use_it(record: Commitment) -> None:
    """W5: a record whose own quotes name a programme links it (the converse is above)."""
    own = " ".join(q.quote for q in _own(record))
    for programme in load().programmes:
        words = [programme.name, *([programme.acronym] if programme.acronym else [])]
        if any(re.search(rf"\b{re.escape(w)}\b", own) for w in words):
            assert programme.id in record.programmes, programme.id


# --- E1-E4: errata --------------------------------------------------------------------

_SETTLED_FIELDS = ("parties", "status", "response", "date", "name", "actor", "kind")


def test_settled_fields_are_the_codebooks() -> None:
    """E2: the list of fields whose clarifications settle a value is the codebook's."""
    text = CODEBOOK.read_text(encoding="utf-8")
    paragraph = text.split("**E2.", 1)[1].split("\n\n", 1)[0]
    named = paragraph.split("namely", 1)[1].split(".", 1)[0]
    assert tuple(_ids(named)) == _SETTLED_FIELDS


@pytest.mark.parametrize("erratum", list(load().errata), ids=lambda e: e.id)
def test_an_erratum_that_settles_a_value_carries_it(erratum: Erratum) -> None:
    """E2: corrections and clarifications of settled fields have a record_value; others none."""
    settles = erratum.kind is ErratumKind.CORRECTION or erratum.field in _SETTLED_FIELDS
    assert (erratum.record_value is not None) == settles


def _host(url: str | None) -> str:
    assert url is not None
    return (urllib.parse.urlsplit(url).hostname or "").removeprefix("www.")


@pytest.mark.parametrize("erratum", list(load().errata), ids=lambda e: e.id)
def test_no_erratum_rests_only_on_an_aggregator(erratum: Erratum) -> None:
    """E3: no never-cited site; at least one reference is not an aggregator or relay."""
    never = set(_code_words("These sites are never cited", "These are aggregators"))
    relays = set(_code_words("These are aggregators or relays", "A report"))
    hosts = [_host(r.url) for r in erratum.references]
    assert never & set(hosts) == set()
    assert [h for h in hosts if h not in relays], "only aggregators and relays"


def test_never_cited_list_holds_the_dropped_aggregator() -> None:
    """E3: the page 1.1.0 cited for both Russia errata is on the never-cited list."""
    never = _code_words("These sites are never cited", "These are aggregators")
    assert "viralnews.memeiros.com" in never
