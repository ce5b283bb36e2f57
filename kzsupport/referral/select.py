"""Which services go on a sheet: the ids asked for, then those matching the filters, up to a limit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from kzsupport import directory
from kzsupport.errors import BadInput
from kzsupport.i18n import N_
from kzsupport.models import Directory, Service
from kzsupport.referral.sheet import EligibilityResult, Options, Sheet, build_sheet

DEFAULT_LIMIT = 5


def choose(
    d: Directory,
    ids: Sequence[str] = (),
    region: str | None = None,
    types: Sequence[str] = (),
    limit: int = DEFAULT_LIMIT,
) -> list[Service]:
    """The services named by id (in the order given; an unknown id is an error), followed by at
    most ``limit`` visible services matching ``region`` and ``types`` that were not named."""
    if not ids and region is None and not types:
        raise BadInput(N_("Name services by id, or choose them with --type or --region."))
    if limit < 1:
        raise BadInput(N_("--limit must be at least 1."))
    chosen = list(dict.fromkeys(directory.get(d, sid) for sid in ids))
    if region is not None or types:
        taken = {s.id for s in chosen}
        found = [s for s in directory.search(d, region=region, types=types) if s.id not in taken]
        chosen += found[:limit]
    return chosen


def sheet_for(
    d: Directory,
    services: Sequence[Service],
    options: Options,
    printed: date,
    eligibility: Sequence[EligibilityResult] = (),
) -> Sheet:
    """The sheet for ``services`` with the directory's national lines and its "as of" date."""
    return build_sheet(
        services, directory.national_numbers(d), options,
        printed=printed, as_of=d.meta.as_of, eligibility=eligibility,
    )
