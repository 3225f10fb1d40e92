"""The citizens' side of the central system (issue 14, docs/citizens.md): the public status lookup
(``lookup.py``), the notification outbox and its sender (``notify.py``, ``senders.py``), the satisfaction
survey (``survey.py``), complaints made online (``complaints.py``), the public pages (``pages.py``), their
words in Albanian and English (``texts.py``), the municipality's settings (``settings.py``) and the
citizens' figures (``report.py``)."""
