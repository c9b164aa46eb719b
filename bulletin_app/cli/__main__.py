"""``python -m bulletin_app.cli``."""

import sys

from bulletin_app.cli import process_main

sys.exit(process_main())
