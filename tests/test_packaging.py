"""Everything under data/ and locales/ ships in the wheel (setup.cfg package_data), so an installed
kzsupport run from any folder finds its data, fonts and catalogs."""

from __future__ import annotations

import configparser
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def package_data() -> dict[str, list[str]]:
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    section = config["options.package_data"]
    return {key: [p.strip() for p in value.split(",")] for key, value in section.items()}


def test_every_bundled_file_is_declared_as_package_data() -> None:
    patterns = package_data()
    for package, folder in (("kzsupport.data", "data"), ("kzsupport.locales", "locales")):
        for path in (ROOT / folder).rglob("*"):
            if path.is_dir() or path.suffix == ".py" or "__pycache__" in path.parts:
                continue
            relative = path.relative_to(ROOT / folder).as_posix()
            assert any(fnmatch(relative, p) for p in patterns[package]), f"{folder}/{relative} would not ship"


def listed_packages() -> set[str]:
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    return set(config["options"]["packages"].split())


def test_every_subpackage_is_listed() -> None:
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "kzsupport").rglob("__init__.py")
    }
    assert found <= listed_packages()


def test_every_bundled_folder_is_listed() -> None:
    """setuptools ships a data folder as a package; one not listed builds with a warning that it
    "would be ignored", which a later setuptools may carry out."""
    listed = listed_packages()
    for package, folder in (("kzsupport.data", "data"), ("kzsupport.locales", "locales")):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                parts = path.parent.relative_to(ROOT / folder).parts
                assert ".".join((package, *parts)) in listed, f"{path.parent} is not listed in setup.cfg"
