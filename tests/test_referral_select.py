"""Which services go on a sheet: ids first, then filtered or nearby ones, never the hidden ones."""

from __future__ import annotations

import pytest

from kzsupport import store
from kzsupport.errors import BadInput, KzSupportError
from kzsupport.models import Directory, Localized
from kzsupport.referral.select import choose
from kzsupport.referral.sheet import Nearby
from tests.conftest import MINI


@pytest.fixture(scope="module")
def mini() -> Directory:
    return store.load(MINI)


def test_ids_keep_their_order_and_repeats_collapse(mini: Directory) -> None:
    chosen = choose(mini, ["test-150", "test-112", "test-150"])
    assert [s.id for s in chosen] == ["test-150", "test-112"]


def test_filters_add_visible_services_after_the_ids(mini: Directory) -> None:
    chosen = choose(mini, ["test-150"], types=["police", "crisis_centre"])
    assert [s.id for s in chosen] == ["test-150", "test-semey-centre"]  # the police one is unverified


def test_limit_applies_to_the_chosen_others_not_to_the_ids(mini: Directory) -> None:
    chosen = choose(mini, ["test-150", "test-112"], region="abai", limit=1)
    assert len(chosen) == 3


def test_nearby_services_replace_the_search(mini: Directory) -> None:
    found = (mini.services[3], mini.services[2])
    nearby = Nearby(place=Localized("Семей", "Семей", "Semey"), region_id="abai",
                    region=Localized("Абай облысы", "область Абай", "Abai Region"),
                    services=found, distances={})
    assert [s.id for s in choose(mini, nearby=nearby)] == [found[0].id, found[1].id]


def test_discreet_choice_passes_over_services_without_a_phone(mini: Directory) -> None:
    assert [s.id for s in choose(mini, region="abai", discreet=True)] == []


def test_nothing_to_choose_by_is_bad_input(mini: Directory) -> None:
    with pytest.raises(BadInput):
        choose(mini)


def test_unknown_id_is_an_error(mini: Directory) -> None:
    with pytest.raises(KzSupportError):
        choose(mini, ["nope"])
