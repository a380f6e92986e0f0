"""``python -m salesdesk`` runs the same entry point as the ``salesdesk`` command."""

import sys

from salesdesk.cli import main

if __name__ == "__main__":  # only as a program; packaged worker processes start through freeze_support() in main()
    sys.exit(main())
