"""Output of ``place`` and ``near``: how a place was understood, and the services near it.

Pure functions returning rich renderables or strings, like ``render.py`` (whose helpers they use).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import RenderableType
from rich.text import Text

from kzsupport.directory import in_every_footer
from kzsupport.geo import NearItem, NearResult
from kzsupport.i18n import N_, _, current_lang, fmt_distance_km, fmt_number, text
from kzsupport.labels import label
from kzsupport.models import Directory
from kzsupport.places import Candidate, RegionInfo, Resolution
from kzsupport.render import (
    DIM,
    WARN,
    Row,
    blocks,
    box_style,
    csv_text,
    fitted_table,
    listing,
    place_text,
    to_json,
    widest_line,
    widest_word,
)

PLACE_KINDS: Mapping[str, str] = {
    "region": N_("region"),
    "city": N_("city"),
    "settlement": N_("settlement"),
    "district": N_("district"),
    "point": N_("point"),
}
MATCHED_VIA: Mapping[str, str] = {
    "name": N_("name"),
    "alias": N_("other spelling"),
    "former": N_("former name"),
    "coordinates": N_("nearest place"),
}
PLACED_BY: Mapping[str, str] = {
    "location": N_("own coordinates"),
    "city": N_("distance to its city"),
    "region_centre": N_("place in the region not known"),
}


def region_label(region: RegionInfo) -> str:
    return region.name_latn if current_lang() == "kk-latn" else text(region.names)


def candidate_name(candidate: Candidate) -> str:
    return text(candidate.place.names) or candidate.matched


def matched_name(candidate: Candidate) -> str:
    """The name that matched, or for coordinates the nearest place's name in the interface language."""
    nearest = candidate.nearest
    return (text(nearest.names) or candidate.matched) if nearest is not None else candidate.matched


def did_you_mean(res: Resolution) -> str:
    """"Did you mean" with each suggested place once, by its name in the interface language."""
    names = dict.fromkeys(text(p.names) or p.id for p in res.suggestions)
    return _("Did you mean: {names}?").format(names=", ".join(names))


def status_text(res: Resolution) -> Text:
    """One line saying how the text was understood, and what to do when it was not."""
    out = Text()
    if res.status == "exact" and res.basis == "nearest_place":
        c = res.candidates[0]
        out.append(
            _("Coordinates in {region}: the nearest known place is {place}, {distance} away.").format(
                region=region_label(c.region),
                place=matched_name(c),
                distance=fmt_distance_km(c.distance_km or 0.0),
            )
        )
    elif res.status == "exact":
        first = res.candidates[0]
        out.append(_("Found: {place}.").format(place=candidate_name(first)))
        namesakes = [c for c in res.candidates[1:] if c.place.kind in ("city", "settlement")]
        if first.place.kind in ("city", "settlement") and namesakes and first.place.has_point:
            out.append(
                " "
                + _(
                    "{count} places of this name in {region}: this is the one at {point}. "
                    "To use another, give its coordinates (\"kzsupport place\" lists them)."
                ).format(
                    count=len(namesakes) + 1,
                    region=region_label(first.region),
                    point=f"{first.place.lat:.4f}, {first.place.lon:.4f}",
                ),
                style=WARN,
            )
    elif res.status == "fuzzy":
        out.append(
            _("Closest match for {query}: {place} (similarity {score} of 100). Check it is right.").format(
                query=res.query,
                place=candidate_name(res.candidates[0]),
                score=fmt_number(round(res.score or 0.0)),
            ),
            style=WARN,
        )
    elif res.status == "ambiguous":
        out.append(
            _("{query} matches {count} places in different regions. Choose one with --region.").format(
                query=res.query, count=len(res.candidates)
            ),
            style=WARN,
        )
    else:
        out.append(_("No place matches {query}.").format(query=res.query), style=WARN)
    if res.suggestions:
        out.append("\n" + did_you_mean(res))
    return out


def place_table(res: Resolution, ascii_only: bool = False, narrow: bool = False) -> RenderableType:
    """The candidates as a table where every word (a region id above all) fits its column whole,
    else one under another; nothing cut."""
    rows = []
    for number, c in enumerate(res.candidates, 1):
        p = c.place
        where = f"{p.lat:.4f}, {p.lon:.4f}" if p.lat is not None and p.lon is not None else "-"
        matched = Text(matched_name(c))
        matched.append(" (" + label(MATCHED_VIA, c.via) + ")", style=DIM)
        region = Text(region_label(c.region) + "\n" + c.region.id)
        kind, iso = Text(label(PLACE_KINDS, c.place.kind)), Text(c.region.iso)
        rows.append((Text(str(number)), Text(candidate_name(c)), kind, region, iso, Text(where), matched))

    def as_blocks() -> RenderableType:
        return blocks(
            (
                Text(f"{number.plain}. {name.plain} ({kind.plain})"),
                (Text(f"{region.plain.replace(chr(10), ' · ')} · {iso.plain}"), where, matched),
            )
            for number, name, kind, region, iso, where, matched in rows
        )

    if narrow:
        return as_blocks()
    headers = ("#", _("Place"), _("Kind"), _("Region"), _("ISO"), _("Coordinates"), _("Matched"))
    columns: list[list[Text | str]] = [[h, *(row[i] for row in rows)] for i, h in enumerate(headers)]
    mins = [widest_word(column) for column in columns]
    maxes = [widest_line(column) for column in columns]
    mins[5] = maxes[5]  # coordinates are never wrapped
    return fitted_table(headers, rows, mins, maxes, as_blocks, box_style(ascii_only), right=(0,))


def choice_line(number: int, c: Candidate) -> str:
    """One line of the interactive pick, with coordinates so that two places of one name in one
    region differ: "2. Aktau (settlement), Karaganda Region, 48.03, 72.83"."""
    p = c.place
    where = f", {p.lat:.2f}, {p.lon:.2f}" if p.lat is not None and p.lon is not None else ""
    return f"{number}. {candidate_name(c)} ({label(PLACE_KINDS, p.kind)}), {region_label(c.region)}{where}"


def near_table(
    items: Sequence[NearItem], directory: Directory, ascii_only: bool = False, narrow: bool = False
) -> RenderableType:
    rows: list[Row] = []
    for item in items:
        where = place_text(item.service, directory)
        where.append("\n" + label(PLACED_BY, item.placed_by), style=DIM)
        # Measured to the region centre, the figure can be hundreds of kilometres off (a district
        # centre shown at the distance of the regional capital): it is not shown as a distance.
        distance = "?" if item.placed_by == "region_centre" else fmt_distance_km(item.distance_km)
        rows.append((item.service, Text(distance), where))
    return listing(rows, _("Distance"), ascii_only, narrow)


def near_notes(result: NearResult, region: RegionInfo | None, types: Sequence[str] = (),
               serves: str | None = None, widen: Sequence[str] = ()) -> list[str]:
    """Plain sentences to show before the table (stderr): what is missing and how things were placed.
    ``types`` and ``serves``: what the search was for, as given to ``geo.near`` (some kinds may be
    national lines only, such as helplines; either makes "none of this kind" the right wording);
    ``widen``: the options the user typed that narrowed the search, the only ones worth dropping."""
    filtered = bool(types or serves)
    notes = []
    of_kind = [s for s in result.national if s.type in types]
    national = [p.labelled() for s in of_kind for p in s.phones]
    if not result.items and national:  # "near --type hotline": the helplines are national
        notes.append(_("No local service of this kind nearby; national lines of this kind: {numbers}.")
                     .format(numbers=", ".join(national)))
        return notes
    # Legal aid near Semey is a police station 500 km away; the national legal-aid line is 119.
    unlisted = [p.labelled() for s in of_kind if not in_every_footer(s) for p in s.phones]
    if unlisted:
        notes.append(_("National lines of this kind: {numbers}.").format(numbers=", ".join(unlisted)))
    if result.none_in_region and region is not None and result.items:  # else: "nothing found"
        missing = (
            _("No services of this kind in {region}. The nearest in other regions:")
            if filtered
            else _("No local services listed in {region}. The nearest in other regions:")
        )
        notes.append(missing.format(region=region_label(region)))
    if not result.items and widen:
        notes.append(_("Nothing found nearby. Try without {options}, or call a national line.").format(
            options=" / ".join(widen)))
    elif not result.items:
        notes.append(_("Nothing found nearby: call a national line (below)."))
    if any(i.placed_by == "city" for i in result.items):
        notes.append(_("Some services have no coordinates: their distance is measured to their town."))
    if any(i.placed_by == "region_centre" for i in result.items):
        notes.append(_("A service known only by its region has ? for its distance: its town is not "
                       "known."))
    return notes


def _item_dict(item: NearItem) -> dict[str, Any]:
    return {
        "distance_km": round(item.distance_km, 2),
        "placed_by": item.placed_by,
        "in_client_region": item.in_region,
        "service": item.service.to_dict(public=True),
    }


def near_json(
    res: Resolution, chosen: Candidate | None, result: NearResult | None, directory: Directory
) -> str:
    """The place worked from (``place``, ``region``, ``iso``; null when none was chosen), how the
    text was understood (``resolution``, with every candidate), the services and the national lines."""
    return to_json(
        {
            "as_of": directory.meta.as_of,
            "place": None if chosen is None else chosen.to_dict(),
            "region": None if chosen is None else chosen.region.id,
            "iso": None if chosen is None else chosen.region.iso,
            "resolution": res.to_dict(),
            "none_in_region": None if result is None else result.none_in_region,
            "services": [] if result is None else [_item_dict(i) for i in result.items],
            "national": [] if result is None else [s.to_dict(public=True) for s in result.national],
        }
    )


def near_csv(result: NearResult) -> str:
    header = ("distance_km", "id", "type", "name", "region", "placed_by", "phones", "verification",
              "verification_date")
    rows = (
        (
            f"{i.distance_km:.1f}",
            i.service.id,
            i.service.type,
            text(i.service.name),
            i.service.region or "",
            i.placed_by,
            " | ".join(p.labelled() for p in i.service.phones),
            i.service.verification.status,
            i.service.verification.date or "",
        )
        for i in result.items
    )
    return csv_text(header, rows)
