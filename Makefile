# Thin wrappers; ./dev does the work (and installs what is missing).
.PHONY: run test bench bundle translations lint

run:
	./dev run

test:
	./dev test

bench:
	./dev bench

bundle:
	./dev bundle

translations:
	bash scripts/update_translations.sh

lint:
	.venv/bin/ruff check frontdesk tests bench && .venv/bin/mypy
