"""The browser console of the central system, served by ``frontdesk-central serve`` itself (the same
application and database, mounted at ``/console``): the back office, the municipality's performance
against the service standards, and IT administration. Server-rendered pages (Jinja2), a stylesheet and a
small optional script; no build step. See docs/console.md."""
