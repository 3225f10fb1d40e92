"""frontdesk: front-desk application for municipal one-stop-shop counters."""

__version__ = "0.1.0"
