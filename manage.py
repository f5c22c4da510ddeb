#!/usr/bin/env python
"""Django's command-line utility; puts site/ on the path (see docs/adr/0001)."""

import os
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
sys.path[:0] = [str(BASE_DIR), str(BASE_DIR / "site")]

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
