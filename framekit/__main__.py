"""``python -m framekit``: the same as the ``framekit`` command."""

import sys

from framekit.cli import main

sys.exit(main())
