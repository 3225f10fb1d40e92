"""The words of the citizens' pages and messages, in Albanian (the default) and English. A page a citizen
reads in a browser is not a Qt screen, so its words live here, beside the pages (as the receipt's live
beside the receipt)."""

from __future__ import annotations

LANGS = ("sq", "en")

STATUS: dict[str, dict[str, str]] = {
    "sq": {
        "received": "Pranuar", "forwarded": "Përcjellë", "in_progress": "Në proces",
        "ready": "Gati për t'u tërhequr", "delivered": "Dorëzuar", "returned": "Kthyer për plotësim",
        "rejected": "Refuzuar", "cancelled": "Anuluar",
    },
    "en": {
        "received": "Received", "forwarded": "Forwarded", "in_progress": "In progress",
        "ready": "Ready for collection", "delivered": "Delivered", "returned": "Returned for completion",
        "rejected": "Rejected", "cancelled": "Cancelled",
    },
}  # fmt: skip

T: dict[str, dict[str, str]] = {
    "sq": {
        "lang_name": "Shqip",
        "other_lang": "English",
        "site": "Zyra me Një Ndalesë",
        "status_title": "Ecuria e kërkesës",
        "status_intro": "Shkruani numrin e dëshmisë dhe kodin e shkurtër të shtypur në dëshmi. "
                        "Numri personal nuk nevojitet.",
        "receipt_no": "Numri i dëshmisë",
        "code": "Kodi i verifikimit",
        "look_up": "Shiko ecurinë",
        "example": "p.sh.",
        "answer": "Përgjigjja",
        "status": "Gjendja",
        "service": "Shërbimi",
        "office": "Zyra",
        "promised": "Afati i përgjigjes",
        "bring": "Çfarë të sillni",
        "bring_ready": "Këtë dëshmi dhe dokumentin tuaj të identitetit. Një person i autorizuar sjell "
                       "autorizimin dhe dokumentin e vet të identitetit.",
        "bring_returned": "Dokumentet që mungojnë, bashkë me këtë dëshmi:",
        "bring_returned_ask": "Pyesni zyrën se cilat dokumente mungojnë, dhe sillni këtë dëshmi.",
        "bring_nothing": "Asgjë tani. Do t'ju njoftojmë kur të jetë gati, nëse e keni pranuar njoftimin.",
        "bring_done": "Asgjë: kërkesa është mbyllur.",
        "not_found": "Nuk gjetëm asnjë kërkesë me këtë numër dhe këtë kod. Kontrolloni të dyja në dëshmi. "
                     "Nëse kërkesa u regjistrua në sportel së fundmi, mund të mos jetë ende në sistemin "
                     "qendror: provoni përsëri më vonë.",
        "not_synced": "Kërkesa u regjistrua në sportel, por nuk është ende në sistemin qendror. "
                      "Provoni përsëri më vonë.",
        "invalid": "Ky nuk është një numër dëshmie i vlefshëm. Shkruajeni si në dëshmi, p.sh. TR01-W03-000121K.",
        "throttled": "Shumë përpjekje. Prisni 15 minuta dhe provoni përsëri.",
        "survey_invite": "Si shkoi? Na thoni në një minutë",
        "survey_title": "Si shkoi?",
        "survey_intro": "Pyetësor një-minutësh për kërkesën {receipt_no} ({service}). Përgjigjet tuaja "
                        "ndihmojnë zyrën të përmirësohet.",
        "q_kept": "A u mbajt afati i premtuar?",
        "q_clear": "A ishte shërbimi i qartë?",
        "q_overall": "Si e vlerësoni në përgjithësi? (1 = shumë keq, 5 = shumë mirë)",
        "q_comment": "Koment (nuk është i detyrueshëm)",
        "yes": "Po",
        "no": "Jo",
        "send": "Dërgo",
        "survey_thanks": "Faleminderit! Përgjigjja juaj u regjistrua.",
        "survey_done": "Ky pyetësor është plotësuar tashmë. Faleminderit!",
        "survey_closed": "Pyetësori hapet pasi kërkesa të jetë dorëzuar, refuzuar ose kthyer për plotësim.",
        "survey_bad": "Kjo lidhje pyetësori nuk është e vlefshme.",
        "survey_invalid": "Zgjidhni një vlerësim nga 1 deri në 5.",
        "complaint_title": "Paraqitni një ankesë",
        "complaint_intro": "Ankesa shkon te përgjegjësi i zyrës dhe trajtohet brenda afatit të shërbimit "
                           "të ankesave. Nëse ankesa lidhet me një kërkesë, shkruani numrin dhe kodin e dëshmisë.",
        "unit": "Njësia administrative",
        "nid": "Numri personal",
        "name": "Emri dhe mbiemri",
        "phone": "Telefoni",
        "email": "E-maili",
        "text": "Ankesa juaj",
        "consent": "Dua të njoftohem kur ankesa të marrë përgjigje",
        "complaint_done": "Ankesa u regjistrua me numrin {receipt_no}. Kodi i verifikimit: {code}. "
                          "Ruajini të dyja për të ndjekur ecurinë.",
        "complaint_problem": "Ankesa nuk u regjistrua: {problem}",
        "complaint_link": "Keni një ankesë?",
        "back": "Kthehu te ecuria",
        "footer": "Kjo faqe nuk tregon të dhëna personale. Numri i dëshmisë dhe kodi janë çelësi: mos i "
                  "ndani me të tjerë.",
    },
    "en": {
        "lang_name": "English",
        "other_lang": "Shqip",
        "site": "One-Stop Shop (Zyra me Një Ndalesë)",
        "status_title": "Where is my request?",
        "status_intro": "Type the receipt number and the short code printed on the receipt. "
                        "Your personal number is not needed.",
        "receipt_no": "Receipt number",
        "code": "Verification code",
        "look_up": "Look up",
        "example": "e.g.",
        "answer": "Answer",
        "status": "Status",
        "service": "Service",
        "office": "Office",
        "promised": "Promised date",
        "bring": "What to bring",
        "bring_ready": "This receipt and your identity document. A person you authorised brings the "
                       "authorisation and their own identity document.",
        "bring_returned": "The missing documents, with this receipt:",
        "bring_returned_ask": "Ask the office which documents are missing, and bring this receipt.",
        "bring_nothing": "Nothing now. We will tell you when it is ready, if you agreed to be told.",
        "bring_done": "Nothing: the request is closed.",
        "not_found": "We found no request with this number and this code. Check both on the receipt. "
                     "If the request was registered at the counter recently, it may not be in the central "
                     "system yet: try again later.",
        "not_synced": "The request was registered at the counter but is not yet in the central system. "
                      "Try again later.",
        "invalid": "This is not a valid receipt number. Type it as printed, e.g. TR01-W03-000121K.",
        "throttled": "Too many attempts. Wait 15 minutes and try again.",
        "survey_invite": "How did it go? Tell us in one minute",
        "survey_title": "How did it go?",
        "survey_intro": "A one-minute survey about request {receipt_no} ({service}). Your answers help the "
                        "office improve.",
        "q_kept": "Was the promised date kept?",
        "q_clear": "Was the service clear?",
        "q_overall": "Overall, how was it? (1 = very bad, 5 = very good)",
        "q_comment": "Comment (optional)",
        "yes": "Yes",
        "no": "No",
        "send": "Send",
        "survey_thanks": "Thank you! Your answer was recorded.",
        "survey_done": "This survey has already been answered. Thank you!",
        "survey_closed": "The survey opens once the request is handed over, rejected or returned for completion.",
        "survey_bad": "This survey link is not valid.",
        "survey_invalid": "Choose a rating from 1 to 5.",
        "complaint_title": "Make a complaint",
        "complaint_intro": "A complaint goes to the office's supervisor and is dealt with within the complaint "
                           "service's standard time. If it is about a request, give its receipt number and code.",
        "unit": "Administrative unit",
        "nid": "Personal number",
        "name": "Full name",
        "phone": "Phone",
        "email": "E-mail",
        "text": "Your complaint",
        "consent": "Tell me when the complaint is answered",
        "complaint_done": "The complaint was registered as {receipt_no}. Verification code: {code}. "
                          "Keep both to follow it.",
        "complaint_problem": "The complaint was not registered: {problem}",
        "complaint_link": "Have a complaint?",
        "back": "Back to the lookup",
        "footer": "This page shows no personal data. The receipt number and the code are the key: do not "
                  "share them.",
    },
}

# The messages (SMS and e-mail), Albanian first: the citizen chose to be told; the words are short, the
# address is the status page's.
MESSAGE: dict[str, str] = {
    "ready_subject": "Kërkesa {receipt_no} është gati",
    "ready": "{unit}: kërkesa juaj {receipt_no} ({service}) është gati për t'u tërhequr. Sillni dëshminë "
             "dhe dokumentin e identitetit.",
    "returned_subject": "Kërkesa {receipt_no} u kthye për plotësim",
    "returned": "{unit}: kërkesa juaj {receipt_no} ({service}) u kthye për plotësim. Mungojnë: {missing}. "
                "Sillni këto dokumente me dëshminë.",
    "returned_ask": "{unit}: kërkesa juaj {receipt_no} ({service}) u kthye për plotësim. Pyesni zyrën se "
                    "cilat dokumente mungojnë.",
    "status_link": "Ecuria: {url}",
    "survey_link": "Si shkoi? {url}",
}


def t(lang: str, key: str, **params: object) -> str:
    text = T.get(lang, T["sq"]).get(key) or T["sq"][key]
    return text.format(**params) if params else text


def status_label(lang: str, status: str) -> str:
    return STATUS.get(lang, STATUS["sq"]).get(status, status)


# what the complaint form says about a field it cannot take, in the citizen's language (the rule's own
# sentence is English: it is the server's)
COMPLAINT_FIELDS: dict[str, dict[str, str]] = {
    "sq": {
        "receipt": "nuk ka kërkesë me këtë numër dëshmie dhe këtë kod.",
        "unit": "zgjidhni njësinë administrative (ose kjo zyrë nuk pranon ende ankesa online: ejani në sportel).",
        "nid": "numri personal ka 10 shkronja dhe shifra, p.sh. J00101999W.",
        "name": "shkruani emrin dhe mbiemrin.",
        "phone": "telefoni mund të ketë vetëm shifra, hapësira dhe + - ( ).",
        "email": "adresa e e-mailit nuk duket e saktë.",
        "consent": "për t'u njoftuar, jepni një telefon ose një e-mail.",
        "text": "shkruani ankesën (deri në 2000 shenja, pa shenja të padukshme).",
    },
    "en": {
        "receipt": "no request has this receipt number and code.",
        "unit": "choose the administrative unit (or this office does not take complaints online yet: come to "
                "the counter).",
        "nid": "the personal number has 10 letters and digits, e.g. J00101999W.",
        "name": "give your full name.",
        "phone": "the phone number may contain only digits, spaces and + - ( ).",
        "email": "the e-mail address does not look right.",
        "consent": "to be told, give a phone number or an e-mail.",
        "text": "write the complaint (up to 2000 characters, no invisible characters).",
    },
}


def complaint_problem(lang: str, exc: object) -> str:
    field = getattr(exc, "field", None)
    return COMPLAINT_FIELDS.get(lang, COMPLAINT_FIELDS["sq"]).get(str(field), COMPLAINT_FIELDS[lang]["text"])
