#!/usr/bin/env python3
"""Builds examples/corpus.jsonl: the two Arabic seed articles on the 26 January 2021 Biden-Putin call,
a lightly edited copy of one of them (a near-duplicate), short accounts of the same call in English and
Russian, and short documents on unrelated events in all three languages (so clustering has something
to separate). The two wires' accounts of the Iceland eruption differ on one figure, as reports at the
time did: about 30 km from Reykjavik (in a straight line) in English, 40 km (by road) in Russian, so
the example shows a conflict of numbers between two outlets. Standard library only; run from anywhere: python3 examples/make_corpus.py"""
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def seed(name):
    return (HERE / "seeds" / name).read_text(encoding="utf-8")


def lightly_edited(text):
    # A copy an aggregator might publish: a few words swapped, one phrase dropped, a tagline added.
    edits = [("أجرى الرئيسان", "أجرى الزعيمان"), ("اليوم الثلاثاء", "الثلاثاء"),
             ("مكالمة هاتفية لأول مرة", "أول مكالمة هاتفية"), (" في وقت سابق", "")]
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text + "\nتابعونا على مواقع التواصل الاجتماعي."


DOCS = [
    dict(id="seed-000", lang="ar", date="2021-01-27", source="ISNA (Arabic)",
         title="أول محادثة هاتفية بين بايدن وبوتين", text=seed("000_9274d6cb67e41f49.txt")),
    dict(id="seed-003", lang="ar", date="2021-01-26", source="Anadolu (Arabic)",
         title="بوتين وبايدن يجريان أول اتصال هاتفي", text=seed("003_ad5a4faa5cc51cb6.txt")),
    dict(id="seed-003-copy", lang="ar", date="2021-01-27", source="aggregator",
         title="بوتين وبايدن يجريان أول اتصال هاتفي", text=lightly_edited(seed("003_ad5a4faa5cc51cb6.txt"))),
    dict(id="call-en-wh", lang="en", date="2021-01-26", source="wire (English)",
         title="Biden raises Navalny, SolarWinds in first call with Putin",
         text="President Joe Biden spoke with Russian President Vladimir Putin on Tuesday for the first time "
              "since taking office, the White House said. According to the White House readout, the two "
              "leaders agreed to complete the extension of the New START treaty by February 5. Biden raised "
              "the poisoning and arrest of Alexei Navalny, the SolarWinds hack, interference in the 2020 "
              "election and reported bounties on American soldiers in Afghanistan. He reaffirmed strong "
              "support for Ukraine's sovereignty, press secretary Jen Psaki told reporters."),
    dict(id="call-en-kremlin", lang="en", date="2021-01-26", source="wire (English)",
         title="Kremlin says Putin congratulated Biden, call was business-like",
         text="Vladimir Putin congratulated Joe Biden on his inauguration in their first phone call on Tuesday, "
              "the Kremlin said in a statement. Putin told Biden that normalizing relations between Russia and "
              "the United States would serve the interests of both countries. The leaders expressed satisfaction "
              "with the exchange of diplomatic notes on extending the New START treaty, and discussed the Open "
              "Skies treaty, Iran's nuclear programme and the fight against the coronavirus. The Kremlin described "
              "the conversation as frank and business-like."),
    dict(id="call-ru", lang="ru", date="2021-01-26", source="newswire (Russian)",
         title="Путин и Байден провели первый телефонный разговор",
         text="Президент России Владимир Путин провёл во вторник телефонный разговор с президентом США Джо "
              "Байденом, сообщили в Кремле. Путин поздравил Байдена со вступлением в должность. По словам "
              "пресс-службы Кремля, стороны выразили удовлетворение обменом дипломатическими нотами о продлении "
              "Договора СНВ-3. Путин заявил, что нормализация отношений отвечала бы интересам обеих стран. "
              "Разговор носил деловой и откровенный характер."),
    dict(id="volcano-en-1", lang="en", date="2021-03-20", source="wire (English)",
         title="Volcano erupts near Reykjavik after weeks of earthquakes",
         text="A volcano erupted on Friday evening in the Geldingadalur valley on Iceland's Reykjanes peninsula, "
              "about 30 kilometres from Reykjavik, after weeks of intense earthquakes. The Icelandic "
              "Meteorological Office said lava was flowing from a fissure about 500 metres long. Authorities "
              "said there was no danger to nearby towns and flights at Keflavik airport continued."),
    dict(id="volcano-en-2", lang="en", date="2021-03-21", source="broadcaster (English)",
         title="Crowds hike to see Iceland lava fissure",
         text="Hundreds of people hiked across the Reykjanes peninsula on Saturday to see lava flowing from the "
              "new fissure in Geldingadalur, the first eruption there in about 800 years. The Icelandic "
              "Meteorological Office warned visitors about volcanic gases, and police closed the path at night. "
              "Scientists said the eruption was small and the lava was unlikely to reach roads or towns."),
    dict(id="volcano-ru", lang="ru", date="2021-03-20", source="newswire (Russian)",
         title="В Исландии началось извержение вулкана",
         text="В долине Гельдингадалир на полуострове Рейкьянес в Исландии, в 40 км от Рейкьявика, вечером в "
              "пятницу началось извержение вулкана после нескольких недель землетрясений. Метеорологическая служба Исландии сообщила, что "
              "лава вытекает из трещины длиной около 500 метров. Власти заявили, что угрозы для населённых "
              "пунктов нет, аэропорт Кефлавик работает в обычном режиме."),
    dict(id="volcano-ru-2", lang="ru", date="2021-03-21", source="newspaper (Russian)",
         title="Туристы идут смотреть на лаву в Исландии",
         text="Сотни людей в субботу отправились пешком на полуостров Рейкьянес, чтобы увидеть лаву, которая "
              "вытекает из новой трещины в долине Гельдингадалир. Метеорологическая служба Исландии "
              "предупредила о вулканических газах, а полиция закрыла тропу на ночь. По данным учёных, извержение "
              "небольшое и лава вряд ли дойдёт до дорог."),
    dict(id="oil-ar-1", lang="ar", date="2021-03-08", source="newspaper (Arabic)",
         title="أسعار النفط تتجاوز 70 دولارا للبرميل",
         text="ارتفعت أسعار النفط يوم الاثنين وتجاوز خام برنت 70 دولارا للبرميل لأول مرة منذ أكثر من عام، بعد "
              "هجوم على منشآت نفطية في رأس تنورة. وقال متعاملون إن قرار منظمة أوبك وحلفائها الإبقاء على خفض "
              "الإنتاج دعم الأسعار أيضا. وأعلنت وزارة الطاقة أن الهجوم لم يسفر عن إصابات أو خسائر في الأرواح."),
    dict(id="oil-ar-2", lang="ar", date="2021-03-09", source="channel (Arabic)",
         title="برنت فوق 70 دولارا بعد هجوم رأس تنورة",
         text="واصلت أسعار النفط مكاسبها بعد أن تجاوز خام برنت مستوى 70 دولارا للبرميل، إثر الهجوم على ميناء "
              "رأس تنورة. وأشار محللون إلى أن التزام أوبك وحلفائها بخفض الإنتاج حتى أبريل يبقي السوق شحيحة، "
              "فيما قالت وزارة الطاقة إن الإمدادات لم تتأثر."),
    dict(id="final-en", lang="en", date="2021-05-29", source="sports desk (English)",
         title="Chelsea beat Manchester City to win the Champions League",
         text="Chelsea won the Champions League for the second time, beating Manchester City 1-0 in the final in "
              "Porto on Saturday. Kai Havertz scored the only goal just before half-time after a pass from Mason "
              "Mount. Manager Thomas Tuchel, appointed in January, said his players had defended with courage."),
]


def main():
    out = HERE / "corpus.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for d in DOCS:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"wrote {len(DOCS)} documents to {out.name}")


if __name__ == "__main__":
    main()
