"""Keep the gettext catalogs in step with the code (``make catalogs``), or check that they are.

1. Extract every msgid from kzsupport (``_``, ``N_``, ``Nn_``, ``ngettext``) and from the installed Click
   package (Click marks its own messages with the global gettext domain, which we share).
2. Update ``locales/{kk,ru}/LC_MESSAGES/kzsupport.po`` (no fuzzy guesses; obsolete entries dropped).
3. Generate ``locales/kk_Latn`` from ``kk`` with the 2021 Latin table (``kzsupport.translit``).
4. Compile every ``.po`` to ``.mo`` (committed, so a wheel needs no build step).

``--check`` changes nothing and exits 1 if the catalogs are out of step with the code, untranslated,
fuzzy, have mismatched placeholders, or a committed ``.mo`` differs from its ``.po``.
"""

from __future__ import annotations

import argparse
import gettext
import io
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

import click
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from kzsupport.translit import to_latin

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
DOMAIN = "kzsupport"
TRANSLATED = ("kk", "ru")
GENERATED = {"kk_Latn": "kk"}
KEYWORDS = {"_": None, "N_": None, "Nn_": (1, 2), "gettext": None, "ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}|%\([a-z_]+\)[sd]|%[sd]")


def po_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / (DOMAIN + ".po")


def template() -> Catalog:
    """Every msgid in the code, ours and Click's."""
    pot = Catalog(project="kzsupport", fuzzy=False)
    sources = ((ROOT / "kzsupport", "kzsupport"), (Path(click.__file__).parent, "click"))
    for folder, _label in sources:
        method_map = [("**.py", "python")]
        for _filename, _lineno, message, _comments, context in extract_from_dir(
            str(folder), method_map=method_map, keywords=KEYWORDS
        ):
            pot.add(message, context=context)
    return pot


def read(path: Path, locale: str) -> Catalog:
    with path.open("rb") as f:
        return read_po(f, locale=locale, domain=DOMAIN)


def po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, no_location=True, omit_header=False,
             sort_output=True, ignore_obsolete=True)
    return buffer.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def entries(catalog: Catalog) -> dict[object, object]:
    """What a catalog says, without its headers (dates, tool versions)."""
    return {
        (m.context, m.id): m.string for m in catalog if m.id and not m.fuzzy
    }


def compiled_entries(mo: Path) -> dict[object, object]:
    with mo.open("rb") as f:
        translations = gettext.GNUTranslations(f)
    return {k: v for k, v in translations._catalog.items() if k}  # type: ignore[attr-defined]


def compiled_entries_of(catalog: Catalog) -> dict[object, object]:
    translations = gettext.GNUTranslations(io.BytesIO(mo_bytes(catalog)))
    return {k: v for k, v in translations._catalog.items() if k}  # type: ignore[attr-defined]


# Fixed header values, so that regenerating unchanged catalogs changes no byte (and merges stay quiet).
HEADER_DATE = datetime(2026, 11, 24, tzinfo=timezone.utc)
HEADER_COMMENT = (
    "# kzsupport interface messages, including Click's own.\n"
    "# This file is distributed under the MIT licence."
)


def with_header(catalog: Catalog, lang: str) -> Catalog:
    catalog.project, catalog.version = "kzsupport", "1"
    catalog.copyright_holder = "kzsupport contributors"
    catalog.msgid_bugs_address = ""
    catalog.last_translator = catalog.language_team = "kzsupport translators (" + lang + ")"
    catalog.creation_date = catalog.revision_date = HEADER_DATE
    catalog.header_comment = HEADER_COMMENT
    catalog.fuzzy = False
    return catalog


def updated(lang: str, pot: Catalog) -> Catalog:
    path = po_path(lang)
    catalog = read(path, lang) if path.exists() else Catalog(locale=lang, domain=DOMAIN)
    catalog.update(pot, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    return with_header(catalog, lang)


def latin(source: Catalog, lang: str) -> Catalog:
    out = with_header(Catalog(locale=lang, domain=DOMAIN), lang)
    for message in source:
        if not message.id:
            continue
        if isinstance(message.string, tuple | list):
            string: str | tuple[str, ...] = tuple(to_latin(s) for s in message.string)
        else:
            string = to_latin(message.string or "")
        out.add(message.id, string, flags=message.flags, context=message.context)
    return out


def catalogs(pot: Catalog) -> dict[str, Catalog]:
    result = {lang: updated(lang, pot) for lang in TRANSLATED}
    for lang, base in GENERATED.items():
        result[lang] = latin(result[base], lang)
    return result


def problems(lang: str, catalog: Catalog) -> list[str]:
    found = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        where = f"{lang}: {ids[0]!r}"
        if message.fuzzy:
            found.append(where + " is fuzzy")
        if not all(strings):
            found.append(where + " is not translated")
            continue
        wanted = set(PLACEHOLDER.findall(ids[-1] or ""))
        for string in strings:
            got = set(PLACEHOLDER.findall(string or ""))
            # A plural form may drop the count ("one" in Russian); it must not add a placeholder.
            if got != wanted and not (len(ids) > 1 and got < wanted):
                found.append(f"{where} has placeholders {sorted(got)} (expected {sorted(wanted)})")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 on problems")
    args = parser.parse_args()
    pot = template()
    errors: list[str] = []
    for lang, catalog in catalogs(pot).items():
        po, mo = po_path(lang), po_path(lang).with_suffix(".mo")
        if args.check:
            committed = read(po, lang) if po.exists() else None
            if committed is None or entries(committed) != entries(catalog):
                errors.append(f"{po} is out of step with the code: run make catalogs")
            elif not mo.exists() or compiled_entries(mo) != compiled_entries_of(catalog):
                errors.append(f"{mo} differs from its .po: run make catalogs")
        else:
            po.parent.mkdir(parents=True, exist_ok=True)
            po.write_bytes(po_bytes(catalog))
            mo.write_bytes(mo_bytes(catalog))
        if lang in TRANSLATED:
            errors += problems(lang, catalog)
    for error in errors:
        print(error, file=sys.stderr)
    if errors and not args.check:
        print(f"{len(errors)} messages to translate or fix (see above).", file=sys.stderr)
    return 1 if errors and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
