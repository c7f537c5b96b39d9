"""Mistakes a type checker must catch; each line says the error code it expects.

Checked by ``tests/test_typing.py`` (mypy must report exactly these), never run.
"""

from __future__ import annotations

import usjapan2024 as uj
from usjapan2024 import Comitment  # E: attr-defined

uj.lod()  # E: attr-defined
uj.commitments(topic="deterence")  # E: arg-type
uj.commitments(topic=uj.Status.PLANNED)  # E: arg-type
uj.threats(actor="Russia")  # E: arg-type
uj.to_records("comitments")  # E: arg-type
uj.to_frame("threat")  # E: arg-type
uj.get("official.kamikawa", kind=uj.Official).nmae  # E: attr-defined
