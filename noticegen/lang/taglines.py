"""Language-assistance taglines (Section 1557, 45 CFR 92.11): one sentence per language, in its own script.

The team's own translations of "ATTENTION: If you speak <language>, language assistance services, free of
charge, are available to you. Call <number> (TTY: <number>)." Each tagline has the language's name in that
language, its BCP 47 tag and its direction. Like the catalogs this issue adds, they are ``draft`` until a
qualified translator reviews them (REVIEW_STATUS; change it here, with the reviewer, when one has).

Ids are the locale ids of locales/ (en_US, es_US, zh_Hant, ...); ``tl`` is accepted for Tagalog (``fil``).
No per-state table yet: ``states`` in the facts gives the national list (NATIONAL_TOP_15) for every state.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TaglineText:
    id: str          # the locale id (locales/<id>): "vi", "zh_Hant"
    tag: str         # BCP 47: "vi", "zh-Hant"
    name: str        # the language's name in that language: "Tiếng Việt"
    english: str     # its English name: "Vietnamese"
    dir: str         # "ltr" or "rtl"
    text: str        # the sentence, with {phone} and {tty}
    review_status: str = "draft"

    def sentence(self, *, phone: str, tty: str) -> str:
        return self.text.format(phone=phone, tty=tty)


_NBSP = "\u00a0"

TAGLINES: dict[str, TaglineText] = {t.id: t for t in (
    TaglineText("en_US", "en-US", "English", "English", "ltr",
                "ATTENTION: If you speak English, language assistance services, free of charge, are available to "
                "you. Call {phone} (TTY: {tty})."),
    TaglineText("es_US", "es-US", "Español", "Spanish", "ltr",
                "ATENCIÓN: Si usted habla español, tiene a su disposición servicios gratuitos de ayuda con el "
                "idioma. Llame al {phone} (TTY: {tty})."),
    TaglineText("zh_Hant", "zh-Hant", "繁體中文", "Chinese (Traditional)", "ltr",
                "注意：如果您說中文，您可以免費獲得語言協助服務。請致電 {phone}（TTY：{tty}）。"),
    TaglineText("zh_Hans", "zh-Hans", "简体中文", "Chinese (Simplified)", "ltr",
                "注意：如果您说中文，您可以免费获得语言协助服务。请致电 {phone}（TTY：{tty}）。"),
    TaglineText("vi", "vi", "Tiếng Việt", "Vietnamese", "ltr",
                "CHÚ Ý: Nếu quý vị nói tiếng Việt, chúng tôi có dịch vụ hỗ trợ ngôn ngữ miễn phí dành cho quý vị. "
                "Xin gọi số {phone} (TTY: {tty})."),
    TaglineText("ko", "ko", "한국어", "Korean", "ltr",
                "주의: 한국어를 사용하시는 경우, 언어 지원 서비스를 무료로 이용하실 수 있습니다. "
                "다음 번호로 전화해 주십시오: {phone} (TTY: {tty})."),
    TaglineText("fil", "fil", "Tagalog", "Tagalog (Filipino)", "ltr",
                "PAALALA: Kung nagsasalita ka ng Tagalog, may libreng tulong sa wika na maaari mong magamit. "
                "Tumawag sa {phone} (TTY: {tty})."),
    TaglineText("ru", "ru", "Русский", "Russian", "ltr",
                "ВНИМАНИЕ: если вы говорите по-русски, вы можете бесплатно получить помощь переводчика. "
                "Звоните по номеру {phone} (TTY: {tty})."),
    TaglineText("ar", "ar", "العربية", "Arabic", "rtl",
                "تنبيه: إذا كنت تتحدث اللغة العربية، فإن خدمات المساعدة اللغوية متاحة لك مجانًا. "
                "اتصل بالرقم {phone} (الهاتف النصي للصم والبكم: {tty})."),
    TaglineText("ht", "ht", "Kreyòl ayisyen", "Haitian Creole", "ltr",
                "ATANSYON: Si ou pale Kreyòl ayisyen, gen sèvis èd nan lang ou ki disponib gratis pou ou. "
                "Rele {phone} (TTY: {tty})."),
    TaglineText("fr", "fr", "Français", "French", "ltr",
                f"ATTENTION{_NBSP}: si vous parlez français, des services d’aide linguistique vous sont proposés "
                f"gratuitement. Appelez le {{phone}} (ATS{_NBSP}: {{tty}})."),
    TaglineText("pl", "pl", "Polski", "Polish", "ltr",
                "UWAGA: Jeżeli mówisz po polsku, możesz skorzystać z bezpłatnej pomocy językowej. "
                "Zadzwoń pod numer {phone} (TTY: {tty})."),
    TaglineText("pt", "pt", "Português", "Portuguese", "ltr",
                "ATENÇÃO: Se você fala português, tem à sua disposição serviços gratuitos de assistência "
                "linguística. Ligue para {phone} (TTY: {tty})."),
    TaglineText("it", "it", "Italiano", "Italian", "ltr",
                "ATTENZIONE: Se parla italiano, può usufruire gratuitamente di servizi di assistenza linguistica. "
                "Chiami il numero {phone} (TTY: {tty})."),
    TaglineText("de", "de", "Deutsch", "German", "ltr",
                "ACHTUNG: Wenn Sie Deutsch sprechen, steht Ihnen kostenlose sprachliche Unterstützung zur "
                "Verfügung. Rufen Sie {phone} (TTY: {tty}) an."),
    TaglineText("ja", "ja", "日本語", "Japanese", "ltr",
                "ご注意：日本語をお話しになる方は、言語支援サービスを無料でご利用いただけます。"
                "{phone}（TTY：{tty}）までお電話ください。"),
    TaglineText("fa", "fa", "فارسی", "Persian (Farsi)", "rtl",
                "توجه: اگر به زبان فارسی صحبت می‌کنید، خدمات کمک زبانی به‌صورت رایگان در اختیار شما است. "
                "با شماره {phone} (TTY: {tty}) تماس بگیرید."),
)}

NATIONAL_TOP_15: tuple[str, ...] = (
    "es_US", "zh_Hant", "zh_Hans", "vi", "ko", "fil", "ru", "ar", "ht", "fr", "pl", "pt", "it", "de", "ja", "fa",
)
"""The 15 languages HHS used for its translated taglines (2016), most common first after English; Chinese
is given in both scripts (Traditional, common in US immigrant communities, then Simplified)."""

ALIASES = {"tl": "fil", "en": "en_US", "es": "es_US", "zh_TW": "zh_Hant", "zh_CN": "zh_Hans"}
"""Other ids people write for the same tagline."""

REVIEW_STATUS = "draft"
"""Every tagline above is the team's translation, not yet reviewed by a qualified translator."""


def tagline_id(value: str) -> str:
    """The tagline id for ``value`` (an id or an alias); ValueError naming the choices for an unknown one."""
    key = ALIASES.get(value, value)
    if key in TAGLINES:
        return key
    if value in ("zh", "zh_Hant_TW", "zh-Hant", "zh-Hans"):
        raise ValueError(f"{value!r}: write zh_Hant (Traditional Chinese) or zh_Hans (Simplified Chinese)")
    raise ValueError(f"{value!r} has no tagline; one of: {', '.join(TAGLINES)} (tl for fil)")


def default_languages() -> tuple[str, ...]:
    """English and the national top 15: what ``states`` gives until noticegen has a table per state."""
    return ("en_US",) + NATIONAL_TOP_15
