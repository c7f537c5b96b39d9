"""The notebook hook of the model: what a record, the meeting or a diff shows as in Jupyter.

The model's ``_repr_html_`` asks this module by name (``model._PRESENTER``), so the
model never imports the presentation layer, which reads the model; a
:class:`~usjapan2024.DatasetDiff` inherits that hook, for the same reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from usjapan2024.model import Meeting, Record

if TYPE_CHECKING:
    from usjapan2024._querying.diff import DatasetDiff

__all__ = ["html"]


def html(obj: Meeting | Record | DatasetDiff) -> str:
    """The HTML a notebook shows for ``obj``: a meeting's summary, a record's card, a diff."""
    from usjapan2024._querying.diff import DatasetDiff

    if isinstance(obj, DatasetDiff):
        from usjapan2024._presenting.changes import diff_html

        return diff_html(obj)
    if isinstance(obj, Meeting):
        from usjapan2024._presenting.summary import summary_html

        return summary_html(obj)
    from usjapan2024._presenting.display import record_html

    return record_html(obj)
