"""``kitacrawl report``: one self-contained HTML page about a kitacrawl database.

Three layers, each testable alone: :mod:`kitacrawl.report.data` reads the
database into plain typed dicts (no HTML), :mod:`kitacrawl.report.page` turns
them into one HTML string (no database), and ``kitacrawl.cli.report`` is the
subcommand that joins them and writes the file. The charts are drawn by the
vendored Chart.js (``vendor/``), inlined with the data so that the page opens
offline.
"""
