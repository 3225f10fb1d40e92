"""The receipt's own words in Albanian and English.

A receipt is a document handed to the citizen, not a screen, so its text lives beside the renderer
rather than in the Qt Linguist files (the core never loads Qt).
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "sq": {
        "office": "Zyra me Një Ndalesë",
        "title": "DËSHMI PRANIMI E KËRKESËS",
        "copy": "KOPJE {n} / COPY {n}",
        "intake": "Data dhe ora e pranimit",
        "counter": "Sporteli",
        "clerk": "Nëpunësi",
        "citizen": "Qytetari",
        "nid": "Nr. personal",
        "request_n": "Kërkesa {i} nga {n}",
        "page": "faqja {i} nga {n}",
        "receipt_no": "Nr. i dëshmisë",
        "service": "Shërbimi",
        "documents": "Dokumentet e dorëzuara",
        "no_documents": "asnjë",
        "fee": "Tarifa e paguar",
        "promised": "Afati i përgjigjes",
        "standard": "{n} ditë pune sipas standardit të shërbimit",
        "standard_1": "1 ditë pune sipas standardit të shërbimit",
        "priority": "ME PRIORITET",
        "collect": (
            "Sillni këtë dëshmi kur të vini për të tërhequr përgjigjen. Për ecurinë e kërkesës "
            "pyesni në sportel me numrin e dëshmisë."
        ),
        "provisional": "I PËRKOHSHËM — ende i paregjistruar në sistemin qendror",
        "lookup_code": "Kodi i verifikimit",
        "track": "Ecuria e kërkesës: skanoni kodin QR, ose hapni {url} dhe shkruani numrin e dëshmisë dhe "
        "kodin e verifikimit.",
        "collect_tracked": "Sillni këtë dëshmi kur të vini për të tërhequr përgjigjen. Mos ia tregoni kodin "
        "e verifikimit askujt që nuk e ka këtë dëshmi.",
        "visit_total": "Gjithsej për këtë vizitë",
        "visit_services": "{n} shërbime",
    },
    "en": {
        "office": "One-Stop Shop (Zyra me Një Ndalesë)",
        "title": "REQUEST RECEIPT",
        "copy": "COPY {n} / KOPJE {n}",
        "intake": "Date and time of intake",
        "counter": "Counter",
        "clerk": "Clerk",
        "citizen": "Citizen",
        "nid": "Personal no.",
        "request_n": "Request {i} of {n}",
        "page": "page {i} of {n}",
        "receipt_no": "Receipt no.",
        "service": "Service",
        "documents": "Documents received",
        "no_documents": "none",
        "fee": "Fee paid",
        "promised": "Promised date",
        "standard": "{n} working days under the service standard",
        "standard_1": "1 working day under the service standard",
        "priority": "PRIORITY",
        "collect": (
            "Bring this receipt when you come to collect the result. To ask about progress, give the "
            "receipt number at the counter."
        ),
        "provisional": "PROVISIONAL — not yet registered centrally",
        "lookup_code": "Verification code",
        "track": "Where your request stands: scan the QR code, or open {url} and type the receipt number and "
        "the verification code.",
        "collect_tracked": "Bring this receipt when you come to collect the result. Do not give the "
        "verification code to anyone who does not hold this receipt.",
        "visit_total": "Total for this visit",
        "visit_services": "{n} services",
    },
}
WEEKDAYS = {
    "sq": ("e hënë", "e martë", "e mërkurë", "e enjte", "e premte", "e shtunë", "e diel"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
