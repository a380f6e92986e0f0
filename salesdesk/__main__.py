"""``python -m salesdesk`` runs the same entry point as the ``salesdesk`` command."""

import sys

from salesdesk.cli import main

if __name__ == "__main__":  # not when a worker process imports this module
    sys.exit(main())
