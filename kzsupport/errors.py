"""Errors a user can act on. Core code raises these; the CLI shows them translated, in one place."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


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
