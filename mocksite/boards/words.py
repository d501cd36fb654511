"""Word pools of KITA Insights and the Photo Gallery, and the real items the contract quotes.

Templates use the ``{slot}`` names of ``mocksite.words.draw_slots``; bodies
reuse the news board's paragraph templates, as the same office writes both.
"""

from __future__ import annotations

from datetime import date

# -- KITA Insights --------------------------------------------------------------

# The sections an Insights title names in its prefix, with how often each is seen.
CATEGORIES: tuple[tuple[str | None, float], ...] = (
    ("KITA News", 55),
    ("KGPC News", 20),
    ("Trade Focus", 15),
    (None, 10),
)
HEADLINES: dict[str | None, tuple[str, ...]] = {
    "KITA News": (
        "KITA Releases {year} Export Outlook on {topic}",
        "KITA Holds {country} {event} in {city}",
        "KITA and {country} Sign MOU on {topic}",
        "KITA Launches Export Voucher Program for {topic}",
        "KITA Hosts Trade & Investment Forum with {country}",
        "KITA Chairman Meets “{country} Business Leaders” in {city}",
    ),
    "KGPC News": (
        "Global Platform Center Holds Buyer Week in {city}",
        "KGPC Opens Export Incubator for Startups in {city}",
        "KGPC Connects Korean Startups with {country} Investors",
    ),
    "Trade Focus": (
        "{country}'s New Import Rules on {topic}: What Exporters Should Know",
        "Korea-{country} Trade in the First Half of {year}",
    ),
    None: (
        "KITA Insights Newsletter, {month} {year}",
        "Season's Greetings from KITA",
    ),
}
# A paragraph linking to an earlier newsletter: (before, link text, after).
BOARD_LINK_PARTS = (
    ("This follows the ", "newsletter of {month}", ", which reported the first results."),
    ("See also ", "our earlier report", " on the same market."),
)

# The item the contract quotes (older path, July 2022), and its neighbours' sections.
SEED_INSIGHTS_NO = 20
SEED_INSIGHTS_DATE = date(2022, 7, 4)
SEED_INSIGHTS_HITS = 1879
SEED_INSIGHTS_CATEGORY = "KITA News"
SEED_NEIGHBOUR_CATEGORIES = ("KITA News", "KGPC News")  # older, newer
# KITA Insights moved to the current framework's paths about October 2022
# (insightsId 24 is seen there in October-November).
MOVE_DATE = date(2022, 10, 1)
SEEN_NEWER_NO = 24

# -- the Photo Gallery ------------------------------------------------------------

# The site cuts titles at this many characters, mid-word or not, with no ellipsis.
PHOTO_TITLE_LIMIT = 69
PHOTO_TITLES = (
    "KITA Supports Business Travel of Korean Firms to {country} via Chartered Flights",
    "KITA Chairman {chair} Meets {country} Ambassador at Trade Tower in Seoul",
    "{year} Korea-{country} {event} Held at COEX with Buyers from {n1} Countries",
    "KITA Delivers Masks and Hand Sanitizer to SMEs Exporting to {country} and {country2}",
    "KITA Signs MOU with {country} Chamber of Commerce",
    "Trade Academy Graduation Ceremony",
    "KITA Holds {event} with {country}",
)
CAPTIONS = (
    "The Korea International Trade Association (Chairman: {chair}) held the {event} with"
    " {country} in {city} on {month} {day}.",
    "About {n1} employees of Korean companies left Incheon International Airport for {city}"
    " on a chartered flight arranged by KITA.",
    "Participants pose for a photo after the opening session.",
    "KITA plans to hold similar programs for the {country2} market in the second half.",
)
# Korean file names: the date, what the photo shows, a running number.
KOREAN_PHOTO_NAMES = (
    "{date} 전세기 활용 국내기업 {country_ko} 입국 지원-{k}.jpg",
    "{date} 무역협회 {country_ko} 대사 면담-{k}.jpg",
    "{date} 한-{country_ko} 비즈니스 상담회-{k}.JPG",
    "{date} 업무협약 체결식_{k}.jpg",
)
ASCII_PHOTO_NAMES = ("IMG_{n4}.JPG", "DSC0{n4}.jpg", "kita_photo_{k}.png")
COUNTRY_KO = {
    "Russia": "러시아", "India": "인도", "Vietnam": "베트남", "Indonesia": "인도네시아",
    "Uzbekistan": "우즈베키스탄", "Mexico": "멕시코", "Poland": "폴란드", "Germany": "독일",
    "Japan": "일본", "China": "중국", "Australia": "호주", "Chile": "칠레",
}  # fmt: skip

# The item the contract quotes (April 2020): its title as the site cut it, four
# images named in Korean, and text under them.
SEED_PHOTO_NO = 923
SEED_PHOTO_DATE = date(2020, 4, 29)
SEED_PHOTO_HITS = 572
SEED_PHOTO_TITLE = "KITA Supports Business Travel of Korean Firms to Vietnam via Chartered Flights"
SEED_PHOTO_NAMES = tuple(
    f"2020-04-29 전세기 활용 국내기업 베트남 입국 지원-{k}.jpg" for k in (11, 12, 13, 14)
)
SEED_PHOTO_TEXT = (
    "Employees of Korean companies bound for Van Don, Vietnam, check in at Incheon"
    " International Airport on April 29.",
    "KITA arranged the chartered flight with the Vietnamese authorities so that the firms'"
    " production lines in Vietnam keep running.",
)
