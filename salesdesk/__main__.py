"""``python -m salesdesk`` runs the same entry point as the ``salesdesk`` command."""

import sys

from salesdesk.cli import main

sys.exit(main())
