"""Errors a user can act on. Core code raises these; the CLI shows them translated, in one place."""

from __future__ import annotations

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
