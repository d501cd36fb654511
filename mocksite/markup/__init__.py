"""How the imitation writes the site's pages: one subpackage per template generation.

The article's blocks are the same under every template (``editor.py`` writes
their inline markup); what a template decides is everything around them: the
chrome, the class names, how the body is wrapped, where the date and the
neighbours go, how list rows and paging look.

- ``older/``: the 2017-2022 template (``board_view``/``view_cont`` markup), and
  its drifted copy with every class renamed;
- ``current/``: the template of KITA's current framework (kita.net, 2026):
  ``goDetailPage`` rows, badges, the body as a nested DEXT editor document,
  a mega-menu of ``global.moveMenu`` handlers, session ids in every URL;
  and its drifted copy;
- ``varied/``: made-up markups, many from a seed, each within what the site
  contract lets a crawler rely on (rows, handlers and their inline
  definitions, dates and counters, paging, the article's head, body, files
  and neighbours vary; the links lead to the same URLs);
- ``answers.py``: the answers that are the same whatever the template (an
  HTML text encoded as the site sends it, the server's error page, the alert
  of a deleted post in the older template).

A template package provides ``article_html``, ``list_html`` and ``truncate``
(the two generations also ``NAMES``/``DRIFT_NAMES``); a board (``boards/``)
decides what a page shows and hands it to one of them.
"""
