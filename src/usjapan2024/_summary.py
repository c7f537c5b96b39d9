"""A readable plain-text summary of a meeting, for people at a terminal."""

from __future__ import annotations

from usjapan2024._records import record_groups
from usjapan2024.model import Meeting

__all__ = ["summary"]

_ERRATUM = " [see erratum]"


def summary(meeting: Meeting) -> str:
    """Return a short report: the meeting, who took part, how many records, the errata.

    >>> from usjapan2024 import load
    >>> print(summary(load()).splitlines()[0])
    Japan-US Security Consultative Committee ("2+2"), Tokyo, 2024-07-28
    """
    corrected = {erratum.target for erratum in meeting.errata}
    place = meeting.place.value.title()
    lines = [
        f'{meeting.name} ("{meeting.short_name}"), {place}, {meeting.date.isoformat()}',
        f"{meeting.metadata.title} (dataset {meeting.metadata.version})",
        "",
        "Participants:",
        *(
            f"  {o.name}, {o.title} ({o.country.value}){_ERRATUM if o.id in corrected else ''}"
            for o in meeting.officials
        ),
        "",
        "Records:",
        *(f"  {name:<12} {len(records):>3}" for name, records in record_groups(meeting).items()),
        "",
        "Errata (the text keeps its wording; these give the public record):",
        *(f"  {e.id}: {e.kind.value}: {e.text_says!r}" for e in meeting.errata),
    ]
    return "\n".join(lines)
