"""kitacrawl's settings: one way to read them, each documented where the README's table is made.

The README's settings table is generated from ``config.OPTIONS`` (``make docs``;
``tests/test_schema_doc.py`` and ``make lint`` check it is current): here, that
every option says what it is, in one Markdown table cell.
"""

from __future__ import annotations

import pytest
from scrapy.settings import Settings

from kitacrawl import config


def settings(**explicit: object) -> Settings:
    values = Settings()
    for name, value in explicit.items():
        values.set(name, value, priority="cmdline")
    return values


def test_explicit_then_environment_then_default() -> None:
    env = {"KITACRAWL_REVISIT_DAYS": "3", "KITACRAWL_RETRY_AFTER_HOURS": "0.5"}
    given = settings(KITACRAWL_REVISIT_DAYS="7")
    assert config.get(given, "KITACRAWL_REVISIT_DAYS", env) == 7
    assert config.get(given, "KITACRAWL_RETRY_AFTER_HOURS", env) == 0.5
    assert config.get(given, "KITACRAWL_REVISIT_MAX", env) == 50


def test_every_setting_is_read_from_the_environment() -> None:
    samples = {str: ("/x/y.do", "/x/y.do"), int: ("7", 7), float: ("0.5", 0.5), bool: ("0", False)}
    for option in config.OPTIONS:
        given, expected = samples[option.kind]
        assert config.get(Settings(), option.name, {option.name: given}) == expected, option.name


def test_an_empty_environment_value_means_the_default() -> None:
    assert config.get(Settings(), "KITACRAWL_DB", {"KITACRAWL_DB": ""}) == "output/kita.db"


def test_a_bad_value_names_the_setting() -> None:
    with pytest.raises(config.BadSetting, match="KITACRAWL_REVISIT_DAYS must be a whole number"):
        config.get(Settings(), "KITACRAWL_REVISIT_DAYS", {"KITACRAWL_REVISIT_DAYS": "soon"})


def test_board_paths_follow_the_settings() -> None:
    moved = settings(
        KITACRAWL_NEWS_LIST_PATH="/board/news/newsList.do",
        KITACRAWL_NEWS_DETAIL_PATH="board/news/newsDetail.do",
        KITACRAWL_NEWS_ID_PARAM="newsId",
    )
    urls = config.board_urls(moved, "news")
    assert urls.list_url(2) == "http://www.kita.org/board/news/newsList.do?pageIndex=2"
    assert urls.article_url(5) == "http://www.kita.org/board/news/newsDetail.do?newsId=5"
    assert urls.no_from_url("/board/news/newsDetail.do?newsId=5&siteId=2") == 5


def test_unknown_names_are_found() -> None:
    env = {"KITACRAWL_REVIST_DAYS": "3", "KITACRAWL_DB": "x.db", "PATH": "/bin"}
    assert config.unknown_names(settings(KITACRAWL_BASEURL="x"), env) == [
        "KITACRAWL_BASEURL",
        "KITACRAWL_REVIST_DAYS",
    ]


@pytest.mark.parametrize("option", config.OPTIONS, ids=lambda option: option.name)
def test_every_setting_says_what_it_is(option: config.Option) -> None:
    assert option.name.startswith(config.PREFIX)
    assert option.doc.strip()
    # A cell of the README's Markdown table: one line, no pipe, code spans closed.
    assert "|" not in option.doc
    assert "\n" not in option.doc
    assert option.doc.count("`") % 2 == 0


def test_every_setting_has_one_name() -> None:
    assert len(config.BY_NAME) == len(config.OPTIONS)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("notaurl", "must be an http:// or https:// URL, not 'notaurl'"),
        ("ftp://x", "not 'ftp://x'"),
        ("http://", "not 'http://'"),
        ("http://x:port", "its port is no port number"),
        ("http://x/?a=1", "no query"),
    ],
)
def test_a_base_url_that_cannot_be_used_is_refused_in_one_line(value: str, words: str) -> None:
    with pytest.raises(config.BadSetting, match="KITACRAWL_BASE_URL") as refused:
        config.check(settings(KITACRAWL_BASE_URL=value), {})
    assert words in str(refused.value)
    assert "\n" not in str(refused.value)


@pytest.mark.parametrize(
    "value", ["http://127.0.0.1:1", "https://www.kita.org/", "http://[::1]:8000", "http://x/news"]
)
def test_a_usable_base_url_passes(value: str) -> None:
    config.check(settings(KITACRAWL_BASE_URL=value), {})


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("KITACRAWL_REVISIT_DAYS", "soon", "must be a whole number, not 'soon'"),
        ("KITACRAWL_FAILED_SHARE", "2", "must be at most 1"),
        ("KITACRAWL_REVISIT_MAX", "-1", "must be at least 0"),
        ("KITACRAWL_GIVE_UP_DAYS", "inf", "must be a finite number"),
        ("KITACRAWL_MAX_LIST_PAGES", "0", "must be at least 1"),
        ("KITACRAWL_ARCHIVE", "maybe", "yes/no"),
        ("KITACRAWL_NEWS_LIST_PATH", ",", "KITACRAWL_NEWS_LIST_PATH names no path"),
        ("KITACRAWL_NEWS_ID_PARAM", " ", "KITACRAWL_NEWS_ID_PARAM is empty"),
    ],
)
def test_every_unusable_value_is_refused_before_a_crawl(name: str, value: str, words: str) -> None:
    with pytest.raises(config.BadSetting, match=name) as given:
        config.check(settings(**{name: value}), {})
    assert words in str(given.value)
    with pytest.raises(config.BadSetting) as from_env:
        config.check(Settings(), {name: value})
    assert str(from_env.value).endswith("(from the environment)")


def test_the_defaults_pass_the_check() -> None:
    config.check(Settings(), {})
