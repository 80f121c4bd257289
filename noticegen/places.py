"""US states, DC and territories: names (marked for translation) and AP-style dateline abbreviations."""

from __future__ import annotations

from .lang import N_

# USPS code: (name, AP dateline abbreviation; "" where AP spells the name out)
STATES: dict[str, tuple[str, str]] = {
    "AL": (N_("Alabama"), "Ala."), "AK": (N_("Alaska"), ""), "AZ": (N_("Arizona"), "Ariz."),
    "AR": (N_("Arkansas"), "Ark."), "CA": (N_("California"), "Calif."), "CO": (N_("Colorado"), "Colo."),
    "CT": (N_("Connecticut"), "Conn."), "DE": (N_("Delaware"), "Del."), "FL": (N_("Florida"), "Fla."),
    "GA": (N_("Georgia"), "Ga."), "HI": (N_("Hawaii"), ""), "ID": (N_("Idaho"), ""),
    "IL": (N_("Illinois"), "Ill."), "IN": (N_("Indiana"), "Ind."), "IA": (N_("Iowa"), ""),
    "KS": (N_("Kansas"), "Kan."), "KY": (N_("Kentucky"), "Ky."), "LA": (N_("Louisiana"), "La."),
    "ME": (N_("Maine"), ""), "MD": (N_("Maryland"), "Md."), "MA": (N_("Massachusetts"), "Mass."),
    "MI": (N_("Michigan"), "Mich."), "MN": (N_("Minnesota"), "Minn."), "MS": (N_("Mississippi"), "Miss."),
    "MO": (N_("Missouri"), "Mo."), "MT": (N_("Montana"), "Mont."), "NE": (N_("Nebraska"), "Neb."),
    "NV": (N_("Nevada"), "Nev."), "NH": (N_("New Hampshire"), "N.H."), "NJ": (N_("New Jersey"), "N.J."),
    "NM": (N_("New Mexico"), "N.M."), "NY": (N_("New York"), "N.Y."), "NC": (N_("North Carolina"), "N.C."),
    "ND": (N_("North Dakota"), "N.D."), "OH": (N_("Ohio"), ""), "OK": (N_("Oklahoma"), "Okla."),
    "OR": (N_("Oregon"), "Ore."), "PA": (N_("Pennsylvania"), "Pa."), "RI": (N_("Rhode Island"), "R.I."),
    "SC": (N_("South Carolina"), "S.C."), "SD": (N_("South Dakota"), "S.D."), "TN": (N_("Tennessee"), "Tenn."),
    "TX": (N_("Texas"), ""), "UT": (N_("Utah"), ""), "VT": (N_("Vermont"), "Vt."),
    "VA": (N_("Virginia"), "Va."), "WA": (N_("Washington"), "Wash."), "WV": (N_("West Virginia"), "W.Va."),
    "WI": (N_("Wisconsin"), "Wis."), "WY": (N_("Wyoming"), "Wyo."), "DC": (N_("the District of Columbia"), "D.C."),
    "PR": (N_("Puerto Rico"), ""), "GU": (N_("Guam"), ""), "VI": (N_("the U.S. Virgin Islands"), ""),
    "AS": (N_("American Samoa"), ""), "MP": (N_("the Northern Mariana Islands"), ""),
}

def state_name(code: str) -> str:
    """The English name; translate it with the locale's catalog where it is shown."""
    return STATES[code][0]

def dateline_state(code: str) -> str:
    """'Calif.' for CA; the full name where AP spells it out ('Texas')."""
    name, abbreviation = STATES[code]
    return abbreviation or name
