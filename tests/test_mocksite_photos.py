"""Tests of the imitation's Photo Gallery: items whose content is their images.

A small independent reader below, written with lxml from the site contract
alone ("each image with its file name as alt text or caption, the images
inside the body container or a gallery block before it"), re-reads every
item page and must find exactly what the ground truth says: the title as
the site cut it, the date line, every image named by its file name (Korean
kept), the caption text without the lines that name images. The rest checks
the quirks, the gallery list over HTTP and the bad pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import lxml.html
import pytest

from mocksite import PHOTO_VARIATIONS, MockSite, build_board, build_photos
from mocksite.markup.answers import DELETED_SCRIPT
from mocksite.markup.varied import markup_for
from tests.test_mocksite import by_class, canonical, decode, get, norm, paragraphs, text_of
from tests.test_mocksite_insights import read_date_line
from tests.test_mocksite_markups import definitions, target

VIEW = "/about/photoView.do"
LIST = "/about/photoList.do"
BASE = "http://127.0.0.1:8000"
PHOTOS_50 = build_photos(50)
# The elements that hold one image and what names it.
IMAGE_BOXES = ("figure", "li", "dl", "p", "div")


def item_url(base: str, no: int) -> str:
    return f"{base}{VIEW}?photonewsId={no}"


def image_box(img: Any, stop: Any) -> Any:
    """The element that holds `img` and its name: the nearest figure, list item, dl, p or div."""
    for ancestor in img.iterancestors():
        if ancestor is stop:
            return None
        if ancestor.tag in IMAGE_BOXES:
            return ancestor
    return None


def read_photo(page: str, base: str) -> dict[str, Any]:
    """An independent reading of a photo item page, in the truth's terms."""
    doc = lxml.html.fromstring(page)
    assert text_of(doc.xpath("//div[@class='sub_tit']/h3")[0]) == "Photo Gallery"
    view = by_class(doc, "board_view")[0]
    title = text_of(by_class(doc, "view_tit")[0]).removeprefix("•").strip()
    published, hits = read_date_line(doc)
    body = by_class(doc, "view_cont")[0]
    links: list[dict[str, Any]] = []
    for rel in ("prev", "next"):
        for anchor in view.xpath(f".//*[contains(@class, 'view_move')]//dl[@class='{rel}']//a"):
            found = re.search(
                r"photonewsId=(\d+)|fn_view\('(\d+)'\)",
                anchor.get("href", "") + anchor.get("onclick", ""),
            )
            assert found
            no = int(found.group(1) or found.group(2))
            links.append(
                {"rel": rel, "url": item_url(base, no), "text": text_of(anchor), "target_no": no}
            )
    boxes = []
    for img in view.xpath(".//img"):
        box = image_box(img, view)
        # What the page shows beside the image names it; else its alt text does.
        shown = text_of(box) if box is not None and box is not body else ""
        links.append(
            {
                "rel": "image",
                "url": canonical(img.get("src"), base),
                "text": shown or img.get("alt"),
                "target_no": None,
            }
        )
        if box is not None:
            boxes.append(box)
    for box in boxes:
        if box.getparent() is not None:
            box.drop_tree()
    return {
        "title": title,
        "subtitle": None,
        "published": published,
        "hits": hits,
        "body": "\n\n".join(paragraphs(body)),
        "links": links,
    }


@pytest.fixture
def site() -> Iterator[MockSite]:
    with MockSite(build_board(20), boards=("news", "photos")) as running:
        yield running


# -- the board ----------------------------------------------------------------------


def test_board_is_deterministic() -> None:
    again = build_photos(50)
    assert again.ground_truth(BASE) == PHOTOS_50.ground_truth(BASE)
    assert all(again.view_page(p.no) == PHOTOS_50.view_page(p.no) for p in again.posts)
    assert build_photos(50, seed=3).ground_truth(BASE) != PHOTOS_50.ground_truth(BASE)


def test_board_shape() -> None:
    posts = PHOTOS_50.posts
    nos = [p.no for p in posts]
    assert len(nos) == 50
    assert nos == sorted(nos, reverse=True)
    assert nos[-1] == 901
    assert nos[0] - nos[-1] + 1 > len(nos)
    assert all(p.posted.year == 2020 for p in posts)
    truth = PHOTOS_50.ground_truth(BASE)
    assert sorted(p["kind"] for p in truth["problems"]) == [
        "deleted",
        "http_404",
        "http_500",
        "unparsable",
    ]
    assert truth["list_pages"] == 5
    assert {a["board"] for a in truth["articles"]} == {"photos"}


def test_the_item_the_contract_quotes() -> None:
    item = next(a for a in PHOTOS_50.ground_truth(BASE)["articles"] if a["no"] == 923)
    assert item["title"] == "KITA Supports Business Travel of Korean Firms to Vietnam via Chartere"
    assert (item["published"], item["hits"]) == ("2020-04-29", 572)
    images = [link for link in item["links"] if link["rel"] == "image"]
    assert [link["text"] for link in images] == [
        f"2020-04-29 전세기 활용 국내기업 베트남 입국 지원-{k}.jpg" for k in (11, 12, 13, 14)
    ]
    assert item["body"]
    page = decode(PHOTOS_50.view_page(923).body)
    text = norm(lxml.html.fromstring(page).text_content())
    # Visible text in the order the stored copy shows: title, date line, four names, caption.
    positions = [
        text.index("via Chartere "),
        text.index("2020-04-29"),
        text.index("hit 572"),
        *(text.index(link["text"]) for link in images),
        text.index(item["body"].split("\n\n")[0]),
    ]
    assert positions == sorted(positions)


@pytest.mark.parametrize(("n", "seed"), [(50, 2530), (50, 7), (40, 11)])
def test_every_variation_present(n: int, seed: int) -> None:
    seen = build_photos(n, seed=seed).variations()
    assert [label for label in PHOTO_VARIATIONS if label not in seen] == []


def test_quirks_show_in_markup() -> None:
    pages = "\n".join(decode(PHOTOS_50.view_page(p.no).body) for p in PHOTOS_50.posts)
    markers = [
        r"<h3>Photo Gallery</h3>",
        r'<p style="text-align: center;"><img src="[^"]+" alt="[^"]*[가-힣][^"]*"></p>',
        r'<p class="caption">[^<]+</p></div>',
        r'<figure><img src="[^"]+" alt=""><figcaption>',
        r'<img src="/upload/photo/2020/\d\d/[^"]*%[0-9A-F]{2}[^"]*"><br>[^<]*[가-힣]',
        r'<div class="gallery">\n<ul>\n<li><img ',
        r'<div class="photo_area">\n<dl><dt><img src="[^"]+" alt="사진"></dt><dd>',
        r'src="http://global\.kita\.net/upload/photo/',
        r'src="http://www\.kita\.org/upload/photo/',
        r"\.JPG",
        r"via Chartere</p>",
        r"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\">",
        r"photonewsId=\d+&amp;searchWrd=&amp;pageIndex=1",
        r"fn_view\('\d+'\)",
        r"There is no next post\.",
    ]
    assert [m for m in markers if not re.search(m, pages)] == []


@pytest.mark.parametrize("seed", [2530, 7])
def test_truth_says_what_the_pages_say(seed: int) -> None:
    board = build_photos(50, seed=seed)
    truth = board.ground_truth(BASE)
    assert truth["articles"]
    for expected in truth["articles"]:
        got = read_photo(decode(board.view_page(expected["no"]).body), BASE)
        assert got == {key: expected[key] for key in got}, expected["no"]
        assert expected["url"] == item_url(BASE, expected["no"])
        assert (expected["generation"], expected["category"]) == ("older", None)


def test_items_without_text_keep_their_images() -> None:
    truth = PHOTOS_50.ground_truth(BASE)
    only = [a for a in truth["articles"] if not a["body"]]
    assert only
    assert all(any(link["rel"] == "image" for link in a["links"]) for a in only)
    cut = [a for a in truth["articles"] if len(a["title"]) == 69]
    assert cut
    # Neighbour links show the cut titles too.
    titles = {a["no"]: a["title"] for a in truth["articles"]}
    for article in truth["articles"]:
        for link in article["links"]:
            if link["rel"] in ("prev", "next") and link["target_no"] in titles:
                assert link["text"] == titles[link["target_no"]]


# -- over HTTP ------------------------------------------------------------------------


def list_nos(body: bytes) -> list[int]:
    doc = lxml.html.fromstring(body.decode())
    nos = []
    for item in doc.xpath("//ul[contains(@class, 'board_list')]/li"):
        text = (item.get("onclick") or "") + "".join(
            (a.get("href") or "") + (a.get("onclick") or "") for a in item.xpath(".//a")
        )
        found = re.search(r"photonewsId=(\d+)|fn_view\('(\d+)'\)", text)
        if found:
            nos.append(int(found.group(1) or found.group(2)))
    return nos


def test_gallery_list_and_items(site: MockSite) -> None:
    board = site.photos
    assert board is not None
    truth = site.ground_truth(board="photos")
    seen = [
        no
        for page in range(1, truth["list_pages"] + 1)
        for no in list_nos(get(site, f"{LIST}?pageIndex={page}").body)
    ]
    assert seen == [p.no for p in board.posts]
    first = get(site, LIST).body.decode()
    assert '<p class="total">Total <strong>50</strong></p>' in first
    assert '<ul class="board_list gallery_list">' in first
    assert '<span class="thumb"><img src="' in first
    assert get(site, f"{LIST}?pageIndex=99").body.decode().count('class="no_data"') == 1
    for expected in truth["articles"][::7]:
        answer = get(site, f"{VIEW}?photonewsId={expected['no']}&searchWrd=&pageIndex=1")
        assert answer.status == 200
        assert answer.body == board.view_page(expected["no"]).body
    assert get(site, f"{VIEW};jsessionid=XY?photonewsId=923").body == board.view_page(923).body
    assert get(site, f"{VIEW}?photonewsId=1").status == 404
    assert get(site, VIEW).status == 404


def test_bad_pages(site: MockSite) -> None:
    problems = {p["kind"]: p for p in site.ground_truth(board="photos")["problems"]}
    assert get(site, f"{VIEW}?photonewsId={problems['http_404']['no']}").status == 404
    assert get(site, f"{VIEW}?photonewsId={problems['http_500']['no']}").status == 500
    deleted = get(site, f"{VIEW}?photonewsId={problems['deleted']['no']}")
    assert deleted.body.decode() == DELETED_SCRIPT
    empty = get(site, f"{VIEW}?photonewsId={problems['unparsable']['no']}")
    doc = lxml.html.fromstring(decode(empty.body))
    assert text_of(by_class(doc, "view_tit")[0])
    assert text_of(by_class(doc, "view_cont")[0]) == ""
    assert not by_class(doc, "board_view")[0].xpath(".//img")
    assert all(p["board"] == "photos" for p in problems.values())


# -- the 2023 paths, and the list as a grid of cards -----------------------------------


NEWER_VIEW = "/photoGallery/photoGalleryDetail.do"
NEWER_LIST = "/photoGallery/photoGalleryList.do"


def read_newer_photo(page: str, base: str) -> dict[str, Any]:
    """An independent reading of an item page at the 2023 path (the current template)."""
    doc = lxml.html.fromstring(page)
    title = text_of(doc.xpath("//p[@id='subTopTitle']")[0])
    assert not doc.xpath("//span[contains(@class, 'badge')]")
    view = by_class(doc, "board-detail")[0]
    body = view.xpath("./div[contains(concat(' ', @class, ' '), ' detail-body ')]")[0]
    for stray in body.xpath(".//title | .//meta"):
        stray.drop_tree()
    links: list[dict[str, Any]] = []
    slots = by_class(view, "board-btns")[0].xpath("./p")
    for rel, slot in (("prev", slots[0]), ("next", slots[-1])):
        for anchor in slot.xpath("./a"):
            found = re.search(r"goDetailPage\('(\d+)'", anchor.get("onclick") or anchor.get("href"))
            assert found
            no = int(found.group(1))
            links.append(
                {
                    "rel": rel,
                    "url": f"{base}{NEWER_VIEW}?photonewsId={no}",
                    "text": text_of(anchor),
                    "target_no": no,
                }
            )
    boxes = []
    for img in view.xpath(".//img"):
        box = image_box(img, view)
        shown = text_of(box) if box is not None and box is not body else ""
        links.append(
            {
                "rel": "image",
                "url": canonical(img.get("src"), base),
                "text": shown or img.get("alt"),
                "target_no": None,
            }
        )
        if box is not None:
            boxes.append(box)
    for box in boxes:
        if box.getparent() is not None:
            box.drop_tree()
    return {
        "title": title,
        "subtitle": None,
        "published": None,
        "hits": None,
        "body": "\n\n".join(paragraphs(body)),
        "links": links,
    }


def test_the_2023_paths_serve_the_same_items() -> None:
    board = build_photos(30)
    with MockSite(
        build_board(12), boards=("news", "photos"), photos=board, photo_paths="both"
    ) as site:
        truth = site.ground_truth(board="photos")
        older_truth = board.ground_truth(site.base_url)
        for expected in truth["articles"]:
            answer = get(site, f"{NEWER_VIEW};jsessionid=AB?photonewsId={expected['no']}")
            got = read_newer_photo(decode(answer.body), site.base_url)
            # The page shows no counter; the truth's is the one its list shows.
            shown = {key: value for key, value in got.items() if key != "hits"}
            assert shown == {key: expected[key] for key in shown}, expected["no"]
            assert got.get("hits") is None
            assert expected["url"] == f"{site.base_url}{NEWER_VIEW}?photonewsId={expected['no']}"
            assert expected["generation"] == "current"
        # The 2020 path still answers, in the older template, for the same items.
        no = truth["articles"][3]["no"]
        older = read_photo(decode(get(site, f"{VIEW}?photonewsId={no}").body), site.base_url)
        same = next(a for a in older_truth["articles"] if a["no"] == no)
        assert older == {key: same[key] for key in older}
        listed = get(site, f"{NEWER_LIST}?pageIndex=1").body.decode()
        assert listed.count("goDetailPage('") >= 10
        assert get(site, LIST).status == 200
        problems = {p["kind"]: p["no"] for p in truth["problems"]}
        assert get(site, f"{NEWER_VIEW}?photonewsId={problems['http_404']}").status == 404
        assert get(site, f"{NEWER_VIEW}?photonewsId={problems['http_500']}").status == 500
        assert b"dlgAlert" in get(site, f"{NEWER_VIEW}?photonewsId={problems['deleted']}").body
        home = get(site, "/").body.decode()
    assert [p["kind"] for p in truth["problems"]] == [p["kind"] for p in older_truth["problems"]]
    assert f'href="{NEWER_LIST}"' in home


def test_only_the_2023_paths() -> None:
    with MockSite(build_board(12), boards=("news", "photos"), photo_paths="newer") as site:
        no = site.ground_truth(board="photos")["articles"][0]["no"]
        assert get(site, f"{NEWER_VIEW}?photonewsId={no}").status == 200
        assert get(site, f"{VIEW}?photonewsId={no}").status == 404
        assert get(site, LIST).status == 404


@pytest.mark.parametrize("paths", ["older", "both"])
def test_the_list_as_a_grid_of_cards(paths: str) -> None:
    board = build_photos(30)
    with MockSite(
        build_board(12), boards=("news", "photos"), photos=board, photo_paths=paths,
        photo_list="cards",
    ) as site:  # fmt: skip
        where = (LIST, VIEW) if paths == "older" else (NEWER_LIST, NEWER_VIEW)
        seen: list[int] = []
        forms: set[str] = set()
        for page in range(1, board.list_pages + 1):
            text = get(site, f"{where[0]}?pageIndex={page}").body.decode()
            doc = lxml.html.fromstring(text)
            assert not doc.xpath("//*[contains(@class, 'board_list')]")
            defs = definitions(text)
            for anchor in doc.xpath("//ul[@class='gallery_list']/li/a"):
                no = target(anchor, defs, where[1], "photonewsId")
                assert no is not None
                seen.append(no)
                forms.add("handler" if anchor.get("onclick") else "href")
            pages = {target(a, defs, where[0], "pageIndex") for a in doc.xpath("//a")}
            assert page == board.list_pages or page + 1 in pages
        assert get(site, f"{where[1]}?photonewsId={seen[0]}").status == 200
    assert seen == [p.no for p in board.posts]
    assert forms == {"handler", "href"}


def test_the_list_as_made_up_cards() -> None:
    seed = next(s for s in range(30) if markup_for(s)["gallery"] == "div_cards")
    markup = markup_for(seed)
    board = build_photos(25)
    with MockSite(build_board(12), boards=("news", "photos"), photos=board, markup=seed) as site:
        text = get(site, f"{LIST}?pageIndex=2").body.decode()
    doc = lxml.html.fromstring(text)
    defs = definitions(text)
    cards = doc.xpath(f"//div[@class='{markup.names['gallery_list']}']/div")
    nos = []
    for card in cards:
        found = {target(e, defs, VIEW, "photonewsId") for e in [card, *card.xpath(".//a")]}
        nos += list(found - {None})
    assert nos == [p.no for p in board.posts[10:20]]


def test_photo_options_are_checked() -> None:
    with pytest.raises(ValueError, match="photos board"):
        MockSite(build_board(10), photo_paths="both")
    with pytest.raises(ValueError, match="photo_paths"):
        MockSite(build_board(10), boards=("news", "photos"), photo_paths="2023")
    with pytest.raises(ValueError, match="photo_list"):
        MockSite(build_board(10), boards=("news", "photos"), photo_list="grid")
