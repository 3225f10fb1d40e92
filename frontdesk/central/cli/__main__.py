"""``python -m frontdesk.central.cli``: the same as ``frontdesk-central``."""

import sys

from . import main

sys.exit(main())
