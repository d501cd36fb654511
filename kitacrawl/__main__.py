"""``python -m kitacrawl``: the ``kitacrawl`` command line."""

from kitacrawl.cli import main

raise SystemExit(main())
