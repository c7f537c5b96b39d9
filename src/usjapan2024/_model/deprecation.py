"""``@deprecated`` (PEP 702): type checkers flag a superseded name, and using it warns.

Type checkers read ``typing_extensions.deprecated`` from their own stubs (mypy and
pyright ship typeshed), so ``mypy --enable-error-code deprecated`` and pyright report
every use of a name decorated here.  At run time the decorator must need nothing
beyond the package's three dependencies, and ``typing_extensions`` is not one of them
on every Python (cattrs 24.1 needs it on Python 3.10 only, and at a version too old
to have ``deprecated``), so:

* on Python 3.13 and later it is the standard library's ``warnings.deprecated``;
* before, it is :func:`_warn_on_use`, which does what that one does to a function: each
  call warns with the message, as a ``DeprecationWarning`` at the caller's line.

Either way a call of a decorated function warns, so the warning a user saw before
``@deprecated`` existed still fires; ``tests/test_typing.py`` checks both sides.
"""

from __future__ import annotations

import functools
import sys
import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

__all__ = ["deprecated"]

F = TypeVar("F", bound=Callable[..., Any])


def _warn_on_use(
    message: str, /, *, category: type[Warning] | None = DeprecationWarning, stacklevel: int = 1
) -> Callable[[F], F]:
    """``warnings.deprecated`` for a function, on a Python that lacks it (before 3.13)."""

    def decorate(function: F) -> F:
        # The attribute PEP 702 sets, so that tools that read it find it on any Python.
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:  # noqa: ANN401  (any function's)
            if category is not None:
                warnings.warn(message, category, stacklevel=stacklevel + 1)
            return function(*args, **kwargs)

        wrapper.__deprecated__ = message  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorate


if TYPE_CHECKING:
    from typing_extensions import deprecated
elif sys.version_info >= (3, 13):
    from warnings import deprecated
else:
    deprecated = _warn_on_use
