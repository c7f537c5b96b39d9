from __future__ import annotations

import enum
import re
from collections.abc import Hashable, Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from usjapan2024 import (
    Actor,
    Commitment,
    Erratum,
    Meeting,
    Official,
    Party,
    Place,
    Response,
    Results,
    Status,
    Threat,
    ThreatKind,
    Topic,
    commitments,
    errata_for,
    get,
    load,
    officials,
    search,
    threats,
)
from usjapan2024._model.filters import filters_of
from usjapan2024._model.kinds import record_id
from usjapan2024._querying.index import words_of
from usjapan2024.strategies import meetings
from usjapan2024.vocabulary import Organisation, SpanRole


def _strings(value: object, *, context: bool = False) -> Iterator[str]:
    """Every string in an asdict() tree, enums by value (a naive walk, for comparison).

    A span (a dict with a ``role``) gives its quote alone, and only when it is the
    record's own words or ``context`` is set.
    """
    if isinstance(value, enum.Enum):
        yield str(value.value)
    elif isinstance(value, str):
        yield value
    elif isinstance(value, dict) and {"quote", "role"} <= value.keys():
        if context or value["role"] is SpanRole.OWN:
            yield value["quote"]
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item, context=context)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item, context=context)


def _maybe(values: Any) -> st.SearchStrategy[Any]:
    return st.none() | st.sampled_from(values)


def _commitment_matches(c: Commitment, f: dict[str, Any]) -> bool:
    return (
        (f["party"] is None or f["party"] in c.parties)
        and (f["topic"] is None or c.topic is f["topic"])
        and (f["status"] is None or c.status is f["status"])
        and (f["place"] is None or f["place"] in c.places)
        and (f["partner"] is None or f["partner"] in c.partners)
    )


def _threat_matches(t: Threat, f: dict[str, Any]) -> bool:
    return (
        (f["actor"] is None or t.actor is f["actor"])
        and (f["kind"] is None or t.kind is f["kind"])
        and (f["place"] is None or f["place"] in t.places)
        and (f["response"] is None or t.response is f["response"])
        and (f["involving"] is None or f["involving"] in t.involving)
    )


@pytest.fixture(scope="class", params=[1, 10**9], ids=["indexed", "scanned"])
def _either_side_of_the_threshold(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every table indexed from its first query, then every query answered by a scan."""
    from usjapan2024._querying import index

    kept = index.INDEX_FROM
    index.INDEX_FROM = request.param
    yield
    index.INDEX_FROM = kept


@pytest.mark.usefixtures("_either_side_of_the_threshold")
class TestIndexEqualsScan:
    @given(
        meetings(),
        st.fixed_dictionaries(
            {
                "party": _maybe(list(Actor)),
                "topic": _maybe(list(Topic)),
                "status": _maybe(list(Status)),
                "place": _maybe(list(Place)),
                "partner": _maybe(list(Actor)),
            }
        ),
    )
    def test_commitments(self, meeting: Meeting, filters: dict[str, Any]) -> None:
        """commitments(...) returns exactly what a linear filter returns, in order."""
        expected = tuple(c for c in meeting.commitments if _commitment_matches(c, filters))
        assert commitments(**filters, meeting=meeting) == expected

    @given(
        meetings(),
        st.fixed_dictionaries(
            {
                "actor": _maybe(list(Actor)),
                "kind": _maybe(list(ThreatKind)),
                "place": _maybe(list(Place)),
                "response": _maybe(list(Response)),
                "involving": _maybe(list(Actor)),
            }
        ),
    )
    def test_threats(self, meeting: Meeting, filters: dict[str, Any]) -> None:
        """threats(...) returns exactly what a linear filter returns, in order."""
        expected = tuple(t for t in meeting.threats if _threat_matches(t, filters))
        assert threats(**filters, meeting=meeting) == expected

    @given(meetings(), _maybe(list(Actor)), _maybe(list(Organisation)))
    def test_officials(
        self, meeting: Meeting, country: Actor | None, organisation: Organisation | None
    ) -> None:
        """officials(...) returns exactly what a linear filter returns, in order."""
        expected = tuple(
            o
            for o in meeting.officials
            if (country is None or o.country is country)
            and (organisation is None or o.organisation is organisation)
        )
        assert officials(country=country, organisation=organisation, meeting=meeting) == expected

    @given(meetings(), st.data())
    def test_subject_and_programme(self, meeting: Meeting, data: st.DataObject) -> None:
        """Free-text filters match case-insensitively (subject) or exactly (programme)."""
        subjects = sorted({s for c in meeting.commitments for s in c.subjects})
        if subjects:
            subject = data.draw(st.sampled_from(subjects))
            expected = tuple(
                c
                for c in meeting.commitments
                if subject.casefold() in {s.casefold() for s in c.subjects}
            )
            assert commitments(subject=subject.upper(), meeting=meeting) == expected
        if meeting.programmes:
            programme = data.draw(st.sampled_from([p.id for p in meeting.programmes]))
            expected = tuple(c for c in meeting.commitments if programme in c.programmes)
            assert commitments(programme=programme, meeting=meeting) == expected

    @given(meetings(), st.text(min_size=1, max_size=4).filter(str.strip), st.booleans())
    def test_search(self, meeting: Meeting, needle: str, context: bool) -> None:  # noqa: FBT001
        """search() finds the records whose strings or quotes contain the text, ignoring case.

        Its own quotes only, unless ``context``: then the framing sentences it cites too.
        """
        found = search(needle, meeting=meeting, context=context)
        for record in meeting.records():
            strings = list(_strings(attrs.asdict(record, recurse=True), context=context))
            hit = any(needle.casefold() in s.casefold() for s in strings)
            assert (record in found) == hit

    @given(meetings(), st.data())
    def test_context_only_adds(self, meeting: Meeting, data: st.DataObject) -> None:
        """With context, search finds all it found without, and what context quotes add."""
        quotes = [s.quote for r in meeting.records() for s in r.sources if s.quote.strip()]
        needle = data.draw(st.sampled_from(quotes)) if quotes else "x"
        own, every = search(needle, meeting=meeting), search(needle, meeting=meeting, context=True)
        assert set(own) <= set(every)
        for record in set(every) - set(own):
            assert any(
                s.role is SpanRole.CONTEXT and needle.casefold() in s.quote.casefold()
                for s in record.sources
            )

    @given(meetings())
    def test_get(self, meeting: Meeting) -> None:
        """get() finds every record by its id."""
        for record in meeting.records():
            assert get(record_id(record), meeting=meeting) is record


class TestBundledQueries:
    def test_filters_accept_values_in_any_case(self) -> None:
        """'jp', 'JP' and Actor.JP are the same filter."""
        assert officials(country="jp") == officials(country="JP") == officials(country=Actor.JP)
        assert [o.id for o in officials(country="JP")] == ["official.kamikawa", "official.hamada"]

    def test_combined_filters(self) -> None:
        """Several filters narrow the result together."""
        found = commitments(party="US", topic="deterrence")
        assert [c.id for c in found] == ["commitment.article-v", "commitment.extended-deterrence"]

    def test_places_and_subjects(self) -> None:
        """Concrete things named in the text can be found by place and subject."""
        assert [c.id for c in commitments(place="guam")] == ["commitment.okinawa-to-guam"]
        assert [c.id for c in commitments(subject="article v")] == ["commitment.article-v"]

    def test_threat_filters(self) -> None:
        """Threats filter by actor and by the ministers' response."""
        condemned = {t.actor for t in threats(response="condemnation")}
        assert condemned == {Actor.KP, Actor.RU, Actor.HOUTHIS}
        assert [t.id for t in threats(involving="CN")] == ["threat.ru-cn-alignment"]

    @pytest.mark.parametrize(
        ("call", "message"),
        [
            (lambda: officials(country="JPN"), "officials(): unknown country 'JPN'"),
            (lambda: commitments(topic="deterence"), "unknown topic 'deterence'"),
            (lambda: threats(kind="hacking"), "unknown kind 'hacking'"),
        ],
    )
    def test_unknown_values_raise(self, call: Any, message: str) -> None:
        """A typo raises ValueError listing the valid values; it never returns ()."""
        with pytest.raises(ValueError, match="valid values are") as info:
            call()
        assert message in str(info.value)

    def test_free_text_absent_from_the_meeting_is_empty(self) -> None:
        """A subject or programme this meeting lacks is a true "none", not an error."""
        assert commitments(subject="Patriot") == ()
        assert commitments(programme="wps") == ()

    @pytest.mark.parametrize("value", ["", 7])
    def test_free_text_that_matches_nothing_anywhere_raises(self, value: object) -> None:
        """An empty or non-string free-text value could match no meeting: an error."""
        with pytest.raises(ValueError, match="must be a non-empty string"):
            commitments(subject=value)  # type: ignore[arg-type]

    def test_unknown_value_lists_choices(self) -> None:
        """The message names the real choices so the user can fix the call."""
        with pytest.raises(ValueError, match="'US', 'JP'"):
            officials(country="JPN")

    def test_get_unknown(self) -> None:
        """get() of an unknown id raises KeyError, or returns the default given."""
        with pytest.raises(KeyError, match=re.escape("no record has id 'commitment.nope'")):
            get("commitment.nope")
        assert get("commitment.nope", None) is None
        assert get("JP", kind=Party).name == "Japan"

    def test_get_kind_checks_type(self) -> None:
        """get(..., kind=X) refuses a record of another type."""
        with pytest.raises(TypeError, match=r"is a Official, not a Commitment"):
            get("official.hamada", kind=Commitment)

    def test_search_is_case_insensitive_and_ordered(self) -> None:
        """search() ignores case and returns records in the order the text cites them."""
        found = search("tomahawk")
        assert [r.id for r in found] == ["commitment.stand-off-missiles", "erratum.tomahawk-buyer"]
        starts = [r.sources[0].start for r in search("Japan")]
        assert starts == sorted(starts)

    def test_search_rejects_empty(self) -> None:
        """An empty search would match everything; it is refused."""
        with pytest.raises(ValueError, match="non-empty"):
            search("  ")

    def test_default_meeting_is_bundled(self) -> None:
        """Omitting meeting= queries the bundled dataset."""
        assert commitments() == load().commitments


_FILTERS: dict[str, Any] = {
    "officials": officials,
    "commitments": commitments,
    "threats": threats,
}


class TestOneRuleOnEveryMeeting:
    """Whether a filter value raises depends on the value alone, never on the meeting."""

    @given(meetings(), st.data())
    def test_valid_values_never_raise(self, meeting: Meeting, data: st.DataObject) -> None:
        """Any vocabulary member, or any non-empty text, gives a result on any meeting."""
        from usjapan2024._model.filters import FILTERS

        f = data.draw(st.sampled_from(FILTERS))
        if f.vocabulary is not None:
            value: object = data.draw(st.sampled_from(list(f.vocabulary))).value
        else:
            value = data.draw(st.text(min_size=1).filter(str.strip))
        found = _FILTERS[f.query](meeting=meeting, **{f.name: value})
        records = getattr(meeting, f.query)
        assert found == tuple(r for r in records if f.key(value) in map(f.key, f.values(r)))

    @given(meetings(), st.data())
    def test_invalid_values_raise_everywhere(self, meeting: Meeting, data: st.DataObject) -> None:
        """A value outside every vocabulary raises on every meeting, however small.

        For an open vocabulary that is a value no file could declare: "no-such-value" is
        a well-formed slug another meeting may declare, "No such value!" is not.
        """
        from usjapan2024._model.filters import FILTERS

        f = data.draw(st.sampled_from([f for f in FILTERS if f.vocabulary is not None]))
        with pytest.raises(ValueError, match="valid values are"):
            _FILTERS[f.query](meeting=meeting, **{f.name: "No such value!"})


class TestSearchOrder:
    """search() orders by first quote's start, and ties by the meeting's record order."""

    @given(meetings(), st.data())
    def test_ties_keep_the_record_order(self, meeting: Meeting, data: st.DataObject) -> None:
        """The sort key is (first quote's start, position in record order), and it is total."""
        records = list(meeting.records())
        quote = data.draw(st.sampled_from([s.quote for r in records for s in r.sources]))
        needle = quote[: data.draw(st.integers(1, len(quote)))]
        if not needle.strip():
            return
        position = {id(r): i for i, r in enumerate(records)}
        keys = [(r.sources[0].start, position[id(r)]) for r in search(needle, meeting=meeting)]
        assert keys == sorted(keys)
        assert len(set(keys)) == len(keys)

    def test_bundled_ties(self) -> None:
        """The bundled records share first offsets often; search keeps them in record order."""
        meeting = load()
        records = list(meeting.records())
        starts = [r.sources[0].start for r in records]
        shared = [s for s in set(starts) if starts.count(s) > 1]
        assert shared  # ties are common, so the rule matters
        several = 0
        for start in shared:
            tied = [r for r in records if r.sources[0].start == start]
            found = [r for r in search(tied[0].sources[0].quote, meeting=meeting) if r in tied]
            assert found == [r for r in tied if r in found]
            several += len(found) > 1
        assert several  # some searches return tied records together


class TestFilterWording:
    """What a bad filter value says, in Python and on the command line."""

    def test_enum_filter_given_a_non_string(self) -> None:
        """``topic=5`` is no member and no spelling of one: refused, with every valid value."""
        valid = ", ".join(repr(t.value) for t in Topic)
        message = f"commitments(): unknown topic 5; valid values are {valid}"
        with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
            commitments(topic=5)  # type: ignore[arg-type]

    def test_enum_filter_given_a_member_of_another_vocabulary(self) -> None:
        """A member of another enum is not a member of this one, whatever its value."""
        with pytest.raises(ValueError, match=r"^threats\(\): unknown actor <Topic"):
            threats(actor=Topic.DETERRENCE)

    def test_enum_filter_accepts_value_and_name_in_any_case(self) -> None:
        """A member's value and its Python name both name it, in any case."""
        member = Actor.PACIFIC_ISLAND_NATIONS
        assert member.name != member.value.upper()  # the two spellings differ
        expected = [c.id for c in load().commitments if member in c.partners]
        assert expected
        for spelling in (member.value, member.value.upper(), member.name, member.name.lower()):
            assert [c.id for c in commitments(partner=spelling)] == expected

    @pytest.mark.parametrize(("value", "shown"), [("", "''"), (7, "7"), (b"x", "b'x'")])
    def test_bad_free_text_in_python(self, value: object, shown: str) -> None:
        message = f"commitments(): subject must be a non-empty string, not {shown}"
        with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
            commitments(subject=value)  # type: ignore[arg-type]

    def test_bad_values_in_command_line_form(self) -> None:
        """With ``option=True`` the messages name the ``--option``, not the keyword."""
        from usjapan2024 import queries

        given = {f.name: None for f in filters_of("commitments")}
        message = "--programme must be a non-empty string, not ''"
        with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
            queries.criteria("commitments", {**given, "programme": ""}, option=True)
        valid = ", ".join(repr(s.value) for s in Status)
        message = f"unknown --status 'done'; valid values are {valid}"
        with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
            queries.criteria("commitments", {**given, "status": "done"}, option=True)

    def test_bad_values_on_the_command_line(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The command line says the same, as a usage error (exit 2), before loading."""
        from usjapan2024._cli import run

        assert run(["commitments", "--subject", ""]) == 2
        err = capsys.readouterr().err
        assert "commitments: error: --subject must be a non-empty string, not ''" in err
        assert run(["threats", "--kind", "hacking"]) == 2
        assert (
            "threats: error: unknown --kind 'hacking'; valid values are" in capsys.readouterr().err
        )

    def test_criteria_are_the_keys_the_index_holds(self) -> None:
        """Free text is case-folded where its field says so; members pass as themselves."""
        from usjapan2024 import queries

        given = {f.name: None for f in filters_of("commitments")}
        found = queries.criteria(
            "commitments",
            {**given, "subject": "ToMaHawk", "topic": Topic.DETERRENCE, "party": "us"},
        )
        assert found == {"party": Actor.US, "topic": Topic.DETERRENCE, "subject": "tomahawk"}
        assert queries.criteria("commitments", given) == {}

    def test_parties_must_name_one(self) -> None:
        with pytest.raises(
            ValueError, match=r"^commitments\(\): parties must name at least one value$"
        ):
            commitments(parties=[])
        with pytest.raises(ValueError, match=r"^commitments\(\): unknown parties 'XX'; valid"):
            commitments(parties=["US", "XX"])


class TestFilterRows:
    """A row of ``_model/filters.py`` reads everything else off its field."""

    def test_a_row_reads_its_field(self) -> None:
        from usjapan2024._model.fields import field_info
        from usjapan2024._model.filters import Filter

        topic = Filter("commitments", "topic", "topic", "policy area")
        assert topic.info == field_info(Commitment, "topic")
        assert (topic.vocabulary, topic.fold, topic.info.many) == (Topic, False, False)
        subject = Filter("commitments", "subject", "subjects", "a concrete thing")
        assert subject.info == field_info(Commitment, "subjects")
        assert (subject.vocabulary, subject.fold, subject.info.many) == (None, True, True)
        place = Filter("threats", "place", "places", "a place")
        assert (place.vocabulary, place.fold, place.info.many) == (Place, False, True)

    def test_every_row_is_what_its_field_makes_it(self) -> None:
        """Built again from its four given values, each row is the same row."""
        from usjapan2024._model.filters import FILTERS, Filter

        for row in FILTERS:
            again = Filter(row.query, row.name, row.field, row.help)
            assert (again.info, again.vocabulary, again.fold) == (
                row.info,
                row.vocabulary,
                row.fold,
            )

    def test_values_and_keys(self) -> None:
        """A many-valued field gives its values; a single one, itself; only folded text folds."""
        from usjapan2024._model.filters import Filter

        record = get("commitment.stand-off-missiles", kind=Commitment)
        subject = Filter("commitments", "subject", "subjects", "a concrete thing")
        assert tuple(subject.values(record)) == record.subjects
        assert [subject.key(v) for v in record.subjects] == [s.casefold() for s in record.subjects]
        topic = Filter("commitments", "topic", "topic", "policy area")
        assert tuple(topic.values(record)) == (record.topic,)
        assert topic.key(record.topic) is record.topic
        programme = Filter("commitments", "programme", "programmes", "a programme's id")
        assert programme.key("Programme.X") == "Programme.X"

    def test_a_table_is_scanned_once_then_indexed(self) -> None:
        """The first query of a table scans it; the second indexes it, and the index is kept."""
        from usjapan2024._querying.index import FieldIndex, Scan, index_of

        index = index_of(attrs.evolve(load()))
        first, second = index.table("threats"), index.table("threats")
        assert isinstance(first, Scan)
        assert isinstance(second, FieldIndex)
        assert index.table("threats") is second
        assert isinstance(index.table("officials"), Scan)  # each table counts its own queries
        questions: list[dict[str, Hashable]] = [
            {"actor": Actor.KP},
            {"actor": Actor.RU, "response": Response.CRITICISM},
            {},
        ]
        for criteria in questions:
            assert first.select(criteria) == second.select(criteria)

    def test_the_bundled_answers_are_kept(self) -> None:
        """The same question of the bundled meeting gets the same (immutable) answer."""
        assert commitments(topic="deterrence") is commitments(topic="deterrence")
        assert threats(actor=Actor.KP) is threats(actor=Actor.KP)
        assert officials(country="JP").meeting is load()
        assert commitments(parties=["US", "JP"]) is commitments(parties=("US", "JP"))

    @pytest.mark.parametrize("query", ["officials", "commitments", "threats"])
    def test_each_filter_is_a_kept_question_of_its_own(self, query: str) -> None:
        """Each filter, each value: asked twice, the kept answer; and always the index's answer.

        So the key a query function looks its question up by has every argument in the
        order it is kept under: one left out would never be found again (not ``is``), two
        swapped would give one filter's answer for the other (not ``==``).
        """
        from usjapan2024 import queries

        ask = getattr(queries, query)
        other = attrs.evolve(load())
        questions: list[dict[str, Any]] = [
            {f.name: value}
            for f in filters_of(query)
            for value in dict.fromkeys(v for r in getattr(load(), query) for v in f.values(r))
        ]
        if query == "commitments":
            questions += [{"parties": c.parties} for c in load().commitments]
            questions += [{"parties": list(c.parties)} for c in load().commitments]
        for question in questions:
            answer = ask(**question)
            assert ask(**question) is answer, question
            assert answer == ask(**question, meeting=other), question
            assert answer.meeting is load()

    def test_only_plain_arguments_are_kept(self) -> None:
        """A generator or a set of parties is answered, never kept; an invalid value raises."""
        from usjapan2024 import queries

        commitments(parties=["US"])
        kept = len(queries._ANSWERS)
        assert commitments(parties=iter([Actor.US])) == commitments(parties=["US"])
        assert commitments(parties={Actor.US}) == commitments(parties=["US"])
        assert len(queries._ANSWERS) == kept
        for _ in range(2):
            with pytest.raises(ValueError, match="unknown topic"):
                commitments(topic="deterence")
        assert len(queries._ANSWERS) == kept

    def test_other_meetings_answers_are_not_kept(self) -> None:
        """Only the bundled meeting's answers are kept: another's are its index's, afresh."""
        meeting = attrs.evolve(load())
        found = officials(country="JP", meeting=meeting)
        assert found.meeting is meeting
        assert officials(country="JP", meeting=meeting) is not found
        assert officials(country="JP") is not found
        assert officials(country="JP").meeting is load()

    def test_a_reloaded_bundled_meeting_gets_its_own_answers(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from usjapan2024._loading import load as _loading

        before = threats(actor="KP")
        monkeypatch.setattr(_loading, "_bundled", None)
        after = threats(actor="KP")
        assert after.meeting is load() is not before.meeting
        assert after == before

    def test_a_new_meeting_is_indexed_from_its_rows(self) -> None:
        """Queries on a meeting built in code (a fresh index) match a plain scan."""
        meeting = attrs.evolve(load())
        assert meeting is not load()
        assert commitments(place="guam", meeting=meeting) == tuple(
            c for c in meeting.commitments if Place.GUAM in c.places
        )
        assert commitments(party="US", topic="deterrence", meeting=meeting) == tuple(
            c for c in meeting.commitments if Actor.US in c.parties and c.topic is Topic.DETERRENCE
        )
        assert commitments(subject="TOMAHAWK", meeting=meeting) == tuple(
            c for c in meeting.commitments if "tomahawk" in {s.casefold() for s in c.subjects}
        )
        assert officials(country="JP", meeting=meeting) == tuple(
            o for o in meeting.officials if o.country is Actor.JP
        )


class TestLookups:
    """``get``, ``errata_for``, ``search`` and ``parties=``, word for word."""

    def test_get_a_retired_id(self) -> None:
        retired = load().retired[0]
        replacements = ", ".join(map(repr, retired.replaced_by))
        message = (
            f"{retired.id!r} was retired in {retired.since} ({retired.reason});"
            f" it was replaced by {replacements}"
        )
        with pytest.raises(KeyError) as info:
            get(retired.id)
        assert info.value.args == (message,)
        assert get(retired.id, "fallback") == "fallback"

    def test_get_an_unknown_id_shows_three_real_ones(self) -> None:
        examples = ", ".join(repr(record_id(r)) for r in list(load().records())[:3])
        with pytest.raises(KeyError) as info:
            get("nope")
        assert info.value.args == (f"no record has id 'nope'; ids look like {examples}",)

    def test_get_of_the_wrong_kind(self) -> None:
        with pytest.raises(TypeError) as info:
            get("JP", kind=Threat)
        assert str(info.value) == "'JP' is a Party, not a Threat"
        assert get("JP", kind=Party) is get("JP")
        assert get("nope", None, kind=Party) is None

    def test_get_on_another_meeting(self) -> None:
        meeting = attrs.evolve(load(), officials=load().officials[:1])
        assert get(meeting.officials[0].id, meeting=meeting) is meeting.officials[0]
        assert get(load().officials[1].id, None, meeting=meeting) is None

    def test_errata_for_a_record_and_its_id(self) -> None:
        meeting = load()
        erratum = meeting.errata[0]
        target = get(erratum.target)
        expected = tuple(e for e in meeting.errata if e.target == erratum.target)
        assert errata_for(target) == errata_for(erratum.target) == expected
        assert all(isinstance(e, Erratum) for e in expected)
        assert errata_for("JP") == ()
        with pytest.raises(KeyError, match="no record has id 'nope'"):
            errata_for("nope")

    def test_errata_for_on_another_meeting(self) -> None:
        meeting = attrs.evolve(load(), errata=())
        assert errata_for(load().errata[0].target, meeting=meeting) == ()

    def test_search_whole_words(self) -> None:
        meeting = load()
        found = search("us", whole_words=True, meeting=meeting)
        assert found
        word = re.compile(r"(?<!\w)us(?!\w)")
        assert {record_id(r) for r in found} == {
            record_id(r)
            for r in meeting.records()
            if any(word.search(text.casefold()) for text in words_of(r))
        }
        assert len(search("us", meeting=meeting)) > len(found)

    @pytest.mark.parametrize("text", ["", "   ", 5, None])
    def test_search_refuses_nothing_to_look_for(self, text: object) -> None:
        message = f"search() needs a non-empty string, got {text!r}"
        with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
            search(text)  # type: ignore[arg-type]

    def test_search_order_is_the_texts(self) -> None:
        found = search("japan")
        starts = [r.sources[0].start for r in found]
        assert starts == sorted(starts)
        assert len(found) == len({record_id(r) for r in found})

    def test_parties_exactly(self) -> None:
        meeting = load()
        both = frozenset({Actor.US, Actor.JP})
        assert commitments(parties=["JP", Actor.US]) == tuple(
            c for c in meeting.commitments if frozenset(c.parties) == both
        )
        assert (
            commitments(parties=Actor.US)
            == commitments(parties="us")
            == tuple(c for c in meeting.commitments if frozenset(c.parties) == {Actor.US})
        )
        assert commitments(parties=("JP",), topic="deterrence") == tuple(
            c
            for c in meeting.commitments
            if frozenset(c.parties) == {Actor.JP} and c.topic is Topic.DETERRENCE
        )


class TestResultKinds:
    """An empty result still knows the kind of record it would hold (its table's columns)."""

    def test_empty_results_know_their_kind(self) -> None:
        assert commitments(parties=["US", "JP", "KR", "AU", "nato"]).kind is Commitment
        assert errata_for("JP").kind is Erratum

    def test_errata_for_checks_the_meeting_given(self) -> None:
        """An id of the bundled meeting that the meeting given lacks raises."""
        meeting = attrs.evolve(load(), errata=())
        official = load().officials[0]
        smaller = attrs.evolve(meeting, officials=load().officials[1:])
        assert errata_for(official.id, meeting=meeting) == ()
        with pytest.raises(KeyError, match=f"no record has id {official.id!r}"):
            errata_for(official.id, meeting=smaller)


class TestResultMeetings:
    """A result carries the meeting it was selected from: its tables show that meeting's errata."""

    def test_each_query_keeps_the_meeting_given_and_its_kind(self) -> None:
        meeting = attrs.evolve(load())  # equal to the bundled meeting, but another object
        found: dict[str, Results[Any]] = {
            "officials": officials(meeting=meeting),
            "threats": threats(actor="RU", meeting=meeting),
            "commitments": commitments(party="JP", meeting=meeting),
            "commitments(parties=)": commitments(parties="US", meeting=meeting),
            "search": search("Hamada", meeting=meeting),
            "errata_for": errata_for("official.hamada", meeting=meeting),
        }
        assert all(found.values())
        assert {name: result.meeting is meeting for name, result in found.items()} == dict.fromkeys(
            found, True
        )
        assert [result.kind for result in found.values()] == [
            Official,
            Threat,
            Commitment,
            Commitment,
            None,
            Erratum,
        ]
