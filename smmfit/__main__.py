"""``python -m smmfit``: see smmfit.cli."""

import sys

from smmfit.cli import main

sys.exit(main())
