"""The date-role finder: every date form in English and Spanish, its role (breach, discovery, other), and the traps."""

from __future__ import annotations

import datetime
import time
import timeit

import pytest

from noticegen.check.dates import DateMention, find_dates, notice_year

D = datetime.date


def found(sentence: str, year: int | None = None, language: str = "en") -> list[tuple]:
    return [(m.start, m.end, m.precision, m.role) for m in find_dates(sentence, year=year, language=language)]


ENGLISH = [
    # the examples of the brief: the nearest governing verb of the clause decides
    ("On January 29, 2023, we discovered that an unauthorized party had accessed our network between January 20 and "
     "January 27, 2023.", None,
     [(D(2023, 1, 29), D(2023, 1, 29), "day", "discovery"), (D(2023, 1, 20), D(2023, 1, 27), "day", "breach")]),
    ("We learned on March 3 that files were copied on February 28.", 2023,
     [(D(2023, 3, 3), D(2023, 3, 3), "day", "discovery"), (D(2023, 2, 28), D(2023, 2, 28), "day", "breach")]),
    ("On May 31st, an employee's laptop was stolen from her car.", 2023, [(D(2023, 5, 31), D(2023, 5, 31), "day", "breach")]),
    ("The investigation concluded on April 2, 2024 that files containing PHI were involved.", None,
     [(D(2024, 4, 2), D(2024, 4, 2), "day", "other")]),
    ("Letters were mailed on June 1.", 2024, [(D(2024, 6, 1), D(2024, 6, 1), "day", "other")]),
    # forms
    ("Jan. 29, 2023 is when we detected the intrusion.", None, [(D(2023, 1, 29), D(2023, 1, 29), "day", "discovery")]),
    ("We first recognized the issue on 29 January 2023.", None, [(D(2023, 1, 29), D(2023, 1, 29), "day", "discovery")]),
    ("On Sept 19 an intruder gained access to the server.", 2023, [(D(2023, 9, 19), D(2023, 9, 19), "day", "breach")]),
    ("On or about October 13, 2023, files were copied from the server.", None,
     [(D(2023, 10, 13), D(2023, 10, 13), "day", "breach")]),
    ("Emails were misdirected on May 31st and June 2nd.", 2022,
     [(D(2022, 5, 31), D(2022, 5, 31), "day", "breach"), (D(2022, 6, 2), D(2022, 6, 2), "day", "breach")]),
    ("Emails were misdirected on May 31st and June 2nd, 2021.", 2022,
     [(D(2021, 5, 31), D(2021, 5, 31), "day", "breach"), (D(2021, 6, 2), D(2021, 6, 2), "day", "breach")]),
    ("Emails were misdirected on May 31st, and June 2nd, 2021.", 2022,
     [(D(2021, 5, 31), D(2021, 5, 31), "day", "breach"), (D(2021, 6, 2), D(2021, 6, 2), "day", "breach")]),
    ("An unauthorized actor accessed email between Sept. 19 and Oct. 12, 2023.", None,
     [(D(2023, 9, 19), D(2023, 10, 12), "day", "breach")]),
    ("Activity took place between September 19, 2023 and October 12, 2023.", None,
     [(D(2023, 9, 19), D(2023, 10, 12), "day", "breach")]),
    ("Access occurred from March 3, 2023, through March 9, 2023.", None, [(D(2023, 3, 3), D(2023, 3, 9), "day", "breach")]),
    ("Acme discovered on 9/19/2023 that the server was accessed from 9/1/2023 to 9/5/2023.", None,
     [(D(2023, 9, 19), D(2023, 9, 19), "day", "discovery"), (D(2023, 9, 1), D(2023, 9, 5), "day", "breach")]),
    ("Files were viewed between March 2023 and July 2023.", None, [(D(2023, 3, 1), D(2023, 7, 31), "month", "breach")]),
    ("The incident occurred on Oct. 9-10, 2018.", None, [(D(2018, 10, 9), D(2018, 10, 10), "day", "breach")]),
    ("November 11 - 26 the attacker had access to the system.", 2019, [(D(2019, 11, 11), D(2019, 11, 26), "day", "breach")]),
    ("From March 3 through March 9 someone logged into the portal.", 2020,
     [(D(2020, 3, 3), D(2020, 3, 9), "day", "breach")]),
    ("Beginning on or around December 28 through January 3, 2024, an actor accessed the server.", None,
     [(D(2023, 12, 28), D(2024, 1, 3), "day", "breach")]),
    ("The emails were sent in March and July 2018.", None, [(D(2018, 3, 1), D(2018, 7, 31), "month", "breach")]),
    ("On 9/21/17 we were notified by the FBI of suspicious activity.", None,
     [(D(2017, 9, 21), D(2017, 9, 21), "day", "discovery")]),
    ("On 09/21/2017 the files were encrypted by ransomware.", None, [(D(2017, 9, 21), D(2017, 9, 21), "day", "breach")]),
    ("The intrusion was detected on 2023-01-29.", None, [(D(2023, 1, 29), D(2023, 1, 29), "day", "discovery")]),
    ("In March 2023, we became aware of the incident.", None, [(D(2023, 3, 1), D(2023, 3, 31), "month", "discovery")]),
    ("We discovered the incident (January 5, 2024) and acted at once.", None,
     [(D(2024, 1, 5), D(2024, 1, 5), "day", "discovery")]),
    ("In 2023, the attack happened.", None, [(D(2023, 1, 1), D(2023, 12, 31), "year", "breach")]),
    ("Tuesday, January 29, 2023", None, [(D(2023, 1, 29), D(2023, 1, 29), "day", "other")]),
    # vague and relative timing
    ("We recently learned of the incident.", 2023, [(None, None, "vague", "discovery")]),
    ("Earlier this year, an unauthorized person accessed the server.", 2023, [(None, None, "vague", "breach")]),
    ("In or before July, the files were copied.", 2023, [(D(2023, 7, 1), D(2023, 7, 31), "month", "breach")]),
    ("Prior to September 1, the files were posted online.", 2023, [(D(2023, 9, 1), D(2023, 9, 1), "day", "breach")]),
    ("On May 3, 2023 the laptop was stolen, and the theft was reported to us that same day.", None,
     [(D(2023, 5, 3), D(2023, 5, 3), "day", "breach"), (D(2023, 5, 3), D(2023, 5, 3), "day", "discovery")]),
    ("The server was encrypted on June 4, 2023 and we detected it the following day.", None,
     [(D(2023, 6, 4), D(2023, 6, 4), "day", "breach"), (D(2023, 6, 5), D(2023, 6, 5), "day", "discovery")]),
    ("We were notified by the vendor that same day.", None, [(None, None, "vague", "discovery")]),
    ("We learned on March 3 that files were copied.", None, [(None, None, "vague", "discovery")]),  # no year at all
    # discovery verbs and phrases
    ("After learning of the incident on March 3, 2023, we secured the account.", None,
     [(D(2023, 3, 3), D(2023, 3, 3), "day", "discovery")]),
    ("Upon discovery, on March 3, 2023, we secured the account.", None, [(D(2023, 3, 3), D(2023, 3, 3), "day", "discovery")]),
    ("On March 15, 2023, Acme received a report from a patient that her records had been viewed.", None,
     [(D(2023, 3, 15), D(2023, 3, 15), "day", "discovery")]),
    ("On December 15, 2023, we were alerted by law enforcement that our data may have been posted online.", None,
     [(D(2023, 12, 15), D(2023, 12, 15), "day", "discovery")]),
    ("On April 18, 2022, Vendor notified Acme that it had been the victim of a ransomware attack.", None,
     [(D(2022, 4, 18), D(2022, 4, 18), "day", "discovery")]),
    ("We discovered suspicious activity on our network on May 3, 2023, and immediately launched an investigation.", None,
     [(D(2023, 5, 3), D(2023, 5, 3), "day", "discovery")]),
    ("XYZ was notified by its vendor, ABC, on March 5, 2023 that ABC had experienced a ransomware attack that encrypted "
     "files between Feb 20 and Feb 25.", None,
     [(D(2023, 3, 5), D(2023, 3, 5), "day", "discovery"), (D(2023, 2, 20), D(2023, 2, 25), "day", "breach")]),
    ("This incident occurred on May 3, 2023 and was discovered on May 10, 2023.", None,
     [(D(2023, 5, 3), D(2023, 5, 3), "day", "breach"), (D(2023, 5, 10), D(2023, 5, 10), "day", "discovery")]),
    ("On May 10, 2023, we discovered that on May 3 an employee mistakenly emailed a spreadsheet to an outside party.", None,
     [(D(2023, 5, 10), D(2023, 5, 10), "day", "discovery"), (D(2023, 5, 3), D(2023, 5, 3), "day", "breach")]),
    ("A letter containing your information was mailed to an incorrect address on February 2, 2024.", None,
     [(D(2024, 2, 2), D(2024, 2, 2), "day", "breach")]),
    ("Patient information was posted on a public website on May 3, 2023.", None,
     [(D(2023, 5, 3), D(2023, 5, 3), "day", "breach")]),
    # traps: determination, review completion, mailing, enrolment deadline, policy and notice dates are "other"
    ("On June 5, 2023, we determined that the files contained PHI.", None, [(D(2023, 6, 5), D(2023, 6, 5), "day", "other")]),
    ("On January 3, 2024, we completed our review and confirmed that PHI was involved.", None,
     [(D(2024, 1, 3), D(2024, 1, 3), "day", "other")]),
    ("The investigation, completed on April 2, 2024, found that the actor accessed files between March 1 and March 5, 2024.",
     None, [(D(2024, 4, 2), D(2024, 4, 2), "day", "other"), (D(2024, 3, 1), D(2024, 3, 5), "day", "breach")]),
    ("Notification letters will be mailed on or about June 1, 2024.", None, [(D(2024, 6, 1), D(2024, 6, 1), "day", "other")]),
    ("Affected individuals were notified on June 1, 2024.", None, [(D(2024, 6, 1), D(2024, 6, 1), "day", "other")]),
    ("We notified the FBI on March 6, 2023.", None, [(D(2023, 3, 6), D(2023, 3, 6), "day", "other")]),
    ("You must enroll by March 31, 2025 to receive the services.", None, [(D(2025, 3, 31), D(2025, 3, 31), "day", "other")]),
    ("The offer expires on 12/31/2024.", None, [(D(2024, 12, 31), D(2024, 12, 31), "day", "other")]),
    ("If you have not received a letter by June 30, 2024, please call us.", None,
     [(D(2024, 6, 30), D(2024, 6, 30), "day", "other")]),
    ("Our policy was updated on May 1, 2024.", None, [(D(2024, 5, 1), D(2024, 5, 1), "day", "other")]),
    ("This notice was posted on May 3, 2024.", None, [(D(2024, 5, 3), D(2024, 5, 3), "day", "other")]),
    ("As of March 5, 2024, the call center is open.", None, [(D(2024, 3, 5), D(2024, 3, 5), "day", "other")]),
    # shapes seen in published notices (paraphrased)
    ("What Happened? On January 29, 2023, we became aware of suspicious activity in one email account.", None,
     [(D(2023, 1, 29), D(2023, 1, 29), "day", "discovery")]),
    ("NASHVILLE, Tenn., March 5, 2024 /PRNewswire/ -- Acme Health announced that it discovered unauthorized access on "
     "February 2, 2024.", None,
     # "discovered unauthorized access": the access is the verb's object, so the date is the discovery's
     [(D(2024, 3, 5), D(2024, 3, 5), "day", "other"), (D(2024, 2, 2), D(2024, 2, 2), "day", "discovery")]),
    ("Larchmont, Oregon (Thursday, March 13, 2014) - Pacific Billing first learned on January 27, 2014 of the access.",
     None, [(D(2014, 3, 13), D(2014, 3, 13), "day", "other"), (D(2014, 1, 27), D(2014, 1, 27), "day", "discovery")]),
    ("Cedar Clinic discovered the theft that same morning, October 3, 2022, and called the police.", None,
     [(None, None, "vague", "discovery"), (D(2022, 10, 3), D(2022, 10, 3), "day", "discovery")]),
    ("The investigation found that on October 9, 2023, the intruder took files containing personal information.",
     None, [(D(2023, 10, 9), D(2023, 10, 9), "day", "breach")]),
    ("September 12, 2019: an unauthorized person got into two employee email accounts.", None,
     [(D(2019, 9, 12), D(2019, 9, 12), "day", "breach")]),
    ("On July 12, 2021, a routine scan of our systems turned up signs of harmful software.", None,
     [(D(2021, 7, 12), D(2021, 7, 12), "day", "discovery")]),
    ("Harbor Clinic announced that it suffered an attempt to disable its computer systems on October 11, 2021.", None,
     [(D(2021, 10, 11), D(2021, 10, 11), "day", "breach")]),
    ("On May 21, 2022 the investigation revealed that some of the files accessed held patient information.", None,
     [(D(2022, 5, 21), D(2022, 5, 21), "day", "other")]),
    ("Notifications were being sent on August 14, 2023.", None, [(D(2023, 8, 14), D(2023, 8, 14), "day", "other")]),
    ("On the night of February 3, 2024, the office was broken into and a computer was taken.", None,
     [(D(2024, 2, 3), D(2024, 2, 3), "day", "breach")]),
    ("Our vendor informed us on April 9, 2024 that it had been the victim of a cyberattack on April 1, 2024.", None,
     [(D(2024, 4, 9), D(2024, 4, 9), "day", "discovery"), (D(2024, 4, 1), D(2024, 4, 1), "day", "breach")]),
    ("Acme recently discovered that, on January 5, 2023, an unauthorized party accessed an email account.", None,
     [(None, None, "vague", "discovery"), (D(2023, 1, 5), D(2023, 1, 5), "day", "breach")]),
    ("Acme took its systems offline on May 5, 2023 to contain the attack.", None,
     [(D(2023, 5, 5), D(2023, 5, 5), "day", "other")]),
    ("Upon learning of this issue on July 10, 2023, we immediately disabled the account.", None,
     [(D(2023, 7, 10), D(2023, 7, 10), "day", "discovery")]),
    ("A laptop was stolen from an employee's vehicle overnight on May 5-6, 2023.", None,
     [(None, None, "vague", "breach"), (D(2023, 5, 5), D(2023, 5, 6), "day", "breach")]),
    ("January 5, 2024 – Acme detected suspicious activity on its network.", None,  # a bulleted timeline, not a dateline
     [(D(2024, 1, 5), D(2024, 1, 5), "day", "discovery")]),
    ("Date of breach: March 3, 2023", None, [(D(2023, 3, 3), D(2023, 3, 3), "day", "breach")]),
    ("Date of discovery: March 10, 2023", None, [(D(2023, 3, 10), D(2023, 3, 10), "day", "discovery")]),
    ("The files held dates of service from January 1, 2019 to December 31, 2020.", None,
     [(D(2019, 1, 1), D(2020, 12, 31), "day", "other")]),
    ("Patients who were treated at our clinic between January 1, 2019 and December 31, 2020 may be affected.", None,
     [(D(2019, 1, 1), D(2020, 12, 31), "day", "other")]),
    ("We became aware of this breach on March 10, 2023 which occurred on or about March 2, 2023.", None,
     [(D(2023, 3, 10), D(2023, 3, 10), "day", "discovery"), (D(2023, 3, 2), D(2023, 3, 2), "day", "breach")]),
    ("SPRINGFIELD, Ill., Sept. 6, 2019 /PRNewswire/ — On July 3, 2019, Acme carried out a mailing of notification letters.",
     None, [(D(2019, 9, 6), D(2019, 9, 6), "day", "other"), (D(2019, 7, 3), D(2019, 7, 3), "day", "other")]),
    ("The notification letters mailed on July 3, 2019, did not include any treatment information.", None,
     [(D(2019, 7, 3), D(2019, 7, 3), "day", "other")]),
    ("On July 19 the hospital announced that backup files sent to a contractor had been lost.", 2011,
     [(D(2011, 7, 19), D(2011, 7, 19), "day", "other")]),
    ("In mid-December 2023, Acme discovered that files may have been removed between November 28 and December 3, 2023.",
     None, [(D(2023, 12, 1), D(2023, 12, 31), "month", "discovery"), (D(2023, 11, 28), D(2023, 12, 3), "day", "breach")]),
    ("On 10/2/2023, an unknown person used an employee's credentials to log in to the email system.", None,
     [(D(2023, 10, 2), D(2023, 10, 2), "day", "breach")]),
    ("Acme reported the incident to the FBI on April 5, 2023.", None, [(D(2023, 4, 5), D(2023, 4, 5), "day", "other")]),
    ("We will begin mailing letters the week of May 6, 2024.", None, [(D(2024, 5, 6), D(2024, 5, 6), "day", "other")]),
    # traps: no date at all
    ("Call 1-800-368-1019 between 9 a.m. and 5 p.m., Monday through Friday.", 2023, []),
    ("You may call us at (855) 555-2023 or write to Suite 2010, Nashville, TN 37201.", 2023, []),
    ("The incident affected 2,345 patients at 2,023 locations.", 2023, []),
    ("Over 2023 patients' records were affected.", 2023, []),
    ("You may 3 times ask for a copy; we will march on.", 2023, []),
    ("The fee is $2023 and the claim number is 1985.", 2023, []),
    ("The breach occurred on February 30, 2023.", None, []),
    ("Your rights under the Health Insurance Portability and Accountability Act of 1996 are unchanged.", 2023, []),
    ("You may wish to review the statements you receive from your health plan.", 2023, []),
    ("We take the privacy of your information very seriously.", 2023, []),
]

SPANISH = [
    ("El 3 de marzo de 2025, descubrimos que un tercero había accedido a nuestra red entre el 19 y el 26 de febrero de 2025.",
     None, [(D(2025, 3, 3), D(2025, 3, 3), "day", "discovery"), (D(2025, 2, 19), D(2025, 2, 26), "day", "breach")]),
    ("Entre el 19 de septiembre y el 12 de octubre de 2023, un tercero accedió al sistema.", None,
     [(D(2023, 9, 19), D(2023, 10, 12), "day", "breach")]),
    ("Del 3 al 9 de marzo de 2025 ocurrió el acceso.", None, [(D(2025, 3, 3), D(2025, 3, 9), "day", "breach")]),
    ("En marzo de 2023, nos enteramos del incidente.", None, [(D(2023, 3, 1), D(2023, 3, 31), "month", "discovery")]),
    ("El incidente tuvo lugar el 5 de mayo y lo detectamos el 9 de mayo.", 2024,
     [(D(2024, 5, 5), D(2024, 5, 5), "day", "breach"), (D(2024, 5, 9), D(2024, 5, 9), "day", "discovery")]),
    ("El 12 de enero de 2024 fuimos notificados por el proveedor.", None,
     [(D(2024, 1, 12), D(2024, 1, 12), "day", "discovery")]),
    ("El 12 de enero de 2024, la empresa tuvo conocimiento del incidente.", None,
     [(D(2024, 1, 12), D(2024, 1, 12), "day", "discovery")]),
    ("El 2 de febrero de 2024 recibió un aviso de la policía.", None, [(D(2024, 2, 2), D(2024, 2, 2), "day", "discovery")]),
    ("El portátil fue robado el 3 de marzo y lo descubrimos al día siguiente.", 2024,
     [(D(2024, 3, 3), D(2024, 3, 3), "day", "breach"), (D(2024, 3, 4), D(2024, 3, 4), "day", "discovery")]),
    ("Recientemente, fuimos notificados por un proveedor.", 2024, [(None, None, "vague", "discovery")]),
    ("A principios de este año ocurrió un incidente.", 2024, [(None, None, "vague", "breach")]),
    ("El 21/9/2023 el servidor fue cifrado.", None, [(D(2023, 9, 21), D(2023, 9, 21), "day", "breach")]),
    ("En 2023 ocurrió el ataque.", None, [(D(2023, 1, 1), D(2023, 12, 31), "year", "breach")]),
    ("¿Qué sucedió? El 29 de enero de 2023, nos enteramos de actividad sospechosa en una cuenta de correo.", None,
     [(D(2023, 1, 29), D(2023, 1, 29), "day", "discovery")]),
    ("Acme se enteró el 10 de abril de 2024 de que un proveedor sufrió un ataque el 1 de abril de 2024.", None,
     [(D(2024, 4, 10), D(2024, 4, 10), "day", "discovery"), (D(2024, 4, 1), D(2024, 4, 1), "day", "breach")]),
    ("Un portátil fue robado el 5 de mayo y la policía nos notificó ese mismo día.", 2023,
     [(D(2023, 5, 5), D(2023, 5, 5), "day", "breach"), (D(2023, 5, 5), D(2023, 5, 5), "day", "discovery")]),
    ("Entre marzo y julio de 2018 se enviaron correos por error.", None, [(D(2018, 3, 1), D(2018, 7, 31), "month", "breach")]),
    ("El 1.º de junio de 2023 ocurrió el incidente.", None, [(D(2023, 6, 1), D(2023, 6, 1), "day", "breach")]),
    ("Del 19 de septiembre al 12 de octubre de 2023 un tercero accedió al sistema.", None,
     [(D(2023, 9, 19), D(2023, 10, 12), "day", "breach")]),
    ("Fecha del descubrimiento: 10 de marzo de 2023", None, [(D(2023, 3, 10), D(2023, 3, 10), "day", "discovery")]),
    # traps
    ("La investigación concluyó el 2 de abril de 2024.", None, [(D(2024, 4, 2), D(2024, 4, 2), "day", "other")]),
    ("Comenzamos a enviar cartas a las personas afectadas el 20 de octubre de 2023.", None,
     [(D(2023, 10, 20), D(2023, 10, 20), "day", "other")]),
    ("Tiene hasta el 31 de marzo de 2025 para inscribirse.", None, [(D(2025, 3, 31), D(2025, 3, 31), "day", "other")]),
    ("Publicado el 3 de mayo de 2024.", None, [(D(2024, 5, 3), D(2024, 5, 3), "day", "other")]),
    ("El 5 de abril de 2024 determinamos que la información incluía datos de salud.", None,
     [(D(2024, 4, 5), D(2024, 4, 5), "day", "other")]),
    ("Las cartas fueron enviadas el 1 de junio.", 2024, [(D(2024, 6, 1), D(2024, 6, 1), "day", "other")]),
    ("Inscríbase antes del 31 de marzo de 2025.", None, [(D(2025, 3, 31), D(2025, 3, 31), "day", "other")]),
    ("Llame al 1-800-555-2023 de lunes a viernes, de 9 a.m. a 5 p.m.", 2024, []),
    ("El incidente afectó a 2.345 pacientes.", 2024, []),
]


@pytest.mark.parametrize("sentence, year, expected", ENGLISH, ids=[c[0][:50] for c in ENGLISH])
def test_english_dates_and_roles(sentence, year, expected):
    assert found(sentence, year) == expected


@pytest.mark.parametrize("sentence, year, expected", SPANISH, ids=[c[0][:50] for c in SPANISH])
def test_spanish_dates_and_roles(sentence, year, expected):
    assert found(sentence, year, "es") == expected


@pytest.mark.parametrize("sentence, texts", [
    ("Acme learned on or about October 13, 2023 of the event.", ["on or about October 13, 2023"]),
    ("Mail was accessed between Sept. 19 and Oct. 12, 2023.", ["between Sept. 19 and Oct. 12, 2023"]),
    ("In or before July, files were copied.", ["In or before July"]),
    ("The emails were sent in March and July 2018.", ["March and July 2018"]),
    ("We discovered it (January 5, 2024).", ["January 5, 2024"]),
    ("Letters were mailed on June 1.", ["June 1"]),  # no trailing period
])
def test_text_is_the_words_as_written_and_span_points_at_them(sentence, texts):
    mentions = find_dates(sentence, year=2024)
    assert [m.text for m in mentions] == texts
    assert all(sentence[m.span[0]:m.span[1]] == m.text for m in mentions)


def test_spanish_text_keeps_the_article_and_range_words():
    (m,) = find_dates("Entre el 19 de septiembre y el 12 de octubre de 2023, un tercero accedió.", language="es")
    assert m.text == "Entre el 19 de septiembre y el 12 de octubre de 2023"


def test_a_mention_is_a_frozen_value():
    (m,) = find_dates("We discovered the incident on March 3, 2023.")
    assert m == DateMention("March 3, 2023", D(2023, 3, 3), D(2023, 3, 3), "day", "discovery", (30, 43))
    with pytest.raises(AttributeError):
        m.role = "breach"  # type: ignore[misc]


def test_a_written_year_in_the_sentence_beats_the_notice_year():
    # a notice dated in 2024 about a breach late in 2023
    mentions = find_dates("On December 15, 2023, we learned that the server was accessed on December 2.", year=2024)
    assert [(m.start, m.role) for m in mentions] == [(D(2023, 12, 15), "discovery"), (D(2023, 12, 2), "breach")]


@pytest.mark.parametrize("text, year", [
    ("March 5, 2024\n\nDear <<FirstName>>,\nOn May 3, 2023 we learned ...", 2024),
    ("NASHVILLE, Tenn., March 5, 2024 /PRNewswire/ -- Acme Health announced that on May 3, 2023 ...", 2024),
    ("Springfield, IL, Jan. 9, 2023 — Acme Clinic is notifying patients of an incident from 2022.", 2023),
    ("Notice of Data Incident\nPosted on: 04/02/2024\nOn May 3, 2023 ...", 2024),
    ("Notice of Data Incident\nDate: 2 de abril de 2024\n...", 2024),
    ("5 de abril de 2025\n\nEstimado paciente: el 3 de marzo de 2025 ...", 2025),
    ("On May 3, 2023 we learned of it, and in 2024 we ... call 800-555-2099.", 2024),
    ("In 2021 and again on 3/4/22 ...", 2022),
    ("No dates here: Suite 1200, Nashville, TN 37201.", None),
    ("", None),
])
def test_notice_year(text, year):
    assert notice_year(text) == year


def test_a_sentence_takes_well_under_a_millisecond():
    sentences = [c[0] for c in ENGLISH] + [c[0] for c in SPANISH]
    best = min(timeit.repeat(lambda: [find_dates(s, year=2024) for s in sentences], number=5, repeat=5, timer=time.process_time))
    assert best / 5 / len(sentences) < 0.001
