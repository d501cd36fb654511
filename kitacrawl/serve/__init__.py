"""``kitacrawl serve``: Datasette on the database, with the project's own metadata.

``metadata`` holds what a person browsing the database is told: the one
description of every table, view and column (``docs/schema.md`` carries the
same text, a test keeps the two equal), facets, full-text search and the
canned queries. ``server`` runs Datasette; it is the only module that imports
it, so that Datasette stays an optional extra (``kitacrawl[datasette]``).
"""
