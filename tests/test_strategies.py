"""The strategies: every public class has one, and what each gives is valid.

A tool author trusts ``st.from_type(X)`` only if what it draws would pass every check
the package makes: here each value is checked the hard way, by putting it into the
bundled meeting (or beside it) and running every check of loading on the result.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import usjapan2024 as uj
from usjapan2024 import (
    Meeting,
    Span,
    _hypothesis_plugin,
    load,
    strategies,
)
from usjapan2024 import model as public_model
from usjapan2024._hypothesis_plugin import public_classes
from usjapan2024._loading.integrity import check
from usjapan2024._loading.rules import ID_PATTERN
from usjapan2024._model.fields import fields_of
from usjapan2024._model.kinds import CLASS_OF, DECLARED_IN, KINDS, kind_of, record_id
from usjapan2024._presenting.context import NO_TEXT, NOT_HELD
from usjapan2024.strategies import meetings_with_source, spans

Check = Callable[[Any], None]


def _problems_in_bundled(**changes: Any) -> list[str]:
    """What loading's checks find in the bundled meeting with ``changes`` made to it."""
    return [str(p) for p in uj.check(attrs.evolve(load(), **changes), source=uj.source_text())]


def _joined(record: Any) -> None:
    """A record joins the bundled meeting, which stays valid.

    So it quotes the bundled text's communiqué, its id is well formed and new, and
    everything it names exists: as loading checks a file.  A declaration (a party,
    location or department) joins in place of its value's, if the meeting declares it.
    """
    assert uj.check(record) == [], "a lone record passes check() against the bundled text"
    group = kind_of(record).group
    others = tuple(r for r in getattr(load(), group) if record_id(r) != record_id(record))
    if group not in DECLARED_IN.values():
        assert ID_PATTERN.fullmatch(record.id)
        assert len(others) == len(getattr(load(), group)), "its id is one no record has"
    assert _problems_in_bundled(**{group: (*others, record)}) == []


def _span(span: Span) -> None:
    text = uj.source_text()
    assert text[span.start : span.end] == span.quote
    if span.role is uj.SpanRole.OWN:
        assert _problems_in_bundled(sources=(span,)) == []
    else:  # a span cited for context, after a record's own words
        first = load().commitments[0]
        cited = attrs.evolve(first, sources=(*first.sources, span))
        assert _problems_in_bundled(commitments=(cited, *load().commitments[1:])) == []


def _in_metadata(**changes: Any) -> None:
    metadata = load().metadata
    assert _problems_in_bundled(metadata=attrs.evolve(metadata, **changes)) == []


def _exclusion(exclusion: uj.Exclusion) -> None:
    text = uj.source_text()
    assert text[exclusion.span.start : exclusion.span.end] == exclusion.span.quote
    _in_metadata(source=attrs.evolve(load().metadata.source, excluded=(exclusion,)))


def _reference(reference: uj.Reference) -> None:
    first = load().errata[0]
    cited = attrs.evolve(first, references=(reference,))
    assert _problems_in_bundled(errata=(cited, *load().errata[1:])) == []
    if reference.url is not None:
        assert reference.url.startswith("https://")


def _retired(retired: uj.Retired) -> None:
    assert ID_PATTERN.fullmatch(retired.id)
    assert _problems_in_bundled(retired=(*load().retired, retired)) == []


def _meeting(meeting: Meeting) -> None:
    """A generated meeting knows its text, and passes check() with no text given."""
    assert meeting.source_text is not None
    assert uj.check(meeting) == []


def _results(results: uj.Results[Any]) -> None:
    assert results.meeting is not None
    assert uj.check(results.meeting) == []
    held = results.meeting.records()
    positions = [next(i for i, r in enumerate(held) if r is record) for record in results]
    assert positions == sorted(positions), "in the meeting's order"
    if results.kind is not None:
        assert all(type(r) is results.kind for r in results)


def _field_change(change: uj.FieldChange) -> None:
    assert change.old != change.new
    names = {f.name for cls in (Meeting, *CLASS_OF.values()) for f in fields_of(cls)}
    assert change.field.split(".")[0] in names


def _record_change(change: uj.RecordChange) -> None:
    assert change.fields, "a changed record has a changed field"
    names = {f.name for f in fields_of(CLASS_OF[change.kind])}
    for field in change.fields:
        _field_change(field)
        assert field.field in names


def _retired_record(retired: uj.RetiredRecord) -> None:
    assert record_id(retired.record) == retired.retired.id
    assert retired.retired.replaced_by


def _dataset_diff(found: uj.DatasetDiff) -> None:
    json.dumps(found.to_json())  # what a changelog is written from: plain JSON
    for change in found.changed:
        _record_change(change)
    for retired in found.retired:
        _retired_record(retired)
    for field_change in found.meeting:
        _field_change(field_change)


def _quote_in_context(quote: uj.QuoteInContext) -> None:
    if quote.missing is None:
        text = uj.source_text()
        begin = quote.span.start - len(quote.before)
        assert text[begin : begin + len(quote.sentence)] == quote.sentence
    else:
        assert quote.missing in (NO_TEXT, NOT_HELD)
        assert quote.before == quote.after == ""


def _in_context(quotes: uj.InContext) -> None:
    assert quotes, "a record quotes at least one span"
    for quote in quotes:
        _quote_in_context(quote)


def _problem(problem: uj.Problem) -> None:
    """Its path names fields of the model, from the document's root down."""
    cls: Any = Meeting
    assert problem.path.startswith("$")
    for step in problem.path[1:].split(".")[1:]:
        name, index = re.fullmatch(r"(\w+)(\[\d+\])?", step).groups()  # type: ignore[union-attr]
        field = {f.name: f for f in fields_of(cls)}[name]
        assert bool(index) == field.many
        cls = field.nested
    assert problem.message


def _dataset_error(error: uj.DatasetError) -> None:
    assert error.problems
    for problem in error.problems:
        _problem(problem)
    count = len(error.problems) + error.more
    assert f"{count} problem" in str(error)


def _vocabulary(value: uj.Vocabulary) -> None:
    assert type(value)(value.value) == value


def _release(release: uj.Release) -> None:
    """A release the package ships, whose file loads as that version."""
    assert release in uj.releases()
    assert uj.load(release=release.version).metadata.version == release.version


VALID: dict[type, Check] = {
    **{kind.cls: _joined for kind in KINDS},
    Span: _span,
    uj.Exclusion: _exclusion,
    uj.SourceInfo: lambda source: _in_metadata(source=source),
    uj.DocumentRef: lambda document: _in_metadata(official_document=document),
    uj.Metadata: lambda metadata: _in_metadata(**attrs.asdict(metadata, recurse=False)),
    uj.Reference: _reference,
    uj.Retired: _retired,
    Meeting: _meeting,
    uj.Results: _results,
    uj.DatasetDiff: _dataset_diff,
    uj.FieldChange: _field_change,
    uj.RecordChange: _record_change,
    uj.RetiredRecord: _retired_record,
    uj.InContext: _in_context,
    uj.QuoteInContext: _quote_in_context,
    uj.Problem: _problem,
    uj.DatasetError: _dataset_error,
    uj.Vocabulary: _vocabulary,
    uj.OpenVocabulary: _vocabulary,
    uj.Release: _release,
}
"""How each public class's values are proved valid; a class missing here fails."""


def _public() -> set[type]:
    """Every class the package makes public, read from the ``__all__`` lists."""
    names = [getattr(uj, n) for n in uj.__all__] + [
        getattr(public_model, n) for n in public_model.__all__
    ]
    return {v for v in names if isinstance(v, type)}


def _name(cls: type) -> str:
    return cls.__name__


def _draw_once(strategy: st.SearchStrategy[Any]) -> None:
    @settings(max_examples=1, database=None)
    @given(st.data())
    def draw(data: st.DataObject) -> None:
        data.draw(strategy)

    draw()


def _is_vocabulary(cls: type) -> bool:
    """A vocabulary with members, not one of the bases (``Vocabulary``, ``OpenVocabulary``)."""
    return issubclass(cls, uj.Vocabulary) and cls not in (uj.Vocabulary, uj.OpenVocabulary)


class TestFromType:
    def test_every_public_class_is_registered(self) -> None:
        """The plugin registers every public class but the vocabularies, read from __all__.

        A vocabulary is an enum, whose members Hypothesis draws itself.
        """
        expected = {cls for cls in _public() if not _is_vocabulary(cls)}
        assert set(public_classes()) == expected

    @pytest.mark.parametrize("cls", sorted(_public(), key=str), ids=_name)
    def test_every_public_class_draws_valid_values(self, cls: type) -> None:
        """st.from_type(cls) gives values that pass every check, for every public class."""
        valid: Check | None = _vocabulary if _is_vocabulary(cls) else VALID.get(cls)
        assert valid is not None, f"no check of {cls.__name__}: add one to VALID"

        @settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
        @given(st.from_type(cls))
        def generated(value: object) -> None:
            assert isinstance(value, cls)
            valid(value)

        generated()

    @given(st.data())
    def test_a_parameterised_results_holds_its_kind(self, data: st.DataObject) -> None:
        kind = data.draw(st.sampled_from([k.cls for k in KINDS]))
        results = data.draw(st.from_type(uj.Results[kind]))  # type: ignore[valid-type]
        assert results.kind is kind
        _results(results)

    def test_results_of_what_is_not_a_record_is_refused(self) -> None:
        with pytest.raises(InvalidArgument, match="Results hold records"):
            _draw_once(st.from_type(uj.Results[int]))

    def test_a_public_class_without_a_strategy_is_refused_by_name(self) -> None:
        """Not Hypothesis' guess from the annotations: an error that says what to add."""

        @attrs.frozen
        class Location:  # a new public class, registered as the plugin registers them
            name: str

        st.register_type_strategy(Location, _hypothesis_plugin._resolve)
        with pytest.raises(InvalidArgument, match="no strategy for Location"):
            _draw_once(st.from_type(Location))

    def test_a_kind_without_a_strategy_is_refused_by_name(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A new kind of record must say how it is drawn before a meeting can be."""
        monkeypatch.delitem(strategies._IN_WORLD, uj.Threat)
        with pytest.raises(TypeError, match="no strategy draws Threat records"):
            _draw_once(strategies.meetings())

    @pytest.mark.parametrize("factory", ["commitments", "departments", "errata", "events",
                                         "locations", "officials", "parties", "programmes",
                                         "threats"])  # fmt: skip
    def test_a_record_drawn_without_a_text_quotes_the_bundled_one(self, factory: str) -> None:
        """So check(record), whose text is the bundled one, passes what a factory gives."""

        @given(getattr(strategies, factory)())
        def drawn(record: Any) -> None:
            assert uj.check(record) == []
            text = uj.source_text()
            assert all(text[s.start : s.end] == s.quote for s in record.sources)

        drawn()


class TestStrategies:
    @given(st.data())
    def test_spans_are_verbatim(self, data: st.DataObject) -> None:
        """A span drawn for a text quotes that text at its offsets."""
        text = data.draw(st.text(min_size=1))
        span = data.draw(spans(text))
        assert text[span.start : span.end] == span.quote
        assert span.start < span.end

    @given(meetings_with_source(max_records=8))
    def test_meetings_are_valid(self, pair: tuple[Meeting, str]) -> None:
        """Generated meetings pass every integrity check against their text."""
        meeting, text = pair
        assert check(meeting, text) == []


class TestEntryPoint:
    def test_strategies_module_imports_before_hypothesis(self) -> None:
        """Importing usjapan2024.strategies first works: the entry point must not need it."""
        import subprocess
        import sys

        code = (
            "import sys; assert 'hypothesis' not in sys.modules;"
            "import usjapan2024.strategies as s;"
            "from hypothesis import strategies as st;"
            "from usjapan2024 import Meeting;"
            "print(st.from_type(Meeting))"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True
        )
        assert "meetings" in result.stdout


class TestForDebuggingAndScale:
    def test_a_failing_example_prints_the_meeting(self) -> None:
        """Hypothesis reports the meeting it drew, not `<...>` behind a map."""
        from hypothesis import settings
        from hypothesis.reporting import with_reporter

        from usjapan2024.strategies import meetings

        reports: list[object] = []

        @settings(max_examples=5, database=None)
        @given(meetings())
        def fails(meeting: Meeting) -> None:
            raise AssertionError(meeting.name)

        with with_reporter(reports.append), pytest.raises(AssertionError) as info:
            fails()
        shown = [*reports, *getattr(info.value, "__notes__", [])]
        assert any("meeting=Meeting(" in str(line) for line in shown), shown

    @given(st.data())
    def test_bounds_hold(self, data: st.DataObject) -> None:
        """Every kind with ids has between min_records and max_records records.

        Declarations (parties, locations, departments) are one per value the records
        use, not counted.
        """
        from usjapan2024._model.kinds import DECLARED_IN, KINDS
        from usjapan2024.strategies import meetings

        low = data.draw(st.integers(0, 12))
        high = data.draw(st.integers(low, 12))
        meeting = data.draw(meetings(high, min_records=low))
        for kind in KINDS:
            if kind.group not in DECLARED_IN.values():
                assert low <= len(getattr(meeting, kind.group)) <= high

    def test_a_thousand_records_in_one_draw(self) -> None:
        """A meeting of about a thousand records is drawn, and it loads."""
        from hypothesis import HealthCheck, settings

        from usjapan2024 import dumps, loads
        from usjapan2024.strategies import meetings_with_source

        @settings(max_examples=2, deadline=None, suppress_health_check=list(HealthCheck))
        @given(meetings_with_source(150, min_records=150))
        def big(pair: tuple[Meeting, str]) -> None:
            meeting, text = pair
            assert len(meeting.records()) >= 900
            assert loads(dumps(meeting), source=text) == meeting

        big()

    @given(st.data())
    def test_factories_quote_only_the_communique_of_the_bundled_text(
        self, data: st.DataObject
    ) -> None:
        """Given the bundled text, records quote its body, never a heading or link."""
        from usjapan2024 import check, source_text
        from usjapan2024.strategies import commitments, officials, threats

        factory: Any = data.draw(st.sampled_from([commitments, officials, threats]))
        record = data.draw(factory(text=source_text()))
        assert check(record) == []
        excluded = [(e.span.start, e.span.end) for e in load().metadata.source.excluded]
        for span in record.sources:
            assert all(span.end <= low or span.start >= high for low, high in excluded)

    @pytest.mark.parametrize(
        "make",
        [
            lambda: strategies.meetings(2, min_records=5),
            lambda: strategies.meetings(-1),
            lambda: strategies.commitments(text=""),
            lambda: strategies.spans(""),
        ],
    )
    def test_bad_arguments_are_invalid_argument(self, make: Any) -> None:
        """A strategy asked for the impossible says so, as Hypothesis' own do."""
        from hypothesis import settings
        from hypothesis.errors import InvalidArgument

        @settings(max_examples=1, database=None)
        @given(st.data())
        def draw(data: st.DataObject) -> None:
            data.draw(make())

        with pytest.raises(InvalidArgument):
            draw()
