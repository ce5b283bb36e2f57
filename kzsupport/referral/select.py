"""Which services go on a sheet: the ids asked for, then those matching the filters, up to a limit."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from kzsupport import directory
from kzsupport.errors import BadInput
from kzsupport.i18n import N_
from kzsupport.models import Directory, Localized, Region, Service
from kzsupport.referral import DEFAULT_LIMIT
from kzsupport.referral.sheet import Distance, Nearby, Options, Sheet, build_sheet, printable

if TYPE_CHECKING:
    from kzsupport.eligibility import ProgrammeOutcome
    from kzsupport.geo import NearResult
    from kzsupport.places import Candidate


def nearby_from(result: NearResult, origin: Candidate, regions: Mapping[str, Region]) -> Nearby:
    """What ``geo.near`` found around ``origin``, for the sheet. Typed coordinates are named by
    the nearest known place: a sheet never prints where exactly the client is. ``regions`` name
    the region of a service known only by its region."""
    place = origin.nearest if origin.nearest is not None else origin.place

    def region_of(service: Service) -> Localized | None:
        region = regions.get(service.region or "")
        return None if region is None else region.names

    return Nearby(
        place=place.names,
        region_id=origin.region.id,
        region=origin.region.names,
        services=tuple(item.service for item in result.items),
        distances={item.service.id: Distance(item.distance_km, item.placed_by,
                                             region_of(item.service))
                   for item in result.items},
    )


def choose(
    d: Directory,
    ids: Sequence[str] = (),
    region: str | None = None,
    types: Sequence[str] = (),
    limit: int = DEFAULT_LIMIT,
    nearby: Nearby | None = None,
    discreet: bool = False,
) -> list[Service]:
    """The services named by id (in the order given; an unknown id is an error), followed by at
    most ``limit`` others: those ``nearby`` (nearest first) when a place was given, else the
    visible services matching ``region`` and ``types``. Others that could not go on the sheet
    (on a discreet card: those with no phone) are passed over; a named one is refused later."""
    if not ids and region is None and not types and nearby is None:
        raise BadInput(N_("Name services by id, or choose them with --near, --type or --region."))
    if limit < 1:
        raise BadInput(N_("--limit must be at least 1."))
    chosen = list(dict.fromkeys(directory.get(d, sid) for sid in ids))
    if nearby is not None:
        pool: Sequence[Service] = nearby.services
    elif region is not None or types:
        pool = directory.search(d, region=region, types=types)
    else:
        pool = []
    taken = {s.id for s in chosen}
    others = [s for s in pool if s.id not in taken and printable(s, discreet=discreet)]
    return chosen + others[:limit]


def sheet_for(
    d: Directory,
    services: Sequence[Service],
    options: Options,
    printed: date,
    eligibility: Sequence[ProgrammeOutcome] = (),
    near: Nearby | None = None,
    types: Sequence[str] = (),
) -> Sheet:
    """The sheet for ``services`` with its "as of" date and the national lines: those every sheet
    carries, and those of a kind asked for (``types``) or that an outcome refers to, such as 119
    for legal aid: often no local service of that kind is near, and the line is the way in."""
    kinds = {*types, *(kind for outcome in eligibility for kind in outcome.refer_to)}
    national = [s for s in directory.hotlines(d) if directory.in_every_footer(s) or s.type in kinds]
    return build_sheet(
        services, national, options,
        printed=printed, as_of=d.meta.as_of, eligibility=eligibility, nearby=near,
    )
