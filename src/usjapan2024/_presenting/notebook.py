"""The notebook hook of the model: what a record or the meeting shows as in Jupyter.

The model's ``_repr_html_`` asks this module by name (``model._PRESENTER``), so the
model never imports the presentation layer, which reads the model.
"""

from __future__ import annotations

from usjapan2024.model import Meeting, Record

__all__ = ["html"]


def html(obj: Meeting | Record) -> str:
    """The HTML a notebook shows for ``obj``: a meeting's summary, or a record's card."""
    if isinstance(obj, Meeting):
        from usjapan2024._presenting.summary import summary_html

        return summary_html(obj)
    from usjapan2024._presenting.display import record_html

    return record_html(obj)
