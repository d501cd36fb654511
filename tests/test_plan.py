"""The paging and incremental rules, on hand-made list pages."""

from __future__ import annotations

from datetime import date

from kitacrawl.items import ListPage, ListRow
from kitacrawl.plan import FULL, INCREMENTAL, Plan


def page(
    numbers: list[int],
    *,
    pinned: tuple[int, ...] = (),
    bar: tuple[int, ...] = (),
    hits: bool = True,
) -> ListPage:
    rows = [ListRow(no=n, url=f"u{n}", hits=100 if hits else None, pinned=True) for n in pinned]
    rows += [ListRow(no=n, url=f"u{n}", hits=100 if hits else None) for n in numbers]
    return ListPage(rows=rows, page_numbers=list(bar))


def test_full_crawl_ends_on_empty_page() -> None:
    plan = Plan(mode=FULL)
    first = plan.on_list_page(1, page([30, 29, 28]))
    assert first.articles == [30, 29, 28]
    assert first.next_page == 2
    end = plan.on_list_page(2, page([]))
    assert end.next_page is None
    assert plan.paging_complete
    assert plan.complete_upto_after() == 30


def test_last_page_again_and_first_page_again_both_end_paging() -> None:
    for repeat in ([20, 19], [30, 29, 28]):
        plan = Plan(mode=FULL)
        plan.on_list_page(1, page([30, 29, 28]))
        plan.on_list_page(2, page([20, 19]))
        decision = plan.on_list_page(3, page(repeat))
        assert decision.next_page is None
        assert decision.articles == []
        assert plan.paging_complete


def test_pinned_rows_are_fetched_once_and_ignored_for_paging() -> None:
    plan = Plan(mode=FULL)
    first = plan.on_list_page(1, page([30, 29], pinned=(3,)))
    assert first.articles == [3, 30, 29]
    second = plan.on_list_page(2, page([28, 27], pinned=(3,)))
    assert second.articles == [28, 27]
    assert second.next_page == 3
    # A page with nothing but the pinned notice is past the end.
    assert plan.on_list_page(3, page([], pinned=(3,))).next_page is None


def test_rows_shifted_down_by_new_articles_are_not_fetched_twice() -> None:
    plan = Plan(mode=FULL)
    plan.on_list_page(1, page([30, 29, 28]))
    shifted = plan.on_list_page(2, page([28, 27, 26]))
    assert shifted.articles == [27, 26]
    assert shifted.next_page == 3


def test_incremental_stops_when_a_page_ends_at_or_below_the_mark() -> None:
    stored = {28, 27, 26, 25}
    plan = Plan(mode=INCREMENTAL, known=stored, stored=stored, complete_upto=28)
    decision = plan.on_list_page(1, page([31, 30, 29, 28, 27]))
    # 28 is fetched again: its "next" neighbour is new.
    assert decision.articles == [31, 30, 29, 28]
    assert decision.next_page is None
    assert plan.complete_upto_after() == 31


def test_incremental_pages_on_while_the_page_is_all_new() -> None:
    plan = Plan(mode=INCREMENTAL, known={20}, complete_upto=20)
    decision = plan.on_list_page(1, page([25, 24, 23]))
    assert decision.next_page == 2


def test_incremental_without_list_counters_fetches_only_new_rows() -> None:
    # Counters of a list that shows none come from the revisit schedule, not from
    # fetching every row of page 1 on every run (an hourly cron stays cheap).
    plan = Plan(mode=INCREMENTAL, known={29, 28}, stored={29, 28}, complete_upto=29)
    decision = plan.on_list_page(1, page([30, 29, 28], hits=False))
    assert decision.articles == [30, 29]


def test_max_pages_stops_without_moving_the_mark() -> None:
    plan = Plan(mode=FULL, max_pages=1)
    assert plan.on_list_page(1, page([30, 29])).next_page is None
    assert not plan.paging_complete
    assert plan.complete_upto_after() is None


def test_paging_bar_ends_on_a_short_last_page() -> None:
    plan = Plan(mode=FULL)
    plan.on_list_page(1, page([30, 29, 28], bar=(1, 2)))
    last = plan.on_list_page(2, page([27], bar=(1, 2)))
    assert last.next_page is None
    assert plan.paging_complete


def test_a_full_last_page_is_checked_by_asking_one_more() -> None:
    plan = Plan(mode=FULL)
    plan.on_list_page(1, page([30, 29], bar=(1, 2)))
    assert plan.on_list_page(2, page([28, 27], bar=(1, 2))).next_page == 3


def test_revisits_and_retries_are_claimed_once() -> None:
    plan = Plan(mode=INCREMENTAL, known={30, 29}, complete_upto=30, revisit=[30], retry=[12, 30])
    assert plan.initial_articles() == [12, 30]
    assert plan.on_list_page(1, page([31, 30, 29])).articles == [31]


def test_unchanged_board_refetches_nothing() -> None:
    plan = Plan(mode=INCREMENTAL, known={30, 29, 28}, complete_upto=30)
    assert plan.on_list_page(1, page([30, 29, 28])).articles == []


def test_the_hard_page_limit_ends_an_endless_list() -> None:
    plan = Plan(mode=FULL, hard_max_pages=3)
    for number in range(1, 3):
        assert plan.on_list_page(number, page([100 - number])).next_page == number + 1
    assert plan.on_list_page(3, page([50])).next_page is None
    assert plan.complete_upto_after() is None


def test_a_lost_list_page_is_skipped_once_and_keeps_the_mark() -> None:
    plan = Plan(mode=FULL)
    plan.on_list_page(1, page([30, 29]))
    assert plan.on_list_failure(2) == 3
    plan.on_list_page(3, page([26, 25]))
    assert plan.on_list_failure(4) == 5
    assert plan.on_list_failure(5) is None
    assert plan.complete_upto_after() is None


def test_one_list_observation_per_article_a_run() -> None:
    plan = Plan(mode=FULL)
    first = page([30, 29], pinned=(3,))
    assert plan.new_observations(first) == {3: 100, 30: 100, 29: 100}
    # The pinned notice again, and a row pushed down onto the next page.
    assert plan.new_observations(page([29, 28], pinned=(3,))) == {28: 100}


def test_articles_waiting_for_a_retry_are_not_fetched_from_the_list() -> None:
    # 29 failed for a passing reason in a good run an hour ago; 27 is known gone.
    plan = Plan(mode=INCREMENTAL, known={29, 27}, stored=set(), complete_upto=20)
    assert plan.on_list_page(1, page([30, 29, 28, 27])).articles == [30, 28]


def test_a_single_run_asks_for_its_article_only() -> None:
    plan = Plan(mode="single", retry=[2530])
    assert plan.initial_articles() == [2530]
    assert plan.complete_upto_after() is None


# -- the horizon (--since) --------------------------------------------------------------


def dated(rows: list[tuple[int, str]], *, pinned: tuple[tuple[int, str], ...] = ()) -> ListPage:
    """A list page of (no, ISO date) rows, pinned ones on top."""
    found = [
        ListRow(no=n, url=f"u{n}", published=date.fromisoformat(d), pinned=True) for n, d in pinned
    ]
    found += [ListRow(no=n, url=f"u{n}", published=date.fromisoformat(d)) for n, d in rows]
    return ListPage(rows=found)


def test_paging_stops_at_the_first_page_reaching_rows_before_the_horizon() -> None:
    plan = Plan(mode=INCREMENTAL, since=date(2026, 4, 26))
    first = plan.on_list_page(1, dated([(30, "2026-04-27"), (29, "2026-04-26")]))
    assert first.articles == [30, 29]
    assert first.next_page == 2
    last = plan.on_list_page(2, dated([(28, "2026-04-26"), (27, "2026-04-25")]))
    assert last.articles == [28]  # 27 was listed before the horizon
    assert last.next_page is None
    assert "2026-04-26" in (last.stop_reason or "")
    assert plan.complete_upto_after() == 30
    assert plan.complete_since_after() == date(2026, 4, 26)


def test_old_rows_on_top_never_stop_the_paging_pinned_or_not() -> None:
    for flagged in (True, False):
        plan = Plan(mode=INCREMENTAL, since=date(2026, 4, 26))
        notice = ((3, "2025-12-01"),)
        rows = [(30, "2026-04-27"), (29, "2026-04-27")]
        page_one = dated(rows, pinned=notice) if flagged else dated([*notice, *rows])
        decision = plan.on_list_page(1, page_one)
        assert decision.articles == [30, 29], "the old notice is not fetched"
        assert decision.next_page == 2, "and does not stop the paging"


def test_a_horizon_later_than_the_marks_is_what_the_mark_vouches_for_then() -> None:
    plan = Plan(
        mode=INCREMENTAL,
        since=date(2026, 4, 20),
        complete_upto=28,
        complete_since=date(2026, 1, 1),
    )
    decision = plan.on_list_page(
        1, dated([(31, "2026-04-27"), (30, "2026-04-27"), (28, "2026-04-01")])
    )
    assert decision.articles == [31, 30]
    assert decision.next_page is None
    # Row 28 was older than the horizon: what the mark now vouches for starts there.
    assert plan.complete_since_after() == date(2026, 4, 20)
    assert plan.complete_upto_after() == 31


def test_an_earlier_horizon_pages_past_the_mark() -> None:
    plan = Plan(
        mode=INCREMENTAL,
        since=date(2025, 1, 1),
        complete_upto=30,
        complete_since=date(2026, 1, 1),
        extend_back=True,
    )
    plan.known = {30, 29}
    decision = plan.on_list_page(1, dated([(30, "2026-04-27"), (29, "2026-02-01")]))
    assert decision.next_page == 2, "the mark does not stop a run reaching further back"
    end = plan.on_list_page(2, dated([(28, "2025-06-01"), (27, "2024-12-31")]))
    assert end.articles == [28]
    assert plan.complete_since_after() == date(2025, 1, 1)


def test_a_whole_board_read_vouches_for_the_whole_board() -> None:
    plan = Plan(mode=FULL, since=date(2020, 1, 1))
    plan.on_list_page(1, dated([(2, "2026-04-27"), (1, "2026-04-26")]))
    plan.on_list_page(2, dated([]))
    assert plan.complete_since_after() is None


def test_rows_left_estimates_from_the_horizon_the_mark_or_the_total() -> None:
    plan = Plan(mode=INCREMENTAL, since=date(2026, 4, 21))
    plan.on_list_page(1, dated([(30, "2026-04-27"), (29, "2026-04-26"), (28, "2026-04-26")]))
    # Three rows over two days, five days left: about eight rows.
    assert plan.rows_left() == 8
    marked = Plan(mode=INCREMENTAL, complete_upto=10)
    marked.on_list_page(1, page([30, 29, 28]))
    assert marked.rows_left() == 17
    whole = Plan(mode=FULL)
    whole.on_list_page(1, ListPage(rows=page([30, 29]).rows, total=120))
    assert whole.rows_left() == 118


def test_a_run_stopped_at_the_mark_keeps_the_horizon_the_mark_vouched_for() -> None:
    plan = Plan(
        mode=INCREMENTAL,
        since=date(2026, 1, 1),
        complete_upto=29,
        complete_since=date(2026, 1, 1),
    )
    decision = plan.on_list_page(
        1, dated([(31, "2026-04-27"), (30, "2026-04-27"), (29, "2026-04-26")])
    )
    assert decision.articles == [31, 30, 29]
    assert plan.reached_mark
    assert plan.complete_since_after() == date(2026, 1, 1)


# -- a sweep stopped before the end, and the run after it ---------------------------------


def test_a_run_counts_the_pages_done_as_their_articles_are_stored() -> None:
    plan = Plan(mode=INCREMENTAL)
    plan.on_list_page(1, page([30, 29]))
    plan.on_list_page(2, page([28, 27]))
    assert plan.done_through == 0
    plan.article_done(28)
    plan.article_done(27)
    assert plan.done_through == 0, "page 2 waits for page 1"
    plan.article_done(30)
    plan.article_done(29)
    assert plan.done_through == 2
    assert plan.top_first_page == 30


def test_a_failed_list_page_is_never_done() -> None:
    plan = Plan(mode=INCREMENTAL)
    plan.known = {30, 29, 26, 25}
    plan.on_list_page(1, page([30, 29]))
    plan.on_list_failure(2)
    plan.on_list_page(3, page([26, 25]))
    assert plan.done_through == 1


def test_the_run_after_goes_on_from_where_the_earlier_one_stopped() -> None:
    # Pages of 2 rows; the earlier run read 5 pages under top 30 (rows 30-21); 3 new since.
    plan = Plan(mode=INCREMENTAL, resume_page=5, resume_top=30)
    plan.known = set(range(21, 31))
    first = plan.on_list_page(1, page([33, 32]))
    assert first.next_page == 2
    second = plan.on_list_page(2, page([31, 30]))
    # Row 20 (the first not reached) is now the 14th row: page 7; a page early: 6.
    assert second.next_page == 6
    assert "earlier run" in (second.stop_reason or "")
    landed = plan.on_list_page(6, page([22, 21]))
    assert landed.next_page == 7
    assert landed.articles == []
    assert plan.done_through == 0  # the new rows' articles are not stored yet
    for no in (33, 32, 31):
        plan.article_done(no)
    assert plan.done_through == 6  # pages 3-5 were skipped as done


def test_landing_on_a_row_nobody_handled_steps_back() -> None:
    # Four listed articles were deleted since: the list moved up two pages.
    plan = Plan(mode=INCREMENTAL, resume_page=5, resume_top=30)
    plan.known = {30, 29, 24, 23, 22, 21}
    jump = plan.on_list_page(1, page([30, 29]))
    assert jump.next_page == 5
    back = plan.on_list_page(5, page([18, 17]))  # starts below what was handled
    assert back.articles == [18, 17]
    assert back.next_page == 4
    again = plan.on_list_page(4, page([20, 19]))
    assert again.articles == [20, 19]
    assert again.next_page == 3
    handled = plan.on_list_page(3, page([22, 21]))
    assert handled.next_page == 6, "after stepping back it goes on past the landing page"
    for no in (18, 17, 20, 19):
        plan.article_done(no)
    assert plan.done_through == 5
