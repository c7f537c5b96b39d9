from __future__ import annotations

import datetime
import enum

import attrs
import pytest

from usjapan2024 import Commitment, Meeting, Span, load
from usjapan2024.model import Official

from .helpers import walk


class TestRecords:
    def test_frozen(self) -> None:
        """Assigning to a field of a record raises instead of changing shared data."""
        meeting = load()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            meeting.commitments[0].summary = "changed"  # type: ignore[misc]
        assert meeting.commitments[0].summary != "changed"

    def test_slotted(self) -> None:
        """Records have no per-instance __dict__, which keeps a large corpus small."""
        assert not hasattr(load().commitments[0], "__dict__")
        assert "__slots__" in Commitment.__dict__

    @pytest.mark.parametrize("cls", [Meeting, Commitment, Official, Span])
    def test_collections_are_tuples(self, cls: type) -> None:
        """Every collection field is annotated as a tuple, never a list."""
        for field in attrs.fields(cls):
            assert "list[" not in str(field.type)
            assert "dict[" not in str(field.type)

    def test_meeting_fields(self) -> None:
        """The root record knows its name, date, place and all its records."""
        meeting = load()
        assert meeting.short_name == "2+2"
        assert meeting.date.isoformat() == "2024-07-28"
        assert {o.name for o in meeting.officials} >= {"Antony Blinken", "Yoko Kamikawa"}


class TestImmutability:
    def test_nothing_reachable_can_change(self) -> None:
        """Every object in the bundled meeting is frozen or an immutable value."""
        immutable_leaves = (str, int, type(None), datetime.date, enum.Enum)
        objects = [obj for _, obj in walk(load())]
        assert len(objects) > 1_000
        for obj in objects:
            if attrs.has(type(obj)):
                name = attrs.fields(type(obj))[0].name  # type: ignore[arg-type]
                with pytest.raises(attrs.exceptions.FrozenInstanceError):
                    setattr(obj, name, None)
                with pytest.raises((attrs.exceptions.FrozenInstanceError, AttributeError)):
                    obj.extra = 1  # type: ignore[attr-defined]
            else:
                assert isinstance(obj, (tuple, *immutable_leaves)), type(obj)
