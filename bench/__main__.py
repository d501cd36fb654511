"""``python -m bench``: run the benchmark suite (see ``bench/README.md``)."""

from bench.main import main

raise SystemExit(main())
