"""Mistakes a type checker must catch; each line says the error code it expects.

Checked by ``tests/test_typing.py`` (mypy must report exactly these), never run.  The
comment below turns on mypy's PEP 702 check, so that each use of a deprecated name
fails as ``deprecated``, as it does for a user who enables it.

A filter value or a record kind is not among them: those take any ``str`` (as in
1.0.0) and are checked at run time, so ``topic="deterence"`` raises ``ValueError``.
"""
# mypy: enable-error-code="deprecated"

from __future__ import annotations

import usjapan2024 as uj
import usjapan2024.export
from usjapan2024 import Comitment  # E: attr-defined
from usjapan2024.export import flatten  # E: deprecated

uj.lod()  # E: attr-defined
uj.commitments(topic=3)  # E: arg-type
uj.threats(actor=uj.Actor.US, response=None, kind=0.5)  # E: arg-type
uj.to_records(uj.Commitment)  # E: arg-type
uj.get("official.kamikawa", kind=uj.Official).nmae  # E: attr-defined
uj.load().errata[0].reference  # E: deprecated
usjapan2024.export.flatten_columns(uj.Erratum)  # E: deprecated
usjapan2024.export.frame_of([], uj.Threat)  # E: deprecated
rank: str = uj.Response.CONCERN.rank  # E: assignment
