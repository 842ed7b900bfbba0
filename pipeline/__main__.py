"""``python -m pipeline`` runs the ``medloc`` command line."""

import sys

from .cli import main

sys.exit(main())
