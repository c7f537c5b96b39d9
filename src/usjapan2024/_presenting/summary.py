"""A meeting summarised for people: plain text for a terminal, HTML for a notebook.

Both say the same things in the same order: the meeting, who took part, how many
records of each kind, and the errata grouped by kind, each with what the text says and
what the public record says, so that nobody reads the text's wording as the event's.
"""

from __future__ import annotations

import html
import textwrap

from usjapan2024._model.kinds import declarations, record_groups
from usjapan2024.model import Erratum, Meeting
from usjapan2024.vocabulary import ErratumKind, Place

__all__ = ["errata_by_kind", "summary", "summary_html"]

_ERRATUM = " [see erratum]"
_KIND_HEADINGS = {
    ErratumKind.CORRECTION: "Corrections (the text is wrong)",
    ErratumKind.CLARIFICATION: "Clarifications (the text is vague)",
}


def errata_by_kind(meeting: Meeting) -> dict[ErratumKind, list[Erratum]]:
    """The meeting's errata grouped by kind, corrections first, each group in file order."""
    groups: dict[ErratumKind, list[Erratum]] = {kind: [] for kind in ErratumKind}
    for erratum in meeting.errata:
        groups[erratum.kind].append(erratum)
    return {kind: found for kind, found in groups.items() if found}


def _title(meeting: Meeting) -> str:
    # The place by the name its Location gives it: a slug is no name ("east-china-sea"). A
    # meeting built in code may hold a place it does not declare: then its value.
    place = declarations(meeting, Place).get(meeting.place, meeting.place.value)
    return f'{meeting.name} ("{meeting.short_name}"), {place}, {meeting.date.isoformat()}'


def _source_line(meeting: Meeting) -> str:
    """Which text the meeting was coded from, and whether that text is known here."""
    source = meeting.metadata.source
    text = meeting.source_text
    known = (
        f"the text is known ({len(text)} characters) and holds every quote"
        if text is not None
        else "the text is not known (its quotes cannot be shown in their sentences)"
    )
    return f"Coded from: {source.title} (sha256 {source.sha256[:12]}…); {known}"


def summary(meeting: Meeting, width: int = 100) -> str:
    """Return a short report: the meeting, who took part, how many records, the errata.

    >>> from usjapan2024 import load
    >>> print(summary(load()).splitlines()[0])
    Japan-US Security Consultative Committee ("2+2"), Tokyo, 2024-07-28
    """
    corrected = {erratum.target for erratum in meeting.errata}
    lines = [
        _title(meeting),
        f"{meeting.metadata.title} (dataset {meeting.metadata.version})",
        *textwrap.wrap(_source_line(meeting), width),
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
        "Errata (the records keep the text's wording; these give the public record):",
    ]
    for kind, errata in errata_by_kind(meeting).items():
        lines.append(f"  {_KIND_HEADINGS[kind]}:")
        for e in errata:
            lines.append(f"    {e.target} ({e.field}): the text says {e.text_says!r}")
            lines += textwrap.wrap(
                e.record_says, width, initial_indent="      → ", subsequent_indent="        "
            )
    return "\n".join(lines)


def summary_html(meeting: Meeting) -> str:
    """The same report as :func:`summary`, as HTML for a notebook."""
    esc = html.escape
    counts = "".join(
        f"<tr><td>{esc(name)}</td><td>{len(records)}</td></tr>"
        for name, records in record_groups(meeting).items()
    )
    parts = [
        f"<h4>{esc(_title(meeting))}</h4>",
        f"<p>{esc(meeting.metadata.title)} (dataset {esc(meeting.metadata.version)})</p>",
        f"<p>{esc(_source_line(meeting))}</p>",
        (
            "<table><thead><tr><th>records</th><th>count</th></tr></thead>"
            f"<tbody>{counts}</tbody></table>"
        ),
        "<p>Errata (the records keep the text's wording; these give the public record):</p>",
    ]
    for kind, errata in errata_by_kind(meeting).items():
        items = "".join(
            f"<li><code>{esc(e.target)}</code> ({esc(e.field)}): the text says "
            f"<q>{esc(e.text_says)}</q>; the public record: {esc(e.record_says)}</li>"
            for e in errata
        )
        parts.append(f"<p><b>{esc(_KIND_HEADINGS[kind])}</b></p><ul>{items}</ul>")
    return "".join(parts)
