"""Fast pickles for the slotted records a build reads back by the hundred thousand.

A frozen, slotted dataclass pickles by default through the ``__getstate__`` and
``__setstate__`` that :mod:`dataclasses` generates, which call :func:`dataclasses.fields`
for every object: reading a warm build's analyses back (about 200 records a brief) spent
more time there than in unpickling itself. :func:`pickled_by_arguments` pickles a record as
its class and the tuple of its fields, and unpickling calls the class with them: the same
record, made at C speed by the generated ``__init__``, and smaller pickles.
"""

from __future__ import annotations

import operator
import sys
from collections.abc import Callable
from dataclasses import fields
from typing import Any, TypeVar

Record = TypeVar("Record", bound=type)


def pickled_by_arguments(*left_out: str, interned: tuple[str, ...] = ()
                         ) -> Callable[[Record], Record]:
    """Make a dataclass pickle as ``cls(*fields)``: a decorator applied after ``@dataclass``.

    Every field must be an ``__init__`` argument. The fields named in ``left_out`` (the last
    ones, with defaults) are not pickled: the record read back has their defaults. The
    string fields named in ``interned`` are read back as one object for each distinct value
    in the process (:func:`sys.intern`): equal strings of one pickle share an object already
    (its memo), and a build reading 10,000 analyses back then holds one copy of each
    entity's id, type and key, not one a brief.

    >>> from dataclasses import dataclass
    >>> @pickled_by_arguments("note")
    ... @dataclass(frozen=True, slots=True)
    ... class Pair:
    ...     left: int
    ...     right: str = ""
    ...     note: str = ""
    >>> Pair(1, "a", "kept in memory only").__reduce__()
    (<class '...Pair'>, (1, 'a'))
    """

    def decorate(cls: Record) -> Record:
        every = fields(cls)
        names = tuple(f.name for f in every if f.name not in left_out)
        if not all(f.init for f in every) or names != tuple(f.name for f in every[:len(names)]):
            raise TypeError(f"{cls.__name__}: every field must be an __init__ argument, and "
                            "the fields left out the last ones")
        values = operator.attrgetter(*names) if len(names) > 1 else \
            (lambda record: (getattr(record, names[0]),))

        if interned:
            where = tuple(names.index(name) for name in interned)

            def __reduce__(self: object) -> tuple[Any, ...]:
                return _with_interned, (type(self), where, *values(self))
        else:
            def __reduce__(self: object) -> tuple[Any, ...]:
                return type(self), values(self)

        cls.__reduce__ = __reduce__  # type: ignore[assignment]
        return cls

    return decorate


def _with_interned(cls: type, where: tuple[int, ...], *values: Any) -> object:  # noqa: ANN401
    """Make ``cls(*values)`` with the strings at the positions ``where`` interned."""
    args = list(values)
    for position in where:
        value = args[position]
        if value is not None:
            args[position] = sys.intern(value)
    return cls(*args)
