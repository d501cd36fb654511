"""kitacrawl's benchmark suite: ``make bench`` (or ``python -m bench``).

Measures, in one run, on the project's offline imitation of KITA's board:

1. a bare Scrapy spider (``bench/bare_spider.py``: same list → article walk,
   same concurrency, no extraction, no storage): the baseline, pages/s;
2. the real ``news`` spider in full mode with every pipeline and the real
   SQLite storage (FTS included): pages/s and its ratio to the baseline,
   computed pair by pair (bare and real runs interleaved);
3. page extraction alone (``ArticlePage``), µs a page, against
   ``trafilatura.extract`` on the same pages, and its exactness against the
   imitation's ground truth and the golden fixtures;
4. incremental runs: an unchanged board, then 10 new articles: requests and
   wall time;
5. the peak RSS of full crawls of 1k, 5k and 20k articles;
6. the storage rate (``Storage.save_article``), new and unchanged articles.

Every crawl is ``scrapy crawl`` in a subprocess (a fresh reactor, its own
GIL); the imitation is served from this process's threads, so it never shares
the crawler's GIL. Each figure is the median of several runs. The table is
Markdown; the last line is the headline ratio. See ``bench/README.md``.

The modules: ``config`` (options), ``measure`` (median, progress, CPU time),
``machine`` (the machine and versions), ``crawls`` (one crawl as a
subprocess, the imitation served), ``pairs`` (1-2), ``extraction`` (3),
``storage`` (6), ``rss`` (5, and the board 4 runs on), ``incremental_runs`` (4),
``report`` (header, table, headline), ``main``; ``bare_spider`` and
``statsfile`` run inside the crawl processes.
"""
