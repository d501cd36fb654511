"""How the imitation writes the site's pages: one subpackage per template generation.

The article body is the same under every template (``editor.py`` writes it);
what a template decides is everything around it: the chrome, the class names,
where the date line and the neighbours go, how list rows and paging look.

- ``older/``: the 2017-2022 template (``board_view``/``view_cont`` markup), and
  its drifted copy with every class renamed;
- ``answers.py``: the answers that are the same whatever the template (an
  HTML text encoded as the site sends it, the server's error page, the alert
  of a deleted post).

A template package provides ``NAMES``/``DRIFT_NAMES``, ``article_html``,
``list_html`` and ``truncate``; ``Board`` decides what a page shows and hands
it to one of them.
"""
