"""The benchmark suite: ``python bench/run.py`` (or ``make bench``); see README.md."""
