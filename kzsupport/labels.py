"""Translatable names for the directory's fixed vocabularies (types, groups served, offers ...).

The keys are the stable ids stored in the data; the values are msgids, translated when shown.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from kzsupport.i18n import N_, _

TYPES: Mapping[str, str] = {
    "emergency": N_("Emergency"),
    "police": N_("Police"),
    "hotline": N_("Helpline"),
    "crisis_centre": N_("Crisis centre"),
    "shelter": N_("Shelter"),
    "legal_aid": N_("Legal aid"),
    "child_rights": N_("Children's rights"),
    "family_support": N_("Family support"),
    "health": N_("Health"),
    "social_services": N_("Social services"),
    "ngo": N_("Non-governmental organisation"),
    "government_info": N_("Government information line"),
}

SERVES: Mapping[str, str] = {
    "everyone": N_("everyone"),
    "women": N_("women"),
    "children": N_("children"),
    "young_people": N_("young people"),
    "men": N_("men"),
    "families": N_("families"),
    "parents": N_("parents"),
    "older_people": N_("older people"),
    "people_with_disabilities": N_("people with disabilities"),
    "domestic_violence_victims": N_("victims of domestic violence"),
    "sexual_violence_victims": N_("victims of sexual violence"),
    "trafficking_victims": N_("victims of human trafficking"),
    "migrants": N_("migrants"),
}

OFFERS: Mapping[str, str] = {
    "emergency_response": N_("emergency response"),
    "counselling": N_("counselling"),
    "psychological_help": N_("psychological help"),
    "legal_advice": N_("legal advice"),
    "legal_representation": N_("legal representation"),
    "shelter": N_("temporary accommodation"),
    "medical_help": N_("medical help"),
    "social_support": N_("social support"),
    "information": N_("information"),
    "referral": N_("referral to other services"),
    "protective_order": N_("protective order"),
    "court_accompaniment": N_("accompaniment to court"),
    "text_chat": N_("text chat"),
    "rehabilitation": N_("rehabilitation"),
    "employment_help": N_("help with employment"),
}

PHONE_KINDS: Mapping[str, str] = {
    "short_number": N_("short number"),
    "voice": N_("phone"),
    "whatsapp": N_("WhatsApp"),
    "telegram": N_("Telegram"),
    "sms": N_("SMS"),
}

STATUSES: Mapping[str, str] = {
    "active": N_("active"),
    "temporarily_closed": N_("temporarily closed"),
    "inactive": N_("inactive"),
}

VERIFICATION: Mapping[str, str] = {
    "verified": N_("verified"),
    "source_only": N_("from a public source, not yet confirmed by a call"),
    "unverified": N_("UNVERIFIED: do not give to a client"),
}

VERIFICATION_SHORT: Mapping[str, str] = {
    "verified": N_("verified"),
    "source_only": N_("source only"),
    "unverified": N_("UNVERIFIED"),
}

METHODS: Mapping[str, str] = {
    "call": N_("test call"),
    "official_page": N_("official page"),
    "document": N_("document"),
    "visit": N_("visit"),
}

LANGUAGE_NAMES: Mapping[str, str] = {
    "kk": N_("Kazakh"),
    "ru": N_("Russian"),
    "en": N_("English"),
}


def label(vocabulary: Mapping[str, str], key: str) -> str:
    """The translated name of ``key``; an id unknown to the vocabulary shows as itself."""
    msgid = vocabulary.get(key)
    return _(msgid) if msgid else key


# A record's hours text often opens with its own "24/7" ("Круглосуточно (по данным источника)"):
# shown after the translated open-24/7 label, it would say it twice. Kept: a "[ru] " fallback marker.
_OWN_24_7 = r"^(\[[\w-]+\] )?(?:24/7|round[- ]the[- ]clock|круглосуточно|тәулік бойы|täulık boiy)[\s:;,.—–-]*"


def hours_note(note: str) -> str:
    """What the record's hours text adds to the open-24/7 label: the text without a leading "24/7"
    of its own (``""`` when that is all it says). The pattern is compiled on first use (re caches
    it), not at every start."""
    rest = re.sub(_OWN_24_7, r"\1", note.strip(), count=1, flags=re.IGNORECASE)
    return "" if re.fullmatch(r"(\[[\w-]+\] )?", rest) else rest
