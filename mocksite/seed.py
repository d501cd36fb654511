"""The real article the site contract quotes (news no. 2530), copied as data.

``build_board`` gives this article its real id, date, text and neighbours'
titles whenever id 2530 falls inside the board, so tests can check the
imitation against the page the contract describes.
"""

from __future__ import annotations

from datetime import date

SEED_NO = 2530
SEED_DATE = date(2020, 9, 23)
SEED_HITS = 2104
SEED_TITLE = "KITA Held 'Korea-Russia Business Dialogue'"
SEED_SUBTITLE = (
    "To celebrate 30th anniversary of Korea-Russia Diplomatic Relation... Discussed cooperation"
    " measures in manufacturing, information and communication technology (ICT), biotechnology"
    " areas"
)
SEED_PARAGRAPHS = (
    "The Korea International Trade Association (Chairman: Kim Young-ju) held ‘The 12th"
    " Korea-Russia Business Dialogue Celebrating the 30th Anniversary of Korea-Russia Diplomatic"
    " Relation’ online on September 22nd in cooperation with the Russian Chamber of Commerce and"
    " Industry and RosCongress.",
    "The event was co-hosted by Chairman Kim Young-ju of the Korea International Trade Assocition"
    " and President Sergey Katyrin of the Russian Chamber of Commerce and Industry. Related"
    " personnel including Deputy Minister Park Ki-young of the Ministry of Trade, Industry and"
    " Energy and Deputy Minister Alexander Morozov of the Ministry of Industry and Trade of the"
    " Russian Federation along with officials from SK Bio Science, KT, Hyundai Motors, United"
    " Shipbuilding Corporation (USC), Yandex, Russian Direct Investment Fund (RDIF), and Far East"
    " Federation University participated in the event.",
    "Chairman Kim Young-ju said, “Economic cooperation between the two countries has been closely"
    " promoted, centering on the manufacturing and infrastructure industries, with the Korean"
    " government's New Northern Policy and Russia's New Eastern Policy,” and added, “Since both"
    " countries have advanced technologies in the IT and biotechnology areas, they will be able to"
    " build shared growth through cooperation in new fields amid the changing global market order"
    " in the post-pandemic era.”",
    "President Sergey Katyrin stated, “Korea is one of the most important partner countries in"
    " Asia,” and added, “Although there are many physical limitations due to the pandemic, we will"
    " continue to make our efforts to support exchanges between companies and discover new"
    " cooperative projects through the Korea-Russia business dialogue.”",
    "Deputy Minister Park Ki-young of the Ministry of Trade, Industry and Energy, said, “After the"
    " outbreak of COVID-19, the global value chain map has changed rapidly and the"
    " non-face-to-face innovation industry and the digital economy have emerged. The potential for"
    " cooperation between the two countries in new industries such as future vehicles, bio,"
    " materials, parts, and equipment is infinate,” and added, “The government will also support"
    " the expansion of government and private cooperation channels, and will spare no effort to"
    " expand face-to-face exchanges such as support for businessmen leaving the country in line"
    " with the improvement of the COVID-19 situation.”",
    "On the day, participants shared the achievements of economic cooperation between the two"
    " countries for 30 years after the diplomatic relations, and discussed plans for cooperation in"
    " manufacturing industries, including automobiles and shipbuilding, establishment of a"
    " quarantine response system utilizing information and communication technology (ICT), and new"
    " industry cooperation measures such as cooperation in development and production of COVID-19"
    " vaccines.",
    "Cho Hak-hee, head of International Affairs Group at the Korea International Trade"
    " Association, said, “It is difficult to move physically due to the spred of COVID-19, but we"
    " will try to make the Korea-Russia business dialogue continue to fulfill its role as a channel"
    " for private economic cooperation between the two countries by holding video conferences,"
    " etc. depending on the changing environment.”",
)
# The seed page names its two neighbours without saying which is which; here the
# first one shown is the older post.
SEED_PREV_TITLE = "KITA-Lawmaker Jung Tae-ho Held Meeting for Ventures and Startups"
SEED_NEXT_TITLE = "KITA Held Webinar on 'Stabilization of Global Distribution in Post-COVID-19 Era'"
