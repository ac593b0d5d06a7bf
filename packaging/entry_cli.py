"""Entry script of the frozen command line (``resettle`` / ``resettle.exe``).

On Windows Qt's ``offscreen`` platform reads fonts only from Qt's own ``lib/fonts`` folder,
so printing from the command line would find no Chinese font there; the ``windows`` platform
reads the system's fonts (SimSun, Microsoft YaHei) and opens no window either.
"""

from __future__ import annotations

import os
import sys


def main() -> int:
    if sys.platform == "win32":
        os.environ.setdefault("QT_QPA_PLATFORM", "windows")
    from resettle.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    raise SystemExit(main())
