"""``python -m bulletin_app.cli``."""

import sys

from bulletin_app.cli import main

sys.exit(main())
