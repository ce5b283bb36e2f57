"""Errors a user can act on. Core code raises these; the CLI shows them translated, in one place."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class Phrase:
    """A part of a message that is translated when the whole message is shown: give it as a
    parameter of an error (``reason=file_reason(exc)``) and ``.format`` translates it in turn."""

    def __init__(self, msgid: str, **params: Any) -> None:
        self.msgid = msgid
        self.params = params

    def __format__(self, spec: str) -> str:
        from kzsupport.i18n import _

        return format(_(self.msgid).format(**self.params), spec)

    def __str__(self) -> str:
        return self.msgid.format(**self.params)


def file_reason(exc: Exception) -> Phrase:
    """Why a file could not be read or parsed, in the interface language: the common system errors
    and invalid JSON have their own words; any other system error keeps the system's text as a
    detail (it is in the system's language, often English)."""
    import json

    from kzsupport.i18n import N_  # here: i18n imports resources, which imports this module

    if isinstance(exc, json.JSONDecodeError):
        return Phrase(N_("not valid JSON at line {line}, column {column}"),
                      line=exc.lineno, column=exc.colno)
    if isinstance(exc, UnicodeDecodeError):
        return Phrase(N_("not UTF-8 text"))
    if isinstance(exc, FileNotFoundError):
        return Phrase(N_("no such file"))
    if isinstance(exc, IsADirectoryError):
        return Phrase(N_("it is a folder, not a file"))
    if isinstance(exc, PermissionError):
        return Phrase(N_("permission denied"))
    detail = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
    return Phrase(N_("system error ({detail})"), detail=detail)


class KzSupportError(Exception):
    """A domain error: unknown id or place, unreadable data, a lock held. Exit code 1.

    ``msgid`` is an English sentence with ``{named}`` fields; it is translated when shown, then
    formatted with ``params``. Mark msgids with ``N_`` where they are written.
    """

    exit_code = 1

    def __init__(self, msgid: str, **params: Any) -> None:
        super().__init__(msgid)
        self.msgid = msgid
        self.params = params

    def message(self) -> str:
        """The message in the active language."""
        from kzsupport.i18n import _

        return _(self.msgid).format(**self.params)

    def __str__(self) -> str:
        return self.msgid.format(**self.params)


class BadInput(KzSupportError):
    """Input that cannot be used as given (a bad value, a malformed answers file). Exit code 2."""

    exit_code = 2


class ProblemList(KzSupportError):
    """An error made of many problems: a counted header, then one indented line per problem (at most
    ``SHOWN``). A subclass names its header as a singular/plural pair marked with ``Nn_`` and
    formatted with ``params`` and ``count``, and may say how a problem reads (``line``)."""

    HEADER: tuple[str, str]
    SHOWN = 50

    def __init__(self, problems: Sequence[Any], **params: Any) -> None:
        super().__init__(self.HEADER[1], count=len(problems), **params)
        self.problems = tuple(problems)

    def line(self, problem: Any) -> str:
        return str(problem.message())

    def message(self) -> str:
        from kzsupport.i18n import ngettext

        header = ngettext(*self.HEADER, len(self.problems)).format(**self.params)
        lines = [header, *("  " + self.line(p) for p in self.problems[: self.SHOWN])]
        if len(self.problems) > self.SHOWN:
            lines.append("  ...")
        return "\n".join(lines)
