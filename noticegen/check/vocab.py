"""The checker's vocabularies per language: PHI types, steps, the entity's actions, and whose contact a number is.

Each is a compiled pattern over text folded by ``fold`` (lower case, accents removed, curly quotes straight),
so one pattern reads "What Happened?", "WHAT HAPPENED." and "¿Qué sucedió?" alike. Patterns are data:
add a wording here, never in a judge. English and Spanish; a notice in another language is read with the
English lists (dates, numbers and addresses still work).
"""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Lower case, accents removed, curly quotes and dashes made plain, spaces collapsed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.translate(_PLAIN)
    return re.sub(r"\s+", " ", text).strip().lower()


_PLAIN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
                        "\u00a0": " ", "\u2011": "-", "\u2010": "-"})


def _any(*words: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{w})" for w in words))


# ------------------------------------------------------------------ B: the types of PHI, by facts.PHI_TERMS term

PHI_TYPES: dict[str, re.Pattern] = {term: _any(*words) for term, words in {
    "name": (r"\b(?:first and last |full |patient |member |your )?names?\b(?! of (?:the|our|a) (?:vendor|company|firm))",
             r"\bnombres?\b"),
    "address": (r"\b(?:mailing |home |street |postal )?address(?:es)?\b(?! (?:above|below|listed))",
                r"\bdirecci(?:on|ones)\b(?! de correo)", r"\bdomicilio\b"),
    "date_of_birth": (r"\bdates? of birth\b", r"\bdobs?\b", r"\bbirth ?dates?\b", r"\bfechas? de nacimiento\b"),
    "phone_number": (r"\b(?:tele)?phone numbers?\b", r"\bnumeros? de telefono\b"),
    "email_address": (r"\be-?mail address(?:es)?\b", r"\bcorreos? electronicos?\b"),
    "ssn": (r"\bsocial security (?:numbers?|nos?\.?)\b", r"\bssns?\b", r"\bnumeros? de seguro social\b",
            r"\bseguro social\b"),
    "drivers_license": (r"\bdriver'?s'? licen[cs]e", r"\bstate (?:id|identification)", r"\bpassports?\b",
                        r"\blicencias? de conducir\b", r"\bgovernment[- ]issued id"),
    "medical_record_number": (r"\bmedical record (?:numbers?|nos?\.?|#)", r"\bmrns?\b", r"\bpatient (?:id|identification|account) (?:numbers?|nos?)\b",
                              r"\bpatient ids?\b", r"\bnumeros? de (?:historia|expediente) (?:clinic[oa]|medic[oa])\b",
                              r"\bexpedientes? medicos?\b"),
    "health_plan_id": (r"\b(?:health )?(?:insurance|plan) (?:member |subscriber |policy |group |id |identification )*(?:numbers?|ids?|information)\b",
                       r"\bmember (?:id|identification)(?: numbers?)?\b", r"\bsubscriber (?:id|numbers?)\b",
                       r"\bmedicare (?:or medicaid )?(?:numbers?|ids?|beneficiary)", r"\bmedicaid (?:numbers?|ids?)\b",
                       r"\bhealth insurance\b", r"\binsurance information\b", r"\binsurance provider\b",
                       r"\bseguro medico\b", r"\bnumeros? de (?:miembro|afiliado|poliza)\b"),
    "account_number": (r"\baccount numbers?\b", r"\bnumeros? de cuenta\b"),
    "credit_card": (r"\b(?:credit|debit|payment) card(?: numbers?| information| data)?\b", r"\btarjetas? de (?:credito|debito)\b"),
    "bank_account": (r"\bbank(?:ing)? (?:account|information|routing)", r"\bfinancial account", r"\bfinancial information\b",
                     r"\bcuentas? bancarias?\b", r"\binformacion financiera\b"),
    "claims": (r"\bclaims?(?: information| data| numbers?)?\b", r"\bbilling (?:information|codes?|records?)\b",
               r"\bdates? of service\b", r"\bservice dates?\b", r"\bexplanations? of benefits\b(?= (?:were|was|contain))",
               r"\bbalance\b", r"\breclamaciones?\b", r"\bfechas? de servicio\b", r"\bfacturacion\b"),
    "diagnosis": (r"\bdiagnos[ie]s\b", r"\bdiagnostic\b", r"\bconditions?\b", r"\bdiagnosticos?\b", r"\bcondicion(?:es)? medicas?\b",
                  r"\bmedical history\b", r"\bdiagnosis codes?\b", r"\binformacion (?:clinica|medica)\b"),
    "lab_results": (r"\blab(?:oratory)? (?:test )?results?\b", r"\btest results?\b", r"\bresultados? de (?:laboratorio|pruebas?)\b"),
    "medications": (r"\bmedications?\b", r"\bprescriptions?(?: information)?\b", r"\bmedicamentos?\b", r"\brecetas?\b"),
    "procedure": (r"\bprocedures? (?:type|names?|codes?|information|performed)\b", r"\btype of procedure\b",
                  r"\bprocedimientos?\b", r"\bsurgery\b"),
    "treatment": (r"\btreatment(?: information| details| dates?| records?)?\b(?! (?:options|center|facility))",
                  r"\bprovider names?\b", r"\bphysician names?\b", r"\bdoctor'?s? names?\b", r"\bvisit (?:information|dates?)\b", r"\bappointment (?:dates?|information|types?|times?|details)\b", r"\bcitas?\b",
                  r"\bencounter", r"\btratamientos?\b", r"\bmedicos? tratantes?\b"),
    "images": (r"\b(?:medical |diagnostic )?images?\b", r"\bx-?rays?\b", r"\bradiolog", r"\bmri\b", r"\bct scans?\b",
               r"\bimagenes?\b", r"\bradiografias?\b"),
    "disability_code": (r"\bdisability codes?\b",),
}.items()}
"""Concrete PHI types (164.404(c)(1)(B)); the keys are facts.PHI_TERMS terms, so the facts sharpen the same list."""

VAGUE_PHI = _any(r"\blimited (?:patient |personal )?(?:information|data)\b", r"\bpersonal (?:and|or) (?:protected )?health information\b",
                 r"\b(?:some|certain) (?:patient |personal )?(?:information|data)\b", r"\breview is (?:still )?ongoing\b",
                 r"\bcontinu(?:es|ing) to (?:review|determine|investigate) (?:what|which|the) (?:information|data)",
                 r"\binformacion limitada\b")

INVOLVED = _any(r"\binvolv", r"\binclud", r"\bcontain", r"\bconsist", r"\bsuch as\b", r"\baffect", r"\baccess",
                r"\bexposed\b", r"\bcompromis", r"\bviewed\b", r"\bacquired\b", r"\bimpacted\b", r"\bat risk\b",
                r"\bmay have (?:been|had)\b", r"\bcopied\b", r"\b(?:was|were) (?:also )?present\b", r"\bheld\b", r"\bholding\b",
                r"\bfound (?:\w+ ){0,3}with\b", r"\bcould (?:have )?(?:been )?(?:seen|viewed)\b", r"\bstolen\b", r"\btaken\b", r"\bdisclosed\b",
                r"\bon (?:the|these|those) (?:files|documents|records|device|laptop|statements|letters)",
                r"\binclu", r"\binvolucr", r"\bcould (?:be|have been) (?:seen|read|viewed)\b", r"\bvisible\b", r"\bshow(?:ed|ing|n|s)?\b",
                r"\bdisplay", r"\blisted\b", r"\bprinted\b", r"\bconsultad", r"\bvist[ao]s?\b", r"\bafect", r"\bcontenia", r"\bexpuest", r"\bcomo\b")

NEGATED = re.compile(r"(?:\b(?:not|no|neither|nor|never|excluding|ni)\b(?! (?:longer|one|reason)\b)|\b(?:without|sin)\b"
                     r"(?! (?:authori[sz]ation|autorizacion|permission|permiso|consent|consentimiento|a valid)))(?:[^.;]{0,200})$")
"""A PHI word with one of these earlier in its clause is denied ("did not include Social Security numbers")."""

# ------------------------------------------------------------------ C: steps individuals can take

STEPS = _any(
    r"\breview(?:ing)? (?:your |the |all |any )?(?:\w+ ){0,3}(?:statements?|explanations? of benefits|eobs?|accounts?|records?|bills|claims|credit reports?|medical|billing|insurance|benefit)",
    r"\bmonitor(?:ing)? (?:your |the )?(?:\w+ ){0,3}(?:credit|accounts?|statements?|reports?|activity|explanations?)",
    r"\bfraud alerts?\b", r"\b(?:security|credit) freezes?\b", r"\bfreeze (?:your|on your)\b", r"\bplace a freeze\b",
    r"\b(?:enroll|sign up|register|activate|enrol)\w*,? (?:[\w,]+ ){0,7}(?:monitoring|protection|services?|membership|code|product|by)\b",
    r"\bchange (?:your |the )?(?:\w+ )?passwords?\b", r"\blook (?:over|at) (?:your |any |all )?(?:\w+ ){0,2}(?:statements?|accounts?|bills|reports?|explanations?)",
    r"\bcheck (?:your |any |all )?(?:\w+ ){0,2}(?:statements?|credit reports?|accounts?|explanations? of benefits)", r"^to (?:enroll|enrol|sign up|activate|register)\b", r"\b(?:update|reset) (?:your )?passwords?\b",
    r"\bcontact (?:your )?(?:health )?(?:insurer|insurance|health plan|bank|financial institution|credit card|provider|card issuer)",
    r"\breport (?:any )?(?:suspicious|suspected|unauthorized|fraudulent|unusual|unfamiliar)", r"\breport (?:it|them|fraud|identity theft)\b",
    r"\bobtain (?:a |your )?(?:free )?(?:copy of your )?credit reports?\b", r"(?<![a-z0-9])annualcreditreport(?![a-z0-9])", r"(?<![a-z0-9])identitytheft\.gov(?![a-z0-9])",
    r"\bpolice report\b", r"\bfile a (?:police )?report\b", r"\bidentity protection pin\b", r"\bip pin\b",
    r"\b(?:watch|look out|be alert|be on (?:the )?alert) for\b", r"\bbe (?:cautious|wary|careful)\b",
    r"\bremain vigilant\b(?=.{0,120}\b(?:review|monitor|statements?|reports?|accounts?|explanations?))",
    r"\bclose (?:any )?accounts?\b", r"\bdo not (?:respond|click|provide)\b", r"\bcredit monitoring (?:services? )?(?:we are|at no)",
    r"\brevis(?:e|ar|en) (?:su|sus|los|las|el)\b", r"\bobten(?:er|ga|gan) (?:un |su |una )?(?:copia (?:gratuita )?de su )?(?:informe|reporte) de credito",
    r"\bsolicit(?:ar|e|en) (?:un |una )?(?:congelamiento|alerta|bloqueo)", r"\bvigil(?:e|ar) (?:sus|su)\b", r"\balerta de fraude\b", r"\bcongelamiento\b",
    r"\binscrib(?:irse|ase|a)\b", r"\bcambi(?:e|ar) (?:su|sus) contrasen", r"\bcomuniquese con su (?:aseguradora|banco|plan)\b",
    r"\bexplicaciones? de beneficios\b", r"\breporte(?:s)? de credito\b", r"\bdenunci(?:e|ar)\b",
)
"""Concrete steps (164.404(c)(1)(C)). "Remain vigilant" counts only with what to watch."""

STEP_POINTER = _any(r"\b(?:steps|information|recommendations?) (?:are |is )?(?:located |listed |provided |described |included )?(?:below|attached|enclosed)\b",
                    r"\brefer to the (?:letter|enclosed|attached)\b", r"\bsee (?:the )?(?:steps|information|reference guide)\b",
                    r"\bsteps you can take\b", r"\bprotect (?:yourself|your information)\b", r"\bproteger(?:se)?\b",
                    r"\bremain vigilant\b", r"\bpasos\b")
"""Words that point to steps without giving one: alone, the element is incomplete."""

TO_READER = re.compile(
    r"^(?:please |to )?(?:review|monitor|place|contact|call|enroll|enrol|sign|activate|remain|change|report|obtain|request|"
    r"consider|be |watch|keep|visit|register|look|notify|close|freeze|file|do not|don't|you|your|if you|revise|vigile|llame|"
    r"inscribase|coloque|cambie|solicite|comuniquese|le recomendamos|recomendamos que|usted)|"
    r"\b(?:you (?:can|should|may|might|could|will want|are (?:encouraged|advised))|we (?:recommend|encourage|urge|suggest|advise)|"
    r"recommend(?:ed|s)? that (?:you|individuals|patients|members)|individuals (?:can|should)|patients (?:can|should)|"
    r"le (?:recomendamos|sugerimos)|puede usted|what (?:you|people|patients|individuals|members) (?:can|should) do|(?:good idea|important|advisable|recommended|wise|a good practice) to|"
    r"(?:can|may|should) (?:also )?(?:enroll|enrol|sign up|register|activate|call|request|obtain|place|review|monitor|contact)|"
    r"(?:encourag|remind|urg|advis|recommend|ask)\w* (?:all |any |that )?(?:you|members|patients|individuals|customers|people|those|"
    r"parents|families|guardians|recipients|employees|consumers|anyone|everyone)|(?:may|might|should|can) (?:also )?(?:wish|want) to|"
    r"may (?:also )?(?:place|order|obtain|request|review|contact|call|enroll|sign|consider)|"
    r"(?:those|people|persons) (?:affected|impacted|involved)|les? (?:recomendamos|sugerimos|pedimos)|"
    r"pueden? (?:usted(?:es)? )?(?:obtener|solicitar|revisar|llamar|inscribirse|colocar|pedir)|"
    r"(?:members|patients|individuals|customers|anyone|everyone|parents|consumers) (?:can|should|may|are (?:encouraged|advised|urged)))\b")
"""A sentence addressed to the reader: its verbs are steps, not the entity's actions."""

# ------------------------------------------------------------------ D: what the entity is doing

INVESTIGATE = _any(r"\binvestigat", r"\bforensic", r"\b(?:cyber ?|computer |information |it |data )?security (?:firm|experts?|specialists?|professionals?|company|consultants?|vendor)",
                   r"\b(?:hired|engaged|retained) (?:a |an |outside |third[- ]party |independent )", r"\bsearch(?:ed|ing)? (?:for|its|the|our)\b",
                   r"\bthird[- ]party (?:experts?|specialists?|firm|investigators?|vendor)", r"\blaw enforcement\b", r"\bfbi\b",
                   r"\bfederal bureau\b", r"\bcisa\b", r"\bpolice\b", r"\bsecret service\b", r"\b(?:conducted|began|launched|initiated|undertook) (?:a |an )?(?:thorough |comprehensive |careful |prompt |immediate )?(?:review|analysis|audit|inquiry|assessment)",
                   r"\breview(?:ed)? (?:of )?(?:the|our|its) (?:affected |impacted )?(?:email|files|systems?|accounts?|records|documents|data|logs)",
                   r"\banaly[sz]", r"\baudit", r"\bexamin", r"\binvestig", r"\bperitos?\b", r"\bautoridades\b", r"\bpolicia\b", r"\bexpertos?\b", r"\bforense",
                   r"\bdetermine (?:the|what|whether|which)\b", r"\breview(?:ed)? (?:the|this) (?:incident|matter|event|situation)\b",
                   r"\blook(?:ed|ing)? into\b", r"\bnature and (?:the )?(?:scope|extent)\b", r"\bscope of (?:the|this)\b",
                   r"\bworking (?:closely )?with (?:law enforcement|investigators|experts|specialists|the fbi)",
                   r"\bwith the (?:help|assistance|support) of (?:a |an |outside |third[- ]party |leading |independent )",
                   r"\boutside counsel\b", r"\bunderstand (?:what|how|the)\b")
MITIGATE = _any(r"\bsecured\b", r"\bsecure (?:the|our|its)\b", r"\b(?:changed|reset|rotated) (?:[\w']+ ){0,3}(?:passwords?|credentials|keys)", r"\btrac(?:e|ed|ing) (?:the|its)\b",
                r"\bpasswords? (?:were|was|have been) (?:changed|reset)", r"\bterminat", r"\bdisabl", r"\bisolat", r"\boffline\b",
                r"\bcontain(?:ed)? (?:the |this |that )?(?:incident|threat|attack|breach|activity|intrusion|situation|event|malware|ransomware|issue)",
                r"\bcontainment\b", r"\b(?:was|been) contained\b", r"\bblock(?:ed)?\b", r"\bshut (?:down|off)\b", r"\blocked\b", r"\brevok", r"\bremov(?:ed|al) (?:the |its |their )?(?:access|attacker|malware|threat|unauthorized)",
                r"\brecover(?:ed)?\b", r"\bretriev", r"\b(?:return|delet|destroy|destruct|purg)\w*\b", r"\bremote(?:ly)? wip",
                r"\b(?:offer|provid|mak|giv|arrang|extend)\w* (?:\w+ ){0,6}(?:credit monitoring|identity (?:theft )?(?:protection|monitoring|restoration)|monitoring services?|identity services?)",
                r"\b(?:complimentary|free|no[- ]cost) (?:\w+ ){0,3}(?:credit|identity|monitoring)",
                r"\b(?:identityworks|idx|kroll|myidcare|cyberscout|identityforce|id experts|epiq|aura|lifelock)\b",
                r"\bat no (?:charge|cost) to (?:you|them|patients|individuals)\b",
                r"\bremoved (?:the |its |all )?(?:information|data|files?|documents?|pages?|website|content|posting|records)",
                r"\btook (?:\w+ ){0,2}down\b", r"\bprevent (?:any )?further (?:unauthorized )?(?:access|activity|use|disclosure)",
                r"\b(?:took|taken|taking) (?:immediate |prompt |swift )?(?:steps|action|measures) to (?:secure|stop|contain|block|end|terminate|protect|limit)", r"\bobtained (?:\w+ ){0,2}assurances?\b", r"\bretriev", r"\b(?:reduce|limit|minimi[sz]e|mitigat)\w* (?:\w+ ){0,3}(?:harm|impact|risk|damage)",
                r"\bmitigat", r"\bremediat", r"\bsuspend", r"\bstopp?ed\b", r"\bended the\b", r"\beliminat", r"\bquarantin",
                r"\bdeactivat", r"\breimag", r"\bcut off\b", r"\bclosed (?:the|that)\b", r"\bnotified (?:the )?(?:credit bureaus|banks)",
                r"\bshredded (?:the|it|them|all|those|these)\b", r"\bdisconnect", r"\bdecommission", r"\beradicat", r"\bneutrali[sz]",
                r"\bexpell?ed\b", r"\beject", r"\bremov\w* (?:[\w']+ ){0,3}access\b", r"\battest",
                r"\brestored (?:our|its|the) (?:\w+ )?(?:systems?|network|operations|services|data|files)",
                r"\bno longer (?:employed|works|working|with (?:us|the|our))\b", r"\brecuper", r"\baseguramos\b", r"\b(?:was|were|been) shredded\b", r"\brestor\w* (?:\w+ ){0,3}(?:from|using) (?:clean |secure |our |its )?backups?", r"\bclear(?:ed)? (?:the |its )?(?:memory|device)", r"\bwip(?:e|ed) (?:the|its)\b",
                r"\bdespid", r"\bya no (?:trabaja|es emplead)", r"\btermin\w* (?:su|la) (?:relacion|empleo|contrato)",
                r"\bcontuvimos\b", r"\bdesconect", r"\bdetuv", r"\bbloque", r"\blimitar\b", r"\bmitig", r"\bofrec\w+ (?:\w+ ){0,8}(?:monitoreo|proteccion)", r"\bpuso fin\b", r"\bponer fin\b",
                r"\btermin\w+ (?:el |con el )?acceso",
                r"\bcambiamos\b", r"\brestablec", r"\bdevol", r"\belimin", r"\bdestru")
PREVENT = _any(r"\badditional (?:\w+ ){0,2}(?:safeguards?|security|measures|controls?|training|steps|protections?|precautions)",
               r"\benhanc", r"\bstrengthen", r"\bimprov\w* (?:\w+ ){0,2}(?:security|safeguards|controls|processes|protections)",
               r"\bmulti-?factor\b", r"\btwo-?(?:factor|step)\b", r"\bmfa\b", r"\b2fa\b",
               r"\b(?:encrypting|encryption (?:of|on|for|to|software|technology|tools?)|(?:implement|deploy|add|enabl|expand|install)\w* (?:\w+ ){0,2}encrypt|encrypt (?:all|every|each|our|its|the|laptops|devices|emails?|data)|(?:are|is) now encrypted)",
               r"\b(?:re)?train", r"\beducat", r"\bnew (?:\w+ )?(?:policies|procedures|safeguards|controls|technical|protocols?)",
               r"\b(?:updated|revised|changed) (?:its |our |the )?(?:\w+ )?(?:policies|procedures|practices|protocols)", r"\bimplement", r"\bupgrad",
               r"\breinforc", r"\bbolster", r"\bharden", r"\bendpoint detection\b", r"\bmonitoring tools?\b", r"\bfirewall",
               r"\bextra (?:protections?|safeguards?|security)", r"\bencrypted (?:devices|drives|laptops|media|discs?|disks?|storage|computers|email)",
               r"\bno longer (?:be )?(?:allow|permit|store|keep|use|send|save|ship|mail|print|left|taken|removed|carr)\w*",
               r"\b(?:has|have|are|is) (?:now )?(?:been )?encrypted\b",
               r"\binstall\w* (?:new |additional |updated |advanced )?(?:\w+ )?(?:software|tools?|systems?|technolog|security|monitoring)",
               r"\bdeploy\w* (?:new |additional |advanced |enhanced )", r"\bmigrat\w* (?:\w+ ){0,3}(?:to|onto)\b",
               r"\bchanges? to (?:our|its|the) (?:\w+ )?(?:processes|procedures|systems|practices|policies|environment|network|security)",
               r"\bimprovements? (?:to|in)\b", r"\bimprov\w* (?:\w+ ){0,3}(?:security|safeguards|controls|processes|protections|procedures|practices|systems)", r"\bpatch", r"\block(?:ed|ing)? (?:cabinets?|storage|containers?|bins?)",
               r"\bsecure (?:shredding|storage|disposal|destruction)", r"\bcounsel(?:ed|ing)? (?:the |all )?(?:employee|staff|workforce)",
               r"\b(?:regular|routine|periodic|increased|additional|ongoing) (?:audit|monitor|review|check)\w*",
               r"\bnow (?:requires?|uses?|encrypts?|limits?|restricts?|prohibits?)\b",
               r"\b(?:further|additional(?:ly)?|will|have|has|we) (?:\w+ )?(?:restrict|limit)\w* (?:\w+ )?access\b", r"\bremind\w* (?:all )?(?:of )?(?:our |its )?(?:staff|employees|workforce|team)",
               r"\bdisciplin", r"\bsanction", r"\bre-?educat", r"\bsecurity awareness\b", r"\bphishing (?:awareness|simulation|training|exercises)",
               r"\b(?:updat|revis|chang|strengthen|tighten)\w* (?:its |our |the )?(?:\w+ )?(?:policies|procedures|practices|protocols|controls)",
               r"\bincreas\w* (?:\w+ )?(?:security|monitoring|oversight|protections?|safeguards?|auditing)", r"\btighten", r"\bstronger\b",
               r"\bpassword (?:complexity|requirements|polic)", r"\bedr\b", r"\banti-?(?:virus|malware)", r"\b(?:email|spam) filter",
               r"\baccess controls?\b", r"\bnew (?:\w+ )?(?:measures|tools|technolog\w*|software|systems|processes)",
               r"\bto ensure (?:that )?(?:this|it|such|a similar|something similar)", r"\bno vuelva a\b", r"\breforz", r"\bcapacit",
               r"\badicionales\b", r"\bactualiz\w* (?:\w+ )?(?:politicas|procedimientos|sistemas)", r"\bautenticacion\b", r"\bput in place\b", r"\bput (?:\w+ ){0,3}in place\b",
               r"\bmedidas (?:adicionales|de seguridad)\b", r"\bcapacitacion\b", r"\b(?:multiples|dos) factores\b", r"\bcifrad", r"\bfortalec", r"\bmejor", r"\bimplement")
"""Concrete measures against further breaches (164.404(c)(1)(D), the third part)."""

PREVENT_INTENT = _any(r"\bprevent", r"\bin the future\b", r"\bfuture (?:incidents?|breaches|events?|occurrences?)",
                      r"\b(?:happening|happen|occurring|occur) again\b", r"\brecurr", r"\breoccur", r"\bprevenir\b", r"\bevitar\b",
                      r"\bde nuevo\b", r"\bnuevamente\b", r"\bvuelva a (?:ocurrir|suceder|pasar)\b")
"""Words of intent: they count when the sentence says what is done, not only that policies are under review."""

VAGUE_PREVENT = _any(r"\b(?:review|evaluat|assess|look(?:ing)? at|consider|examin)\w* (?:\w+ ){0,4}(?:polic|procedur|practic|safeguard|security|options)",
                     r"\bwhether\b", r"\bmight\b", r"\bcould\b", r"\bcontinu\w* to (?:evaluate|review|assess|monitor)")
"""Prevention at best vague ("reviewing our policies", "to see whether ... might lower the chance"): not enough."""

ENTITY_VOICE = re.compile(r"\b(?:we|our|us|we've|we're|nosotros|nuestr[oa]s?|hemos|estamos)\b|"
                          r"\b(?:has|have|had|was|were|is|are) (?:been )?(?:\w+ed|taken|begun|undertaken)\b|"
                          r"^(?:upon|after|once|since|following|immediately|in response|to (?:help|reduce|limit|prevent|further|protect))")

INCIDENT = _any(r"\bincident\b", r"\bbreach\b", r"\bunauthori[sz]ed\b", r"\bcyber", r"\bransomware\b", r"\bmalware\b", r"\bphishing\b",
                r"\battack", r"\bhack", r"\bstolen\b", r"\btheft\b", r"\bburglar", r"\bbroke into\b", r"\blost\b", r"\bmisdirect",
                r"\bmistakenly\b", r"\berror\b", r"\binadvertent", r"\bsuspicious\b", r"\bcompromis", r"\baccessed\b", r"\bdisclos",
                r"\bencrypted\b", r"\bexfiltrat", r"\bexposed\b", r"\breachable\b", r"\bpublicly (?:available|accessible|visible)",
                r"\bmisconfigur", r"\bpixel", r"\btracking (?:technolog|code|tool)", r"\bcould (?:easily )?be (?:reached|seen|accessed)", r"\bthreat actor\b", r"\bintrud", r"\bimproper", r"\bsnooping\b", r"\bemployee\b",
                r"\bincidente\b", r"\bno autorizad", r"\brobad", r"\bataque\b", r"\bacceso\b", r"\bperdid", r"\berror\b")

UNKNOWN_DATE = _any(r"\b(?:unable|not able) to determine (?:when|the date)", r"\bdates? (?:of the (?:breach|incident) )?(?:is|are|remains?) (?:unknown|not known)",
                    r"\bunknown date\b", r"\bfecha (?:es )?desconocida\b")
"""164.404(c)(1)(A) asks for the breach date "if known": a notice that says it is not known gives it."""

# ------------------------------------------------------------------ E: whose contact is it

THIRD_PARTY = _any(r"\bequifax\b", r"\bexperian\b", r"\btrans ?union\b", r"\binnovis\b", r"\bfederal trade commission\b", r"\bftc\b",
                   r"\boffice for civil rights\b", r"\bocr\b", r"\bhhs\b", r"\bdepartment of health and human services\b",
                   r"\battorney general\b", r"\bsocial security administration\b", r"\birs\b", r"\binternal revenue\b",
                   r"\bpolice\b", r"\bchexsystems\b", r"\bconsumer (?:financial|reporting)", r"\bcredit (?:reporting )?(?:bureaus?|agenc)",
                   r"\bannual credit report\b", r"(?<![a-z0-9])annualcreditreport(?![a-z0-9])", r"(?<![a-z0-9])identitytheft\.gov(?![a-z0-9])", r"\bdepartment of justice\b",
                   r"\bconsumer protection\b", r"\boffice of privacy protection\b",
                   r"\bdepartment of (?:consumer affairs|justice|health services|insurance)\b", r"\bprocurador", r"\bcomision federal de comercio\b")
THIRD_PARTY_NUMBERS = frozenset({
    "8003681019", "8005377697",                          # HHS Office for Civil Rights, and its TDD
    "8774384338", "8773824357", "8666534261",            # FTC: identity theft, help line, TTY
    "8006851111", "8882980045", "8005256285", "8887660008", "8663495191", "8003499960", "8664780027",  # Equifax
    "8883973742", "8883974742",                          # Experian
    "8889098872", "8006807289", "8009168800", "8888884213", "8003938887",  # TransUnion
    "8773228228",                                        # annualcreditreport.com
    "8007721213", "8009084490", "8005402505", "8884784010",  # SSA, IRS identity protection, Innovis, ChexSystems
})
THIRD_PARTY_DOMAINS = re.compile(r"(?:^|\.|/)(?:equifax|experian|transunion|innovis|ftc|identitytheft|consumer|annualcreditreport|hhs|irs|ssa|"
                                 r"consumerfinance|usa|chexsystems|oag|ag|doj|attorneygeneral|marylandattorneygeneral|ncdoj|riag|"
                                 r"consumer\.ftc)\.(?:com|gov|org|\w+\.gov|us)\b|\.gov\b|\bstate\.\w\w\.us\b")
CONTACT_CUE = _any(r"\bcall\b", r"\bcontact\b", r"\bquestions?\b", r"\bcall (?:center|centre)\b", r"\bhotline\b", r"\bhelp ?line\b",
                   r"\btoll[- ]free\b", r"\breach us\b", r"\bwrite (?:to )?us\b", r"\bemail us\b", r"\bvisit\b", r"\bmore information\b",
                   r"\bllame\b", r"\bpreguntas\b", r"\bcomuniquese\b", r"\bllamar\b", r"\bescriba\b")
