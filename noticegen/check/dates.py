"""Date mentions in one sentence of a breach notice, each with its role (breach, discovery, other), and the notice's own year."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass, replace

__all__ = ["DateMention", "find_dates", "notice_year"]


@dataclass(frozen=True)
class DateMention:
    """One date as written in a sentence. `start`/`end` are None when it is vague ("recently") or its year is unknown
    (precision "vague" then); `end` is the last day of the range, month (month precision) or year (year precision)."""

    text: str
    start: datetime.date | None
    end: datetime.date | None
    precision: str  # "day" | "month" | "year" | "vague"
    role: str  # "breach" | "discovery" | "other"
    span: tuple[int, int]


# ---- date forms -------------------------------------------------------------------------------------------

def _lc(pattern: str, flags: int = 0) -> re.Pattern:
    """Compiles a pattern to run on lower-cased text (case-sensitive matching is about twice as fast)."""
    return re.compile(pattern.lower().replace("(?p<", "(?P<"), flags)


_MONTH_NO = {"jan": 1, "ene": 1, "feb": 2, "mar": 3, "apr": 4, "abr": 4, "may": 5, "jun": 6, "jul": 7,
             "aug": 8, "ago": 8, "sep": 9, "set": 9, "oct": 10, "nov": 11, "dec": 12, "dic": 12}
_EN_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_ES_FULL = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
_EN_MON = rf"\b(?:(?:{_EN_FULL})\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
_ES_MON = rf"\b(?:(?:{_ES_FULL})\b|(?:ene|feb|abr|jun|jul|ago|sept|sep|oct|nov|dic)\b\.?)"
_Y = r"(?:199\d|20\d\d)(?!,?\d)"
_D_EN = r"(?<![\d,.$/:])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:/]|,\d|\s*(?:[ap]\.?m\b|o'clock))"
_D_ES = r"(?<![\d,.$/:])(?:(?:[12]\d|3[01]|0?[1-9])(?:\.?º|\.?°|ro)?|primero)(?![\d:/]|,\d)"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_NOT_COUNT = (r"(?!\s*(?:patients|individuals|people|persons|members|records|residents|customers|pacientes|personas"
              r"|registros|miembros)\b)")

_VAGUE_EN = (r"\b(?:earlier this (?:year|month|week)|(?:earlier|later) (?:that|the same) (?:day|night|morning|week|month)"
             r"|recently|(?:that|the) same (?:day|night|morning|afternoon|evening)|that (?:day|night|morning|afternoon|evening)"
             r"|the (?:following|next) (?:day|morning|afternoon|evening)|the (?:morning|day) after|overnight"
             r"|shortly (?:thereafter|afterwards?)|(?:a few|several) days later|last (?:year|month|week))\b")
_VAGUE_ES = (r"\b(?:recientemente|hace poco|a principios de (?:este|ese) (?:año|mes)|a finales del año pasado|el año pasado"
             r"|(?:ese|el) mismo día|ese día|esa (?:misma )?(?:noche|mañana|tarde)|al día siguiente|a la mañana siguiente"
             r"|(?:unos|algunos|varios) días después|poco después)\b")
_SAME_DAY = _lc(r"same (?:day|night|morning|afternoon|evening)|that (?:day|night|morning|afternoon|evening)"
                r"|(?:earlier|later) that day|mismo día|ese día|esa (?:misma )?(?:noche|mañana|tarde)")
_NEXT_DAY = _lc(r"(?:following|next) (?:day|morning|afternoon|evening)|(?:morning|day) after|día siguiente|mañana siguiente")

_FORMS = {
    "en": [
        ("mdd", rf"{_WEEKDAY}(?P<m>{_EN_MON})\s*(?P<d1>{_D_EN})\s*(?P<c>-|–|—|to|through|thru|until|and)\s*(?P<d2>{_D_EN})"
                rf"(?:(?:,\s*|\s+)(?P<y>{_Y}))?"),
        ("md", rf"{_WEEKDAY}(?P<m>{_EN_MON})\s*(?P<d>{_D_EN})(?:(?:,\s*|\s+)(?P<y>{_Y}))?"),
        ("dmy", rf"(?P<d>{_D_EN})\s+(?:of\s+)?(?P<m>{_EN_MON})(?:,?\s+(?P<y>{_Y}))?"),
        ("mm", rf"\b(?P<m1>{_EN_FULL})\s+(?P<c>and|or|to|through|-|–)\s+(?P<m2>{_EN_FULL})(?:\s+of)?,?\s+(?P<y>{_Y})"),
        ("my", rf"(?P<m>{_EN_MON})(?:\s+of)?,?\s+(?P<y>{_Y})"),
    ],
    "es": [
        ("esdd", rf"(?P<d1>{_D_ES})\s*(?P<c>al|a|y el|y|-|–)\s*(?P<d2>{_D_ES})\s+de\s+(?P<m>{_ES_MON})"
                 rf"(?:\s*(?:de|del|,)\s*(?P<y>{_Y}))?"),
        ("esd", rf"(?:\bel\s+)?(?:(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo),?\s+)?(?P<d>{_D_ES})\s+de\s+"
                rf"(?P<m>{_ES_MON})(?:\s*(?:de|del|,)\s*(?P<y>{_Y}))?"),
        ("mm", rf"\b(?P<m1>{_ES_FULL})\s+(?P<c>y|a|o|-)\s+(?P<m2>{_ES_FULL})\s+(?:de|del)\s+(?P<y>{_Y})"),
        ("my", rf"(?P<m>{_ES_MON})\s+(?:de|del)\s+(?P<y>{_Y})"),
    ],
}
_COMMON = [
    ("num", r"(?<![\d/.\-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])"),
    ("iso", r"(?<![\d/.\-])(?P<y>199\d|20\d\d)-(?P<a>\d\d)-(?P<b>\d\d)(?![\d\-])"),
    ("year", rf"(?<![\d$,.\-/#])(?P<y>{_Y}){_NOT_COUNT}"),
]
_MON_ALONE = {"en": rf"\b(?P<m>{_EN_FULL})\b", "es": rf"\b(?P<m>{_ES_FULL})\b"}
_VAGUE = {"en": _VAGUE_EN, "es": _VAGUE_ES}
# what must stand right before a bare month or a bare year for it to count as a date
_CONTEXT = {
    "en": _lc(r"\b(?:in|of|since|during|throughout|before|after|until|through|by|early|late|mid|around|from)[\s-]+$"),
    "es": _lc(r"\b(?:en|de|del|desde|hasta|durante|año|antes de|después de)\s+$"),
}
# qualifiers kept in the mention's text
_QUAL = _lc(r"\b(?:on or about|on or around|in or about|in or around|in or before|on or before|in or after|on or after"
            r"|prior to|as early as|approximately|around|between|from|beginning|starting|since|entre(?: el)?|desde"
            r"|del|alrededor del|hacia el|antes del)\s+$")
_RANGE_JOIN = _lc(r"\s*,?\s*(?P<c>-|–|—|to|through|thru|until|till|and|al|hasta(?: el)?|y|a)\s*"
                  r"(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?\s*(?:on\s+)?)?")  # "... to 5:00 p.m. on June 2"
_LIST_JOIN = _lc(r"\s*(?:,|and|or|y|o|, and|, y)\s*")
_AND = {"and", "y", "y el"}
_BETWEEN = ("between", "entre")


def _compile(lang: str) -> tuple[re.Pattern, dict[str, re.Pattern]]:
    forms = _FORMS[lang] + _COMMON + [("mon", _MON_ALONE[lang]), ("vague", _VAGUE[lang])]
    parts = {name: _lc(p) for name, p in forms}
    master = "|".join(f"(?P<{name}>{re.sub(r'[(][?]P<[a-z0-9]+>', '(?:', p)})" for name, p in forms)
    return _lc(rf"\b(?=\w)(?:{master})"), parts  # every form starts a word: other positions fail at once


_SCANNERS = {lang: _compile(lang) for lang in _FORMS}


@dataclass
class _Atom:
    s: int
    e: int
    a: list  # [year|None, month|None, day|None]; month None = year precision, day None = month precision
    b: list  # end, same shape
    kind: str = "point"  # point | range | vague
    qual: str = ""


def _month(word: str) -> int:
    return _MONTH_NO[word.lower().rstrip(".")[:3]]


def _day(word: str) -> int:
    return 1 if word.lower().startswith("primero") else int(re.match(r"\d+", word).group())


def _year(text: str | None) -> int | None:
    y = int(text) if text else None
    return y if y is None or y >= 100 else (1900 + y if y >= 90 else 2000 + y)


def _atoms(sentence: str, low: str, lang: str) -> list[_Atom]:
    master, parts = _SCANNERS[lang]
    out: list[_Atom] = []
    for hit in master.finditer(low):
        name, s, e = hit.lastgroup, hit.start(), hit.end()
        g, before = parts[name].match(low, s), low[max(0, s - 24):s]
        if lang == "en" and "m" in g.re.groupindex and sentence[g.start("m")] == "m" and g["m"] in ("may", "march", "mar"):
            continue  # "you may", "march" the verb
        if name in ("mon", "year") and (not _CONTEXT[lang].search(before) or before.endswith("act of ")  # of 1996
                                        or (lang == "en" and name == "mon" and sentence[s].islower())):
            continue
        q = _QUAL.search(low, max(0, s - 24), s)
        qual, s = (q.group().strip(), q.start()) if q else ("", s)
        if name in ("mon", "year"):
            a = [int(g["y"]), None, None] if name == "year" else [None, _month(g["m"]), None]
            out.append(_Atom(s, e, a, list(a), qual=qual))
        elif name == "vague":
            out.append(_Atom(s, e, [None] * 3, [None] * 3, "vague", qual))
        elif name in ("num", "iso"):
            y, a, b = _year(g["y"]), int(g["a"]), int(g["b"])
            if not 1990 <= y <= 2099:
                continue
            m, d = (b, a) if lang == "es" and name == "num" else (a, b)
            if m > 12:
                m, d = d, m
            out.append(_Atom(s, e, [y, m, d], [y, m, d], qual=qual))
        elif name in ("mdd", "esdd"):
            y, m = _year(g["y"]), _month(g["m"])
            a, b = [y, m, _day(g["d1"])], [y, m, _day(g["d2"])]
            if g["c"].lower() in _AND and not qual.startswith(_BETWEEN):
                out.append(_Atom(s, g.end("d1"), a, list(a), qual=qual))
                out.append(_Atom(g.start("d2"), e, b, list(b)))
            else:
                out.append(_Atom(s, e, a, b, "range", qual))
        elif name == "mm":
            y = _year(g["y"])
            out.append(_Atom(s, e, [y, _month(g["m1"]), None], [y, _month(g["m2"]), None], "range", qual))
        else:  # md, dmy, esd, my
            d = _day(g["d"]) if "d" in g.re.groupindex else None
            a = [_year(g["y"]), _month(g["m"]), d]
            out.append(_Atom(s, e, a, list(a), qual=qual))
    return out


def _join(sentence: str, atoms: list[_Atom]) -> list[_Atom]:
    """Joins "between X and Y", "from X through Y", "X - Y" into one range; shares a written year along a list."""
    out: list[_Atom] = []
    for at in atoms:
        prev = out[-1] if out else None
        if prev and prev.kind == "point" and at.kind == "point" and prev.a[1] and at.a[1]:
            joint = _RANGE_JOIN.fullmatch(sentence, prev.e, at.s)
            if joint and (joint["c"] not in _AND or prev.qual.startswith(_BETWEEN)):
                out[-1] = _Atom(prev.s, at.e, prev.a, at.b, "range", prev.qual)
                continue
        out.append(at)
    for left, right in zip(reversed(out[:-1]), reversed(out[1:])):  # "May 31st and June 2nd, 2023"
        if left.b[0] is None and left.kind != "vague" and right.a[0] and _LIST_JOIN.fullmatch(sentence[left.e:right.s]):
            left.a[0] = left.b[0] = right.a[0]
    return out


def _bounds(at: _Atom, year: int | None) -> tuple[datetime.date | None, datetime.date | None, str]:
    (y1, m1, d1), (y2, m2, d2) = at.a, at.b
    if at.kind == "vague" or (y1 or y2 or year) is None:
        return None, None, "vague"
    y1, y2 = y1 or y2 or year, y2 or y1 or year
    if at.kind == "range" and (m1, d1 or 1) > (m2, d2 or 1):  # "December 28 - January 3, 2024"
        y1, y2 = (y1 - 1, y2) if at.a[0] is None else (y1, y2 + 1) if at.b[0] is None else (y1, y2)
    try:
        start = datetime.date(y1, m1 or 1, d1 or 1)
        end = datetime.date(y2, m2 or 12, d2 or calendar.monthrange(y2, m2 or 12)[1])
    except ValueError:  # February 30
        return None, None, "invalid"
    precision = "year" if m1 is None else "month" if d1 is None or d2 is None else "day"
    return start, end, precision


# ---- roles ------------------------------------------------------------------------------------------------

_RECIPIENTS_EN = (r"(?:the\s+|all\s+|our\s+|affected\s+|impacted\s+|potentially\s+|involved\s+|local\s+|federal\s+|state\s+)*"
                  r"(?:individuals|patients|persons|people|members|customers|you|recipients|residents|law enforcement"
                  r"|police|FBI|HHS|Department|Office|regulators|attorneys?|consumer|credit|media|appropriate|them|those)\b")
_TRIGGERS = {
    "en": [
        ("n", r"\bwhat\s+happened"),  # a heading run into the sentence ("What Happened? On May 3, we learned ...")
        ("d", r"\b(?:date\s+of\s+(?:the\s+)?discovery|discovery\s+date)"),  # "Date of discovery: March 10, 2023"
        ("b", r"\b(?:date\s+of\s+(?:the\s+)?(?:breach|incident)|(?:breach|incident)\s+date)"),
        ("o", r"\b(?:dates?\s+of\s+(?:service|birth|treatment)|service\s+dates?|treated|seen|visited|admitted"
              r"|received\s+(?:care|services|treatment))\b"),
        ("o", r"\b(?:not|\w*n't)\s+(?:yet\s+)?received\s+(?:a\s+|this\s+)?(?:letter|notice)"),
        # someone telling the entity is its discovery; telling the police or a regulator is not
        ("d", r"\breported\s+(?:as\s+)?(?:missing|lost|stolen)\b|\b(?:was|were)\s+reported\s+to\s+(?:us|our|the\s+(?:\w+\s+){0,3}?"
              r"(?:privacy|security|compliance|it)\s+(?:office|officer|department|team))"
              r"|\breported\s+(?:the\s+\w+\s+|it\s+|this\s+|the\s+\w+\s+\w+\s+)?to\s+(?!(?:the\s+|local\s+|a\s+)*(?:police|law|fbi"
              r"|federal|state|authorities|hhs|office\s+for|department\s+of|attorney|sheriff|secret|u\.s\.))"),
        ("o", r"\b(?:ended|closed|wrapped\s+up|concluded)\b"),
        ("o", r"\b(?:investigation|review|analysis|audit|examination)\s+(?:\w+\s+){0,3}?(?:found|revealed|showed|identified"
              r"|confirmed|determined|concluded)\b"),
        ("o", r"\bidentified\s+(?:the\s+|all\s+)?(?:individuals|patients|persons|people|members|affected|impacted|those"
              r"|addresses|contact)"),
        ("o", rf"\b(?:notified|notify|notifying|informed|inform|informing|alerted|contacted|contacting)\s+{_RECIPIENTS_EN}"),
        ("o", r"\b(?:individuals|patients|persons|people|members|customers|you|recipients|residents)\s+(?:\w+\s+){0,2}?"
              r"(?:were|was|are|will be|have been|being)\s+(?:\w+\s+)?(?:notified|informed|sent|mailed)"),
        ("o", r"\b(?:letters|notices|notifications|notification|this (?:letter|notice|update|statement)|(?:the\s+)?notice)"
              r"\s+(?:\w+\s+){0,3}?(?:mailed|sent|issued|distributed|posted|published|updated|dated)\b"),
        ("o", r"\b(?:mail(?:ed|ing)?|sen[dt](?:ing)?|issu(?:ed|ing)|provid(?:ed|ing)|began notifying|post(?:ed|ing))\s+"
              r"(?:\w+\s+){0,3}?(?:notices|letters|notification|notifications|notice (?:to|of)|written notice)\b"),
        ("o", r"\b(?:launched|began|initiated|commenced|opened|started)\s+(?:an?\s+|our\s+)?(?:\w+\s+)?investigat\w*"),
        ("o", r"\b(?:available|open|valid|offered)\s+(?:until|through)\b|^\s*(?:posted|published|updated|last updated|dated)\b"),
        ("d", r"\b(?:was|were|been|being|is|are)\s+(?:(?:first|initially|subsequently|later|then|also|recently|promptly"
              r"|made)\s+)?(?:notified|informed|alerted|told|advised|contacted|made aware)\b"),
        ("d", r"\b(?:notified|informed|alerted|told|advised|contacted|called|emailed|reported\s+(?:\w+\s+){0,2}?to)\s+us\b"),
        ("d", r"\breceived\s+(?:a\s+|an\s+)?(?:\w+\s+){0,2}?(?:report|notification|notice|call|complaint|alert|email|e-mail"
              r"|message|tip)\b"),
        ("d", r"\b(?:came|brought)\s+to\s+(?:our|its|the\s+\w+'s|their)\s+attention"),
        ("b", r"\b(?:mistakenly|inadvertently|erroneously|accidentally|improperly)\s+(?:\w+\s+)?(?:mailed|sent|emailed"
              r"|e-mailed|faxed|disclosed|posted|provided|shared|included|attached|disposed)\b|\bmailed in error\b"
              r"|\b(?:mailed|sent|e-?mailed|faxed|delivered)\s+to\s+(?:an?\s+|the\s+)?(?:incorrect|wrong|unintended|old|former"
              r"|prior|previous|another)\b"),
        ("o", r"\bwe\s+(?:(?!(?:were|are|been)\b)\w+\s+)?(?:notified|informed)\b"),  # not "we were notified"
        ("o", r"\b(?:determin\w+|confirm\w*|conclu(?:ded|sion)|complet\w+|finaliz\w+|finished|verified|ascertained"
              r"|enrol\w*|register|registration|activat\w+|sign up|redeem|expir\w+|deadline|notify(?:ing)?|informing"
              r"|mail(?:ed|ing)?|reported|implement\w+|updated|adopted|revised|effective|polic(?:y|ies)|Date:|contain(?:ed)?"
              r"|secured|isolated|offline|shut\s+down|disabled|terminated|restored|announc\w+)"),
        ("d", r"\b(?:(?:first\s+)?bec(?:ame|ome|oming)\s+aware|learn(?:ed|t|ing)|discover(?:ed|ing|y)|detect(?:ed|ing|ion)"
              r"|identified|(?:first\s+)?recogni[sz]ed|notic(?:ed|ing)|found|uncovered|alerted|notified|informed"
              r"|turned\s+up|spotted|observed)\b"),
        ("b", r"\b(?:occur(?:red|ring)|took place|happened|access(?:ed|ing)?|acquir(?:ed|ing)|acquisition|stole|stolen"
              r"|theft|broke\s+into|broken\s+into|break-in|burglar\w*|gained entry|(?:was|were|been)\s+taken|suffered|victim"
              r"|(?:cyber)?attack\w*|cop(?:ied|ying)|downloaded|exfiltrat\w+|removed|viewed"
              r"|disclosed|sent|e-?mailed|faxed|misdirected|misdelivered|posted|exposed|exposure|encrypt\w*|deployed"
              r"|infected|compromised|intrusion|experienced|lost|misplaced|missing|hacked|breached"
              r"|log(?:ged)?\s+(?:in|on)(?:to)?|used\s+(?:\S+\s+){0,3}credentials|infiltrated|disposed|discarded"
              r"|got\s+into|gained\s+(?:\w+\s+)?access|entered|shared|snooped|improperly\s+(?:accessed|viewed|used)"
              r"|signed\s+in(?:to)?|sign-?in|looked\s+at|gotten\s+into|(?:was|were|been)\s+inside|remained\s+in"
              r"|took\s+(?:\w+\s+){0,2}?(?:files?|data|documents?|records?|information|laptops?|computers?|(?:hard\s+)?drives?"
              r"|devices?|bags?|box(?:es)?|backpacks?|prescriptions|papers?|equipment|servers?|phones?))\b"),
    ],
    "es": [
        ("n", r"\bqué\s+(?:sucedió|pasó|ocurrió)"),
        ("d", r"\bfecha\s+(?:de|del)\s+(?:su\s+)?descubrimiento"),
        ("b", r"\bfecha\s+de\s+(?:la\s+violación|la\s+filtración|la\s+brecha|el\s+incidente|del\s+incidente)"),
        ("o", r"\b(?:fechas?\s+de\s+(?:servicio|nacimiento|atención|tratamiento)|atendid\w+|tratad\w+)"),
        ("o", r"\b(?:investigación|revisión|análisis|auditoría)\s+(?:\w+\s+){0,3}?(?:encontró|reveló|mostró|identificó"
              r"|confirmó|determinó|concluyó)\b"),
        ("o", r"\bidentific\w+\s+(?:a\s+)?(?:las?\s+|los\s+)?(?:personas|pacientes|individuos|miembros|afectad\w+)"),
        ("o", r"\b(?:notific\w+|inform\w+|avis\w+|alert\w+|contact\w+)\s+(?:a\s+)?(?:las?\s+|los\s+)?(?:personas|pacientes"
              r"|individuos|miembros|afectad\w+|autoridades|policía|FBI|HHS|Departamento|Oficina|fuerzas)"),
        ("o", r"\b(?:personas|pacientes|individuos|miembros|afectad\w+)\s+(?:\w+\s+){0,2}?(?:fueron|serán|han sido|son)\s+"
              r"(?:notificad\w+|informad\w+)"),
        ("o", r"\b(?:cartas|avisos|notificaciones|este aviso|esta carta|el aviso)\s+(?:\w+\s+){0,3}?(?:enviad\w+|envi\w+"
              r"|publicad\w+|actualizad\w+|fechad\w+)|\b(?:envi\w+|mand\w+|enviaremos)\s+(?:\w+\s+){0,3}?(?:cartas|avisos"
              r"|notificaciones)\b"),
        ("o", r"^\s*(?:publicado|actualizado|fecha)\b"),
        ("o", r"\b(?:iniciamos|inició|comenzamos|comenzó|emprendimos|emprendió)\s+(?:una\s+)?investigación"),
        ("d", r"\b(?:fue|fuimos|fueron|ha sido|hemos sido|había sido|habíamos sido)\s+(?:\w+\s+)?(?:notificad\w*"
              r"|informad\w*|alertad\w*|avisad\w*)|\bnos\s+(?:notific\w*|inform\w*|alert\w*|avis\w*|contact\w*)"),
        ("d", r"\brecibi\w*\s+(?:un|una)\s+(?:\w+\s+)?(?:aviso|notificación|informe|reporte|alerta|llamada|queja|denuncia)"),
        ("d", r"\b(?:tuv\w+|tom\w+)\s+conocimiento|\b(?:se|nos)\s+(?:dio|dimos)\s+cuenta"),
        ("o", r"\b(?:determin\w+|confirm\w+|conclu\w+|complet\w+|finaliz\w+|verific\w+|inscr\w+|regístrese|registrarse"
              r"|vence|vencimiento|fecha límite|notific\w+|implement\w+|actualiz\w+|Fecha:)"),
        ("d", r"\b(?:descubri\w*|descubrimos|descubrimiento|se\s+enter\w+|nos\s+enteramos|enterarnos|enterarse|detect\w+"
              r"|identific\w+|conocimiento)"),
        ("b", r"\b(?:ocurri\w*|tuvo lugar|sucedi\w*|accedi\w*|acceso|roba\w*|robo|hurt\w*|sustra\w+|copi\w+|descarg\w+"
              r"|extraj\w+|exfiltr\w+|cifr\w+|encript\w+|expuest\w+|envi\w+|divulg\w+|perdi\w+|extravi\w+|comprometi\w+"
              r"|ataque|irrumpi\w*|infect\w+|publicad\w+|consult\w+|revis\w+\s+(?:los\s+|sus\s+)?expedientes)"),
    ],
}
# every trigger starts a word of two letters or more; testing that first makes the scan several times faster
_TRIGGER_RE = {lang: _lc(r"\b(?=\w\w)(?:" + "|".join(f"(?P<{r}{i}>{p.removeprefix(chr(92) + 'b')})"
                                                      for i, (r, p) in enumerate(rules)) + ")")
               for lang, rules in _TRIGGERS.items()}
_ROLE = {"b": "breach", "d": "discovery", "o": "other", "n": ""}
# what lies between a date and a verb costs a word per content word (not "on", "the"), more per clause edge
_EDGE = re.compile(r"(?=[;:,twqcay?!¿])(?:([;?!¿])|(,\s*(?:and|but|y|pero)\b)"
                   r"|\b(that|which|who|whom|when|whereupon|que|cuando|cual)\b|\b(and|y)\b|(:))")
_EDGE_COST = (0, 20, 8, 6, 3, 4)
_NOT_COUNTED = frozenset("on in at of or about around the a an el la los las en de del and y but pero that which who whom when "
                         "whereupon que cuando cual".split())
_WORD = re.compile(r"\w+")
# sentences with neither a digit nor one of these words hold no date
_GATE = {"en": _lc(rf"\d|\b(?:{_EN_FULL.replace('|March|April|May|', '|April|')}|recently|earlier|later|same|following"
                   r"|next|after|overnight|shortly|last|that (?:day|night|morning|afternoon|evening))\b"),
         "es": _lc(rf"\d|\b(?:{_ES_FULL}|recientemente|hace poco|principios|finales|pasado|mismo|ese día|esa|siguiente"
                   r"|después|primero)\b")}
# a press-release dateline, "CITY, State, March 5, 2024 /PRNewswire/ --", dates the release, not the events
_DATELINE_HEAD = re.compile(r"[^\d\n]{2,60}(?:,\s*|\s*\(\s*)")  # "CITY, State, " or "City, State ("
_DATELINE_TAIL = re.compile(r"\s*\)?\s*(?:/[^/]{1,40}/\s*)?(?:--|—|–|-\s)")
_PREPOSED = _lc(r"\b(?:after|upon|following|al|tras|después de)\s+$")


def _cost(gap: str) -> int:
    words = sum(1 for w in _WORD.findall(gap) if w not in _NOT_COUNTED)
    return words + sum(_EDGE_COST[m.lastindex] for m in _EDGE.finditer(gap))


def _role(low: str, at: _Atom, triggers: list[tuple[int, int, str]]) -> str:
    if len({r for _, _, r in triggers}) == 1 and (at.kind != "range" or triggers[0][2] != "discovery"):
        return triggers[0][2]  # one kind of verb in the sentence: it governs every date
    nearest: dict[tuple[str, bool], tuple[int, int, str]] = {}  # the cost grows with distance: the nearest of each kind
    for ts, te, r in triggers:
        if r == "discovery" and at.kind == "range":
            continue  # a discovery is a moment; a window is the breach's (or the mailing's)
        after = te > at.s
        if not after or (r, True) not in nearest:
            nearest[r, after] = (ts, te, r)
    best, role = None, ""
    for ts, te, r in nearest.values():
        if te <= at.s:  # "after learning of the incident on X": the date sits in the trigger's own phrase
            c = _cost(low[te:at.s]) - (3 if _PREPOSED.search(low, max(0, ts - 12), ts) else 0)
        elif ts >= at.e:
            c = _cost(low[at.e:ts]) + 0.5
        else:
            c = 0
        if best is None or c < best:
            best, role = c, r
    if role:
        return role
    return "breach" if at.kind == "range" or at.qual.startswith(("on or", "in or a", "alrededor")) else "other"


def relative_shift(text: str) -> int | None:
    """Days after the previous date that a relative expression means: 0 ("that same day"), 1 ("the next morning")."""
    low = text.lower()
    return 0 if _SAME_DAY.search(low) else 1 if _NEXT_DAY.search(low) else None


_OBJECT_GAP = re.compile(r"\s*(?:(?:of|the|a|an|this|that|an?|suspicious|unauthorized|possible|potential|apparent|some|"
                         r"what|appeared|to|be|la|el|un|una|del|de)\s+){0,4}")


def _objects_dropped(triggers: list[tuple[int, int, str]], low: str) -> list[tuple[int, int, str]]:
    """A breach word right after a discovery verb is its object ("discovered the theft", "learned of the intrusion"):
    the date then belongs to the discovery, so the object is no verb of its own."""
    out = []
    for i, (ts, te, role) in enumerate(triggers):
        if role == "breach" and i and triggers[i - 1][2] == "discovery":
            gap = low[triggers[i - 1][1]:ts]
            if _OBJECT_GAP.fullmatch(gap):
                continue
        out.append((ts, te, role))
    return out


def find_dates(sentence: str, *, year: int | None = None, language: str = "en") -> list[DateMention]:
    """Every date in one sentence with its role. `year` is the notice's own year (from its date or dateline), used for dates written without a year.

    A date with no year of its own takes the year of its range or list ("May 31st and June 2nd, 2023"), else
    the nearest year written in the sentence, else `year`; with none of these it has start/end None and
    precision "vague". "that same day" / "the following day" take the previous date of the sentence.
    Spanish numeric dates are read day first. `language` is "en" or "es" (a locale such as "es_US" works).
    """
    lang = "es" if language.lower().startswith("es") else "en"
    low = sentence.lower()
    if len(low) != len(sentence):  # a few characters lower-case to two ("İ"); keep offsets aligned
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in sentence)
    if not _GATE[lang].search(low) and not (lang == "en" and ("May" in sentence or "March" in sentence)):
        return []  # ("may" and "march" are too common as verbs to open the gate in lower case)
    atoms = _join(low, _atoms(sentence, low, lang))
    if not atoms:
        return []
    hits = _TRIGGER_RE[lang].finditer(low)
    triggers = _objects_dropped([(m.start(), m.end(), _ROLE[m.lastgroup[0]]) for m in hits if m.lastgroup[0] != "n"], low)
    written = [at.a[0] or at.b[0] for at in atoms]  # years as written, None where absent
    out: list[DateMention] = []
    for i, at in enumerate(atoms):
        before, after = [y for y in written[:i] if y], [y for y in written[i + 1:] if y]
        fallback = before[-1] if before else after[0] if after else year
        start, end, precision = _bounds(at, fallback)
        if precision == "invalid":
            continue
        dateline = _DATELINE_HEAD.fullmatch(low, 0, at.s) and _DATELINE_TAIL.match(low, at.e)
        role = "other" if dateline else _role(low, at, triggers)
        mention = DateMention(sentence[at.s:at.e], start, end, precision, role, (at.s, at.e))
        if at.kind == "vague" and out and out[-1].end and out[-1].precision == "day":  # "that same day"
            shift = 0 if _SAME_DAY.search(low, at.s, at.e) else 1 if _NEXT_DAY.search(low, at.s, at.e) else None
            if shift is not None:
                day = out[-1].end + datetime.timedelta(days=shift)
                mention = replace(mention, start=day, end=day, precision="day")
        out.append(mention)
    return out


# ---- the notice's own year --------------------------------------------------------------------------------

_ANY_MON = rf"(?:{_EN_MON}|{_ES_MON})"
_LINE_DATE = re.compile(rf"^[ \t]*{_WEEKDAY}(?:{_ANY_MON}\s*\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?P<y1>{_Y})"
                        rf"|\d{{1,2}}\s+(?:de\s+)?{_ANY_MON}\s+(?:de\s+|del\s+)?(?P<y2>{_Y})"
                        rf"|\d{{1,2}}/\d{{1,2}}/(?P<y3>\d{{4}}|\d{{2}}))[ \t]*$", re.I | re.M)
_DATELINE = re.compile(rf"^[^\n\d]{{2,80}}?,\s*(?:{_ANY_MON}\s*\d{{1,2}},?\s+|\d{{1,2}}\s+de\s+{_ANY_MON}\s+de\s+)"
                       rf"(?P<y1>{_Y})\s*(?:/[^/\n]{{1,40}}/\s*)?[—–-]", re.I | re.M)
_LABEL = re.compile(rf"^[ \t]*(?:Date|Dated|Fecha|Posted(?:\s+on)?|Published(?:\s+on)?|Publicado(?:\s+el)?|Last updated"
                    rf"|Updated|Actualizado(?:\s+el)?)\b:?[^\n\d]{{0,30}}(?:\d{{1,2}}/\d{{1,2}}/(?P<y3>\d{{4}}|\d{{2}})"
                    rf"|[^\n]{{0,30}}?(?P<y1>{_Y}))", re.I | re.M)
_BARE_YEAR = re.compile(rf"(?<![\d$,.\-/#]){_Y}")
_SHORT_YEAR = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/(\d\d)(?![\d/])")


def notice_year(text: str, language: str = "en") -> int | None:
    """The year of the notice itself: its letter date, a press-release dateline ("CITY, State, Month D, YYYY —"), a "Date:" / "Posted on" line, else the latest year mentioned; None if none.

    English and Spanish month names are both read whatever `language` says.
    """
    for pattern in (_LINE_DATE, _DATELINE, _LABEL):
        m = pattern.search(text)
        if m:
            y = _year(next(v for v in m.groups() if v))
            if 1990 <= y <= 2099:
                return y
    years = [int(m.group()) for m in _BARE_YEAR.finditer(text)] + [_year(m[1]) for m in _SHORT_YEAR.finditer(text)]
    years = [y for y in years if 1990 <= y <= 2099]
    return max(years) if years else None
