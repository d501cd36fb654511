"""The paging and incremental rules, on hand-made list pages."""

from __future__ import annotations

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
