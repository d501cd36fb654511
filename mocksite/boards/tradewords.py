"""Korean trade news as the imitation writes it: word pools and one article's text.

KITA's 무역뉴스 carries news of trade from the press and the association
itself, in Korean: nouns with their particles attached (``반도체가``,
``관세를``), compounds written as one word (``시스템반도체``, ``보복관세``),
some English (``HBM``, ``FTA``), a Chinese character for a country in
headlines (``美``). :func:`compose` writes one article's text from the
board's seed and the article's id alone, so a board of 20,000 articles keeps
no text in memory: a page is written when it is asked for.

Search must find a noun wherever it stands inside a word and nowhere else:
some sentences hold look-alikes of the nouns the tests search for, split
across two words (``한반도 체제`` holds 반도 and 체 but no 반도체; ``연구기관
세미나`` no 관세); :data:`SEARCHED` lists those nouns.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

# Nouns the tests and the benchmark search for (two and three syllables).
SEARCHED = ("관세", "반도체")

# Each article has a topic: its nouns, their compounds, its headlines.
TOPICS: dict[str, tuple[str, ...]] = {
    "관세": ("관세", "보복관세", "상호관세", "관세율", "무관세", "관세청", "고율관세", "관세장벽"),
    "반도체": ("반도체", "시스템반도체", "차량용반도체", "반도체법", "HBM", "파운드리", "메모리"),
    "자동차": ("자동차", "전기차", "완성차", "자동차부품", "수소차", "친환경차"),
    "배터리": ("배터리", "이차전지", "양극재", "리튬", "전고체배터리"),
    "물류": ("물류", "해상운임", "컨테이너", "항만", "물류비", "선복량"),
    "에너지": ("에너지", "원유", "액화천연가스", "재생에너지", "탄소국경조정제도"),
    "농식품": ("농식품", "케이푸드", "라면", "김치", "수산물"),
    "공급망": ("공급망", "핵심광물", "요소수", "희토류", "공급망안정"),
    "환율": ("환율", "원달러환율", "외환시장", "달러강세"),
    "협정": ("자유무역협정", "FTA", "경제동반자협정", "디지털무역협정", "통상협정"),
}
TOPIC_WEIGHTS = (18, 13, 10, 8, 9, 8, 7, 10, 8, 9)
GENERAL = (
    "무역", "수출", "수입", "기업", "정부", "시장", "중소기업", "대기업", "산업", "경제",
    "투자", "협력", "지원", "전망", "실적", "물량", "가격", "규제", "정책", "통상",
    "수요", "생산", "매출", "업계", "현지", "바이어", "상담회", "박람회", "계약", "성장",
)  # fmt: skip
ORGS = (
    "한국무역협회", "산업통상자원부", "코트라", "기획재정부", "국제무역통상연구원",
    "무역협회", "중소벤처기업부", "한국은행",
)  # fmt: skip
COUNTRIES = ("미국", "중국", "일본", "베트남", "인도", "독일", "멕시코", "인도네시아", "유럽연합")
HEADLINE_COUNTRY = ("美", "中", "日", "EU", "印")
PLACES = ("서울 삼성동 트레이드타워", "부산 벡스코", "인천 송도", "코엑스", "대구 엑스코")
VERBS_UP = ("늘었다", "증가했다", "확대됐다", "반등했다", "호조를 보였다")
VERBS_DOWN = ("줄었다", "감소했다", "둔화됐다", "위축됐다")
ACTIONS = ("발표했다", "밝혔다", "강조했다", "전망했다", "분석했다", "추진한다고 밝혔다")
SOURCES = ("연합뉴스", "뉴시스", "한국경제", "매일경제", "서울경제", "한국무역협회", "이데일리")
CATEGORIES = ("통상", "무역", "산업", "물류", "금융", "정책")
# Sentences that hold two words looking like a searched noun across the space between them.
LOOK_ALIKES = (
    "한반도 체제 안정이 교역 여건에 영향을 준다는 분석도 나왔다.",
    "연구기관 세미나에서는 신흥시장 진출 전략이 논의됐다.",
    "한반도 체류 외국인 근로자 고용 문제도 함께 다뤄졌다.",
)
ENGLISH = (
    "KITA는 올해 수출 목표를 7,000억 달러로 제시했다.",
    "이번 조치는 WTO 규범과 USMCA 원산지 규정을 고려한 것이다.",
    "업계는 AI 데이터센터 투자 확대가 수요를 이끌 것으로 내다봤다.",
)
FILE_NAMES = (
    "{year}년 {month}월 수출입 동향.pdf",
    "[보도자료] {topic} 수출 전망({year}).hwp",
    "{topic} 업계 간담회 결과.pdf",
    "참가신청서_{topic} 상담회.hwpx",
    "붙임_{topic} 지원사업 공고문.pdf",
)
# How often a page shows a site id: 2 most, 1 and 6 less (SITE.md: 1, 2 or 6, mixed).
SITE_IDS = ((2, 55), (1, 30), (6, 15))


def has_batchim(word: str) -> bool:
    """Does the word end in a consonant (a Hangul syllable with a final; a Latin letter)?"""
    last = word[-1]
    if "\uac00" <= last <= "\ud7a3":
        return (ord(last) - 0xAC00) % 28 != 0
    return last.isascii() and last.isalpha() and last.upper() in "BLMN"


def josa(word: str, pair: str) -> str:
    """`word` with the particle of `pair` ("은는", "이가", "을를", "과와") that fits it."""
    return word + (pair[0] if has_batchim(word) else pair[1])


@dataclass(frozen=True, slots=True)
class TradeFile:
    name: str
    seq: str
    dtl_seq: str


@dataclass(frozen=True, slots=True)
class TradeText:
    """What one article's page says: title, head block, paragraphs, files."""

    title: str
    source: str
    category: str
    paragraphs: tuple[str, ...]
    files: tuple[TradeFile, ...]
    # A paragraph's link to an older article of the board, written without its site id
    # and with the portal's log parameter (a trap: one article per id, whatever the URL).
    linked_no: int | None = None

    @property
    def head(self) -> str:
        """The head block as a correct crawler keeps it (``articles.category``)."""
        return f"출처: {self.source}; 분류: {self.category}"


def site_id_of(seed: int, no: int) -> int:
    rng = random.Random(seed * 1_000_003 + no * 7 + 1)
    return rng.choices([site for site, _ in SITE_IDS], [w for _, w in SITE_IDS])[0]


def _sentence(rng: random.Random, topic: str) -> str:
    nouns = TOPICS[topic]
    noun = rng.choice(nouns)
    other = rng.choice(GENERAL)
    org = rng.choice(ORGS)
    country = rng.choice(COUNTRIES)
    pct = f"{rng.randint(1, 40)}.{rng.randint(0, 9)}"
    forms = (
        lambda: (
            f"{josa(org, '은는')} {country} {josa(noun, '과와')} 관련한"
            f" {josa(other, '을를')} {rng.choice(ACTIONS)}."
        ),
        lambda: (
            f"{country}향 {noun} {josa(other, '이가')} 전년 동기 대비 {pct}%"
            f" {rng.choice(VERBS_UP if rng.random() < 0.6 else VERBS_DOWN)}."
        ),
        lambda: f"{josa(noun, '은는')} {country} 시장에서 {other} 경쟁이 치열해지고 있다.",
        lambda: (
            f"업계에 따르면 {noun} 분야의 {josa(rng.choice(nouns), '을를')} 둘러싼"
            f" {josa(other, '이가')} 커지고 있다."
        ),
        lambda: f"{josa(org, '은는')} {rng.choice(PLACES)}에서 '{noun} {other} 설명회'를 열었다.",
        lambda: f"{josa(country, '은는')} 최근 {noun}에 대한 {josa('규제', '을를')} 강화했다.",
        lambda: (
            f"전문가들은 {noun} {josa(other, '이가')} 하반기에도 이어질 것으로"
            f" {rng.choice(ACTIONS)}."
        ),
        lambda: (
            f"이에 따라 {josa('중소기업', '은는')} {noun} 관련 {josa(other, '을를')} 서두르고 있다."
        ),
    )
    return rng.choice(forms)()


def _title(rng: random.Random, topic: str) -> str:
    noun = rng.choice(TOPICS[topic])
    other = rng.choice(GENERAL)
    forms = (
        lambda: f"{rng.choice(HEADLINE_COUNTRY)} {noun} 조치에 {other} 비상… 업계 대응 분주",
        lambda: f"{rng.choice(ORGS)}, {noun} {other} 지원 확대",
        lambda: f"[{topic}] {rng.choice(COUNTRIES)} {noun} {other} 동향",
        lambda: (
            f"{josa(noun, '이가')} 끌고 {josa(other, '이가')} 밀고…"
            f" {rng.randint(1, 12)}월 수출 호조"
        ),
        lambda: f"“{noun} 리스크 커진다” {other} 점검 회의 열려",
    )
    return rng.choice(forms)()


@lru_cache(maxsize=8192)
def compose(seed: int, no: int, posted: date) -> TradeText:
    """Article `no`'s text on a board built from `seed` (the same every time it is asked)."""
    rng = random.Random(seed * 1_000_003 + no)
    topic = rng.choices(list(TOPICS), TOPIC_WEIGHTS)[0]
    second = rng.choices(list(TOPICS), TOPIC_WEIGHTS)[0]
    paragraphs = []
    for _ in range(rng.randint(4, 8)):
        sentences = [
            _sentence(rng, topic if rng.random() < 0.85 else second)
            for _ in range(rng.randint(2, 5))
        ]
        roll = rng.random()
        if roll < 0.04:
            sentences.insert(rng.randint(0, len(sentences)), rng.choice(LOOK_ALIKES))
        elif roll < 0.1:
            sentences.append(rng.choice(ENGLISH))
        paragraphs.append(" ".join(sentences))
    files: list[TradeFile] = []
    if rng.random() < 0.25:
        for k in range(rng.choice((1, 1, 2))):
            name = rng.choice(FILE_NAMES).format(year=posted.year, month=posted.month, topic=topic)
            seq = str(50_000 + (no * 3 + k) % 40_000)
            dtl = f"{random.Random(no * 31 + k).getrandbits(128):032X}"
            files.append(TradeFile(name, seq, dtl))
    linked = no - rng.randint(20, 400) if rng.random() < 0.1 else None
    return TradeText(
        title=_title(rng, topic),
        source=rng.choice(SOURCES),
        category=rng.choice(CATEGORIES),
        paragraphs=tuple(paragraphs),
        files=tuple(files),
        linked_no=linked if linked is not None and linked > 0 else None,
    )
