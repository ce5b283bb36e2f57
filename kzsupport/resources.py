"""Where the files shipped inside the package are: data, fonts and gettext catalogs.

The folders are those of the ``kzsupport.data`` and ``kzsupport.locales`` packages (the top-level
``data/`` and ``locales/`` of the repository, mapped into the package by setup.cfg), so the same code
finds them in a wheel and in an editable checkout. ``importlib.resources`` would find them too, but
importing it costs about 7 ms on every start (it pulls in tempfile, shutil, zipfile and pathlib),
and kzsupport is always installed as plain files, never run from a zip.
"""

from __future__ import annotations

import json
import os
from importlib import import_module
from typing import Any

from kzsupport.errors import KzSupportError


def _folder(package: str) -> str:
    return os.path.dirname(import_module(package).__file__ or "")


def data_file(*parts: str) -> str:
    """The path of a bundled data file, e.g. ``data_file("fonts", "DejaVuSans.ttf")``."""
    return os.path.join(_folder("kzsupport.data"), *parts)


def read_json(name: str) -> Any:
    """A bundled JSON data file, parsed. A missing one means a broken install, and says so."""
    try:
        with open(data_file(name), encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        from kzsupport.i18n import N_  # i18n imports this module

        raise KzSupportError(
            N_("The file {name} is missing from the kzsupport package: reinstall kzsupport."), name=name
        ) from None


def locale_dir() -> str:
    """The folder holding ``<lang>/LC_MESSAGES/kzsupport.mo``."""
    return _folder("kzsupport.locales")
