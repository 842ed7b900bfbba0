"""Checks: tables of (source, translation, expected findings) per language, then whole runs.

Every expected finding is (check id, exact message). The glossary is
tests/checks/glossary.yaml.
"""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.checks import EntryChecker, Issue, _parsed_markup, _simple_markup, parse_suppressions, run_checks
from pipeline.cli import main
from pipeline.config import load_config
from pipeline.glossary import Glossary, load_glossary, parse_glossary
from tests.laws import examples

HERE = Path(__file__).parent
GLOSSARY = HERE / "checks" / "glossary.yaml"


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(GLOSSARY)


@pytest.fixture(scope="module")
def rules_glossary() -> Glossary:
    return load_glossary(HERE / "checks" / "rules.yaml")


def found(glossary: Glossary, lang: str, source: str, translation: str) -> list[tuple[str, str]]:
    issues = EntryChecker(glossary, source_lang="en", lang=lang).check(source, translation)
    return [(i.check, i.message) for i in issues]


def missing(surface: str, term: str, approved: str) -> tuple[str, str]:
    return ("term-missing", f"{surface!r} ({term}) is not translated with an approved term; use {approved}")


def forbidden(bad: str, surface: str, term: str, preferred: str) -> tuple[str, str]:
    return ("term-forbidden", f"{bad!r} is a forbidden translation of {surface!r} ({term}); use {preferred!r}")


def numbers(message: str) -> tuple[str, str]:
    return ("number-mismatch", f"numbers differ from the source: {message}")


KOREAN = [
    # particles and the copula after a term
    ("Herniated discs can cause sciatica.", "추간판 탈출증은 좌골신경통을 일으킬 수 있다.", []),
    ("A herniated disc is common.", "추간판 탈출증이 흔하다.", []),
    ("The cause is a herniated disc.", "원인은 추간판 탈출증입니다.", []),
    ("The cause is a herniated disc.", "원인은 추간판 탈출증이다.", []),
    ("Pain from a herniated disc", "추간판 탈출증으로 인한 통증", []),
    ("Pain from a herniated disc", "추간판 탈출증에서 오는 통증", []),
    ("herniated discs and sciatica", "추간판 탈출증과 좌골신경통", []),
    # optional spaces inside compounds (Korean spacing rules)
    ("Herniated discs can cause sciatica.", "추간판탈출증은 좌골신경통을 일으킬 수 있다.", []),
    ("Mesenchymal stem cells help.", "중간엽줄기세포가 도움이 된다.", []),
    # admitted lay forms
    ("A herniated disc hurts.", "허리 디스크는 아프다.", []),
    # variants of the source term
    ("Disc herniation hurts.", "추간판 탈출증은 아프다.", []),
    # forbidden wordings
    (
        "Herniated discs can cause sciatica.",
        "추간판 헤르니아는 좌골신경통을 일으킬 수 있다.",
        [forbidden("추간판 헤르니아", "Herniated discs", "herniated-disc", "추간판 탈출증")],
    ),
    ("Stem cells repair tissue.", "간세포는 조직을 복구한다.", [forbidden("간세포", "Stem cells", "stem-cell", "줄기세포")]),
    # missing term
    (
        "A herniated disc can cause sciatica.",
        "디스크가 좌골신경통을 일으킬 수 있다.",
        [missing("herniated disc", "herniated-disc", "'추간판 탈출증' (admitted: '디스크 탈출증', '허리 디스크')")],
    ),
    # a term inside a longer word that is another glossary term does not match
    ("The sciatic nerve is compressed.", "좌골신경통이 있다.", [missing("sciatic nerve", "sciatic-nerve", "'좌골신경' (admitted: '궁둥신경')")]),
    ("The sciatic nerve is compressed.", "좌골신경이 눌린다.", []),
    # leftmost-longest in the source: mesenchymal stem cells is one term, not also stem cell
    ("Mesenchymal stem cells (MSCs) reduce inflammation.", "중간엽 줄기세포(MSC)는 염증을 줄인다.", []),
    # inside a compound, Kiwi decides: 줄기세포|주사 are two morphemes
    ("A stem cell injection", "줄기세포주사", []),
    # English inflection in the source: injected -> injection; 하다 after the term
    ("It is injected into the disc.", "디스크에 주사합니다.", []),
    # a forbidden spacing variant makes spacing significant for that term
    ("Nerve root compression", "신경 근 압박", [forbidden("신경 근", "Nerve root", "nerve-root", "신경근")]),
    ("Nerve root compression", "신경근 압박", []),
    # keep terms
    ("Produced under GMP.", "GMP 기준에 따라 생산된다.", []),
    ("Produced under GMP.", "우수 제조 관리 기준에 따라 생산된다.", [("term-keep", "'GMP' (gmp) must appear unchanged in the translation")]),
    ("An MRI scan", "MRI 검사를", []),
    # numbers: ranges, counters, multipliers, Roman numerals, number words
    ("Adults aged 30–70", "30~70세 성인", []),
    ("Adults aged 30–70", "30~60세 성인", [numbers("missing 70; unexpected 60")]),
    ("after 5 months", "5개월 후", []),
    ("five sessions", "5회 시술", []),
    ("5 sessions", "다섯 번의 시술", []),
    ("100,000 patients", "10만 명의 환자", []),
    ("2.5 mg", "2.5mg", []),
    ("Phase III trial", "임상 3상 시험", []),
    ("Phase III trial", "III상 임상시험", []),
    ("Phase III trial", "임상 2상 시험", [numbers("missing III; unexpected 2")]),
    ("Phase I/II trials", "1/2상 임상시험", []),
    ("within 2 weeks", "2주 이내에 7", [numbers("unexpected 7")]),
]

JAPANESE = [
    ("Herniated discs", "椎間板ヘルニア", []),
    ("Herniated discs", "椎間板脱出", [forbidden("椎間板脱出", "Herniated discs", "herniated-disc", "椎間板ヘルニア")]),
    ("Stem cells", "肝細胞", [forbidden("肝細胞", "Stem cells", "stem-cell", "幹細胞")]),
    ("Mesenchymal stem cells", "間葉系幹細胞", []),
    ("The sciatic nerve", "坐骨神経痛がある", [missing("sciatic nerve", "sciatic-nerve", "'坐骨神経'")]),
    ("The sciatic nerve", "坐骨神経が圧迫される", []),
    ("Adults aged 30–70", "30〜70歳の成人", []),
    ("Adults aged 30–70", "３０〜７０歳の成人", []),
    ("Phase III", "第III相", []),
    ("Phase III", "第3相", []),
    ("for 5 weeks", "五週間", []),
    ("1,000 patients", "1000人の患者", []),
    ("10,000 patients", "1万人の患者", []),
    ("10,000 patients", "1000人の患者", [numbers("missing 10,000; unexpected 1000")]),
]

CHINESE = [
    ("Herniated disc", "椎间盘突出症", []),
    ("Herniated disc", "椎间盘突出", []),
    ("Herniated disc", "椎间盘疝", [forbidden("椎间盘疝", "Herniated disc", "herniated-disc", "椎间盘突出症")]),
    ("Stem cells", "肝细胞", [forbidden("肝细胞", "Stem cells", "stem-cell", "干细胞")]),
    ("Mesenchymal stem cells", "间充质干细胞", []),
    ("Phase III", "III期", []),
    ("10,000 patients", "1万名患者", []),
]

RUSSIAN = [
    # case endings
    ("Herniated discs", "Межпозвоночные грыжи", []),
    ("Treatment of herniated discs", "Лечение межпозвоночной грыжи", []),
    ("Treatment of herniated discs", "Лечение межпозвоночных грыж", []),
    ("Stem cells", "стволовых клеток", []),
    ("Stem cells", "стволовыми клетками", []),
    ("injections", "уколы", []),
    (
        "A herniated disc",
        "Дисковая грыжа",
        [forbidden("Дисковая грыжа", "herniated disc", "herniated-disc", "межпозвоночная грыжа")],
    ),
    ("Stem cells", "клетки", [missing("Stem cells", "stem-cell", "'стволовая клетка'")]),
    # a keep term with an admitted Russian form
    ("An MRI scan", "МРТ-исследование", []),
    ("An MRI scan", "MRI-исследование", []),
    ("An MRI scan", "томография", [("term-keep", "'MRI' (mri) must appear unchanged in the translation")]),
    # numbers: decimal comma, space-grouped thousands, a comma that reads as a decimal mark
    ("2.5 mg", "2,5 мг", []),
    ("1,000 patients", "1 000 пациентов", []),
    ("1,000 patients", "1\u00a0000 пациентов", []),
    ("1,000 patients", "1,000 пациентов", [numbers("missing 1,000 (read as 1000); unexpected 1,000 (read as 1)")]),
    ("5 patients", "пяти пациентов", []),
    ("Phase III", "фаза III", []),
    ("Phase III trial", "клиническое исследование III фазы", []),
    ("Phase I/II trials", "исследования I/II фазы", []),
    ("Phase I/II trials", "исследования II фазы", [numbers("missing I")]),
]

ARABIC = [
    ("Herniated disc", "الانزلاق الغضروفي", []),
    ("For a herniated disc", "للانزلاق الغضروفي", []),
    ("With a herniated disc", "بالانزلاق الغضروفي", []),
    ("Herniated disc", "تمزق الغضروف", [forbidden("تمزق الغضروف", "Herniated disc", "herniated-disc", "الانزلاق الغضروفي")]),
    ("with stem cells", "بالخلايا الجذعية", []),
    ("Sciatica", "عِرْق النَّسا", []),
    ("Adults aged 30–70", "البالغون ٣٠–٧٠ عامًا", []),
    ("Adults aged 30–70", "البالغون 30-70 عامًا", []),
    ("A Phase III trial", "تجربة المرحلة الثالثة", []),
    ("Phase I/II trials", "تجارب المرحلتين الأولى والثانية", []),
    ("A Phase III trial", "تجربة المرحلة الثانية", [numbers("missing III")]),
]

# Matching rules added for the committed catalogues, each with the case it must not widen to.
# Glossary: tests/checks/rules.yaml. Rows: (target language, source, translation, findings).
RULES = [
    # ja, zh: a wording at the head or tail of a longer chosen wording counts, the rest being a word
    ("ja", "adipose (fat) tissue", "脂肪組織", []),
    ("ja", "a regenerative-oriented approach", "再生医療志向のアプローチ", []),
    ("ja", "stem cells", "幹細胞移植", []),
    ("zh_Hans", "adipose (fat) tissue", "脂肪组织", []),
    ("zh_Hans", "a regenerative-oriented approach", "以再生医学为导向的方法", []),
    ("zh_Hans", "stem cells", "间充质干细胞", []),
    # ... not before a one-character suffix (坐骨神経痛 is sciatica), nor in the middle
    ("ja", "The sciatic nerve", "坐骨神経痛がある", [missing("sciatic nerve", "sciatic-nerve", "'坐骨神経'")]),
    ("zh_Hans", "The sciatic nerve", "坐骨神经痛", [missing("sciatic nerve", "sciatic-nerve", "'坐骨神经'")]),
    ("ja", "cells", "幹細胞移植", [missing("cells", "cell", "'細胞'")]),
    # ja: the middle dot between katakana words is optional and not part of a word
    ("ja", "a pain clinic", "ペイン・クリニック", []),
    ("ja", "a pain clinic", "ペインクリニック・ガイド", []),
    ("ja", "a pain clinic", "ペインクリニックセンター", [missing("pain clinic", "pain-clinic", "'ペインクリニック'")]),
    # en: the last word of a hyphenated wording inflects (X-ray, X-rays)
    ("ko", "X-rays are taken first.", "먼저 X선을 촬영한다.", []),
    ("ko", "X-rays are taken first.", "먼저 MRI를 촬영한다.", [missing("X-rays", "x-ray", "'X선' (admitted: '엑스레이')")]),
    # a Latin abbreviation keeps its English plural inside any language; another Latin word does not match
    ("ko", "MSCs are used.", "MSCs를 사용한다.", []),
    ("ko", "MSCs are used.", "MSCsx를 사용한다.", [missing("MSCs", "msc", "'중간엽 줄기세포' (admitted: 'MSC')")]),
    ("ja", "MSCs", "MSCsは", []),
    ("ja", "MSCs", "MSCsTは", [missing("MSCs", "msc", "'間葉系幹細胞' (admitted: 'MSC')")]),
    ("ru", "MSCs", "MSCs", []),
    ("ar", "MSCs", "MSCs", []),
    # ru: a noun ending in a consonant, nominative and other cases (синдром, синдрома, синдрому) ...
    ("ru", "The syndrome", "синдром", []),
    ("ru", "The syndrome", "при синдроме", []),
    ("ru", "The syndrome", "к синдрому", []),
    ("ru", "The syndrome", "синдромом", []),
    # ... without making a look-alike word the same: симптом is not синдром
    ("ru", "The syndrome", "симптом", [missing("syndrome", "syndrome", "'синдром'")]),
    ("ru", "The syndrome", "симптому", [missing("syndrome", "syndrome", "'синдром'")]),
    ("ru", "The symptom", "синдромы", [missing("symptom", "symptom", "'симптом'")]),
    # ru: -ием, -иям; reflexive participles; время, времени
    ("ru", "The treatment", "лечением", []),
    ("ru", "The treatment", "по лечениям", []),
    ("ru", "self-renewing cells", "самообновляющиеся клетки", []),
    ("ru", "self-renewing cells", "самообновляющейся клетки", []),
    ("ru", "self-renewing cells", "обновляющиеся клетки", [missing("self-renewing", "self-renewing", "'самообновляющийся'")]),
    ("ru", "recovery time", "времени восстановления", []),
    ("ru", "recovery time", "временем восстановления", []),
    ("ru", "recovery time", "сроки восстановления", [missing("recovery time", "recovery-time", "'время восстановления'")]),
    # ar: ة is written ت before a pronoun or dual suffix; a bare ت-word is another word
    ("ar", "Monitoring it", "مراقبتها", []),
    ("ar", "Monitoring it", "ومراقبته", []),
    ("ar", "Monitoring it", "مراقبت", [missing("Monitoring", "monitoring", "'مراقبة'")]),
    # ar: accusative alef, with or without the tanwin mark
    ("ar", "It needs treatment", "يحتاج علاجا", []),
    ("ar", "It needs treatment", "يحتاج علاجًا", []),
    ("ar", "Pain", "ألما", []),
    # ar: the feminine of a nisba adjective, with or without the article on the adjective
    ("ar", "Non-surgical methods", "الأساليب غير الجراحية", []),
    ("ar", "Non-surgical methods", "أساليب غير جراحية", []),
    # ar: other letters after a wording still make another word: ألماني (German) is not ألم (pain)
    ("ar", "Pain", "ألماني", [missing("Pain", "pain", "'ألم'")]),
    # ar: an indefinite accusative wording of several words: alef after the first word or after each word
    ("ar", "If you take an anticoagulant", "إذا كنت تتناول مضادًا للتخثر", []),
    ("ar", "It needs physical therapy", "يحتاج علاجًا طبيعيًا", []),
    ("ar", "It needs physical therapy", "يحتاج علاجًا طبيعي", []),
    # ... but not an alef after a word that cannot take it, nor another word in its place
    ("ar", "If you take an anticoagulant", "إذا كنت تتناول مضادة للتخثر", [missing("anticoagulant", "anticoagulant", "'مضاد للتخثر'")]),
    ("ar", "It needs physical therapy", "يحتاج علاجًا", [missing("physical therapy", "physical-therapy", "'علاج طبيعي'")]),
    # a case-sensitive term's lowercase expansion may start a sentence capitalised ...
    ("ru", "The MRI takes 30 minutes.", "Магнитно-резонансная томография занимает 30 минут.", []),
    ("ru", "The MRI takes 30 minutes.", "Магнитно-резонансную томографию делают 30 минут.", []),
    # ... while the abbreviation itself keeps its capitals
    ("ru", "The MRI takes 30 minutes.", "мрт занимает 30 минут.", [missing("MRI", "mri", "'МРТ' (admitted: 'магнитно-резонансная томография')")]),
    # full-width Latin letters (Japanese text) are the same letters
    ("ja", "The MRI takes 30 minutes.", "ＭＲＩ検査は約30分です。", []),
    ("ja", "The MRI takes 30 minutes.", "ＭＲ検査は約30分です。", [missing("MRI", "mri", "'MRI'")]),
    # the genitive between the parts of a compound: 인대의 비후, 椎間板の膨隆, 韧带的增厚 ...
    ("ko", "ligament thickening", "인대의 비후", []),
    ("ko", "ligament thickening", "인대의 비후가 있다", []),
    ("ja", "A bulging disc", "椎間板の膨隆", []),
    ("zh_Hans", "ligament thickening", "韧带的增厚", []),
    # ... but not another particle, nor a genitive glued to a word that is not the compound's part
    ("ko", "ligament thickening", "인대와 비후", [missing("ligament thickening", "ligament-thickening", "'인대 비후'")]),
    ("ko", "ligament thickening", "인대의 두께", [missing("ligament thickening", "ligament-thickening", "'인대 비후'")]),
    ("ja", "A bulging disc", "椎間板が膨隆", [missing("bulging disc", "bulging-disc", "'椎間板膨隆'")]),
    # numbers: a unit written after a number must stay the unit (a dose, a duration) ...
    ("ko", "Take 400 mg of ibuprofen.", "이부프로펜 400mg을 복용하세요.", []),
    ("ko", "Take 400 mg of ibuprofen.", "이부프로펜 400g을 복용하세요.", [("number-mismatch", "units differ from the source: 400 mg is 400g")]),
    ("ja", "The MRI takes 30 minutes.", "MRI検査は約30時間です。", [("number-mismatch", "units differ from the source: 30 minutes is 30時間")]),
    ("ru", "Do not lift more than 5 kg.", "Не поднимайте больше 5 г.", [("number-mismatch", "units differ from the source: 5 kg is 5 г")]),
    ("ar", "after 3 months", "بعد 3 أسابيع", [("number-mismatch", "units differ from the source: 3 months is 3 أسابيع")]),
    ("zh_Hans", "for 6–12 weeks", "6至12个月", [("number-mismatch", "units differ from the source: 12 weeks is 12个月")]),
    # ... but a unit on one side only, a range writing it once or twice, or another script's unit word is no change
    ("ko", "for 6–12 weeks", "6~12주 동안", []),
    ("ja", "for 6–12 weeks", "6週間～12週間", []),
    ("zh_Hans", "Do not lift more than 5 kg.", "不要提超过5千克的重物。", []),
    ("ru", "in 80–90% of patients", "у 80–90 % пациентов", []),
    ("ar", "in 80–90% of patients", "لدى ٨٠–٩٠٪ من المرضى", []),
    ("ko", "3 times a day", "하루 3회", []),
    ("ja", "3 times a day", "1日3回", []),
    ("ja", "3 times", "1日3回", [numbers("unexpected 1")]),
    # numbers in words: a dual, half an hour, a bare singular unit, a CJK range in numerals
    ("ar", "after 2 weeks", "بعد أسبوعين", []),
    ("ar", "in about 1 hour", "في نحو ساعة واحدة", []),
    ("ar", "for 1–3 months", "لمدة تتراوح بين شهر و3 أشهر", []),
    ("ar", "for 2–3 months", "لمدة 3 أشهر", [numbers("missing 2")]),
    ("ru", "about 30 minutes", "около получаса", []),
    ("ru", "about 1 hour", "около часа", []),
    ("ru", "500 µg daily for 1 month", "по 500 мкг в день в течение месяца", []),
    ("ru", "1–3 hours", "2–3 часа", [numbers("missing 1; unexpected 2")]),
    ("ru", "About 1 in 10 patients", "каждому десятому пациенту", []),
    ("zh_Hans", "for 1–3 months", "一至三个月", []),
    ("zh_Hans", "after 4 to 6 weeks", "四到六周后", []),
    ("zh_Hans", "after 4 to 6 weeks", "四到八周后", [numbers("missing 6")]),
    # a range with its ends swapped holds the same numbers: its order tells ...
    ("ko", "Ice for 15–20 minutes.", "20~15분 동안 얼음찜질을 하세요.", [("number-mismatch", "range reversed: 15–20 became 20~15")]),
    ("ru", "for 6-8 weeks", "за 8–6 недель", [("number-mismatch", "range reversed: 6-8 became 8–6")]),
    ("ja", "Call 9:00-18:00.", "18:00〜9:00にお電話ください。", [("number-mismatch", "range reversed: 9:00-18:00 became 18:00〜9:00")]),
    # ... but a range falling on both sides (overnight), or numbers that are no range, are no change
    ("ru", "Open 22:00–6:00.", "Открыто с 22:00 до 6:00.", []),
    ("ko", "aged 18 to 80", "80세 이하, 18세 이상", []),
    # litres, lengths and Fahrenheit are units too; a vertebra level's L is not a litre
    ("ja", "Use 0.5 mL.", "0.5 Lを使用します。", [("number-mismatch", "units differ from the source: 0.5 mL is 0.5 L")]),
    ("ru", "It measured 1.5 cm.", "Размер составил 1,5 мм.", [("number-mismatch", "units differ from the source: 1.5 cm is 1,5 мм")]),
    ("zh_Hans", "above 37.5 °C", "超过37.5 °F", [("number-mismatch", "units differ from the source: 37.5 °C is 37.5 °F")]),
    ("ko", "The L4-L5 disc after 4 weeks", "4주 후 L4-L5 디스크", []),
    # a price keeps its currency, written before or after the amount
    ("ko", "An MRI costs about $1,200.", "MRI는 약 ₩1,200입니다.", [("number-mismatch", "units differ from the source: $1,200 is ₩1,200")]),
    ("ru", "An MRI costs about $1,200.", "МРТ стоит около 1200 $.", []),
    ("ko", "It costs ₩150,000.", "15만 원입니다.", []),
    # a dose per kilogram of body weight stays per kilogram (written with a slash or in words) ...
    ("ko", "Take 5 mg/kg.", "5 mg를 복용하세요.", [("number-mismatch", "units differ from the source: 5 mg/kg is 5 mg")]),
    ("ru", "Take 5 mg.", "Принимайте 5 мг/кг.", [("number-mismatch", "units differ from the source: 5 mg is 5 мг/кг")]),
    ("ko", "Take 5 mg/kg.", "체중 1 kg당 5 mg를 복용하세요.", []),
    ("zh_Hans", "Take 5 mg/kg.", "每公斤体重5毫克。", []),
    ("ru", "Take 5 mg/kg.", "Принимайте по 5 мг на килограмм массы тела.", []),
    # a schedule in words must be kept, in digits or in words
    ("ru", "twice a week", "три раза в неделю", [numbers("missing twice a week")]),
    ("zh_Hans", "for half an hour", "一小时", [numbers("missing half an hour")]),
    ("ru", "twice a week", "дважды в неделю", []),
    ("ko", "twice a day for half an hour", "하루 두 번 30분씩", []),
    ("ar", "twice a week", "مرتين في الأسبوع", []),
    ("ja", "twice a week for half an hour", "週2回、30分間", []),
]

MARKUP = [
    ("See [the guide](https://example.org/guide).", "[안내서](https://example.org/guide)를 참고하세요.", []),
    (
        "See [the guide](https://example.org/guide).",
        "[안내서](https://evil.example/guide)를 참고하세요.",
        [("markup-mismatch", "link target changed: 'https://example.org/guide' became 'https://evil.example/guide'")],
    ),
    (
        "See [the guide](https://example.org/guide).",
        "안내서를 참고하세요.",
        [("markup-mismatch", "link to 'https://example.org/guide' is missing from the translation")],
    ),
    ("See the guide.", "[안내서](javascript:alert(1))를 참고하세요.", [("markup-mismatch", "translation adds a link to 'javascript:alert(1)'")]),
    ("![Spine MRI](img/mri.png)", "척추 MRI", [("markup-mismatch", "image 'img/mri.png' is missing from the translation")]),
    ("![Spine MRI](img/mri.png)", "![척추 MRI](img/mri.png)", []),
    ("This is *not* a cure.", "이것은 치료법이 아니다.", [("markup-mismatch", "emphasis (*...*) differs: source has 1, translation has 0")]),
    ("This is a cure.", "이것은 **치료법**이다.", [("markup-mismatch", "strong emphasis (**...**) differs: source has 0, translation has 1")]),
    ("Run `medloc check`.", "`medloc check`를 실행하세요.", []),
    ("Run `medloc check`.", "`메드록 검사`를 실행하세요.", [("markup-mismatch", "inline code `medloc check` became `메드록 검사`")]),
    (
        "Call us.",
        "<script>alert(1)</script>전화하세요.",
        [numbers("unexpected 1"), ("markup-mismatch", "translation adds HTML '<script>'")],
    ),
    # footnote references are markup: losing or relabelling one loses the note; their labels are no numbers
    ("Contains 2 mL.[^1]", "2 mL가 들어 있다.", [("markup-mismatch", "footnote reference [^1] is missing from the translation")]),
    ("See the note.[^note]", "참고.[^nota]", [("markup-mismatch", "footnote reference [^note] became [^nota]")]),
    ("See the note.[^note]", "참고.[^note]", []),
    # link targets and code are not prose: no terms or numbers are read from them
    ("See [stem cells](https://x.org/herniated-disc-3)", "[줄기세포](https://x.org/herniated-disc-3) 참고", []),
]


@pytest.mark.parametrize("source, translation, expected", KOREAN)
def test_korean(glossary: Glossary, source: str, translation: str, expected: list[tuple[str, str]]) -> None:
    assert found(glossary, "ko", source, translation) == expected


@pytest.mark.parametrize("source, translation, expected", JAPANESE)
def test_japanese(glossary: Glossary, source: str, translation: str, expected: list[tuple[str, str]]) -> None:
    assert found(glossary, "ja", source, translation) == expected


@pytest.mark.parametrize("source, translation, expected", CHINESE)
def test_chinese(glossary: Glossary, source: str, translation: str, expected: list[tuple[str, str]]) -> None:
    assert found(glossary, "zh_Hans", source, translation) == expected


@pytest.mark.parametrize("source, translation, expected", RUSSIAN)
def test_russian(glossary: Glossary, source: str, translation: str, expected: list[tuple[str, str]]) -> None:
    assert found(glossary, "ru", source, translation) == expected


@pytest.mark.parametrize("source, translation, expected", ARABIC)
def test_arabic(glossary: Glossary, source: str, translation: str, expected: list[tuple[str, str]]) -> None:
    assert found(glossary, "ar", source, translation) == expected


@pytest.mark.parametrize("lang, source, translation, expected", RULES)
def test_matching_rules(rules_glossary: Glossary, lang: str, source: str, translation: str, expected: list[tuple[str, str]]) -> None:
    assert found(rules_glossary, lang, source, translation) == expected


@pytest.mark.parametrize("source, translation, expected", MARKUP)
def test_markup(glossary: Glossary, source: str, translation: str, expected: list[tuple[str, str]]) -> None:
    assert found(glossary, "ko", source, translation) == expected


def test_severities(glossary: Glossary) -> None:
    checker = EntryChecker(glossary, source_lang="en", lang="ko")
    issues = checker.check("A *herniated disc* and [x](a.html) 5 times", "추간판 헤르니아, 간세포 [x](b.html) 6회")
    assert {(i.check, i.severity) for i in issues} == {
        ("term-forbidden", "error"),
        ("number-mismatch", "error"),
        ("markup-mismatch", "error"),
        ("markup-mismatch", "warning"),
    }
    assert EntryChecker(glossary, source_lang="en", lang="ko").check("A herniated disc", "디스크")[0].severity == "warning"


def test_without_glossary_only_integrity_checks_run() -> None:
    issues = EntryChecker(None, source_lang="en", lang="ko").check("Herniated disc at 30", "추간판 헤르니아 31")
    assert issues == [Issue("number-mismatch", "error", "numbers differ from the source: missing 30; unexpected 31")]


def test_suppression_comments_parse() -> None:
    parsed = parse_suppressions(
        [
            "reviewed by Dr. Kim",
            "medloc-ignore: term-missing[herniated-disc] lay form in a heading",
            "medloc-ignore: number-mismatch, markup-mismatch",
        ]
    )
    assert [(s.check, s.term, s.reason) for s in parsed] == [
        ("term-missing", "herniated-disc", "lay form in a heading"),
        ("number-mismatch", None, None),
        ("markup-mismatch", None, None),
    ]


# --------------------------------------------------------------------------- whole runs


PO_HEADER = """\
msgid ""
msgstr ""
"Project-Id-Version: {slug}\\n"
"Language: {lang}\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"
"X-Source-Language: en\\n"
"""


def write_po(root: Path, lang: str, slug: str, body: str, *, header_lang: str | None = None) -> Path:
    path = root / "locales" / lang / "LC_MESSAGES" / f"{slug}.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    header = PO_HEADER.format(slug=slug, lang=lang if header_lang is None else header_lang)
    path.write_text(header + "\n" + textwrap.dedent(body), encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text('[tool.medloc]\nsource_language = "en"\nlanguages = ["en", "ko", "ru"]\n')
    (tmp_path / "locales").mkdir()
    shutil.copy(GLOSSARY, tmp_path / "locales" / "glossary.yaml")
    write_po(
        tmp_path,
        "ko",
        "disc",
        """\
        #: docs/disc.md:3
        msgid "Herniated discs can cause sciatica."
        msgstr "추간판 헤르니아는 좌골신경통을 일으킬 수 있다."

        # medloc-ignore: term-missing[herniated-disc] the heading uses the lay form
        #: docs/disc.md:5
        msgid "About herniated discs"
        msgstr "디스크에 대하여"

        #: docs/disc.md:7
        msgid "Stem cells"
        msgstr "줄기세포"

        #, fuzzy
        #: docs/disc.md:9
        msgid "Adults aged 30–70"
        msgstr "30~60세 성인"
        """,
    )
    write_po(
        tmp_path,
        "ko",
        "stem",
        """\
        #: docs/stem.md:3
        msgid "Stem cells"
        msgstr "줄기 세포"

        #: docs/stem.md:5
        msgid "The sciatic nerve"
        msgstr "좌골신경"
        """,
    )
    return tmp_path


def test_run_over_the_project(project: Path) -> None:
    result = run_checks(load_config(project))
    shown = [(f.path, f.line, f.check, f.suppressed) for f in result.findings]
    ko = "locales/ko/LC_MESSAGES"
    assert shown == [
        (f"{ko}/disc.po", 13, "term-forbidden", False),
        (f"{ko}/disc.po", 18, "term-missing", True),
        (f"{ko}/stem.po", 13, "inconsistent", False),
    ]
    assert result.entries == 5
    assert result.files == (f"{ko}/disc.po", f"{ko}/stem.po")
    assert result.fails("error") and result.fails("warning")
    assert result.counts() == {"errors": 1, "warnings": 1, "infos": 0, "suppressed": 1}
    inconsistent = result.findings[-1]
    assert inconsistent.message == (
        f"translated differently at {ko}/disc.po:22: '줄기세포'; use one translation or give the entries a msgctxt"
    )


def test_include_fuzzy(project: Path) -> None:
    result = run_checks(load_config(project), include_fuzzy=True)
    assert [f.message for f in result.findings if f.check == "number-mismatch"] == [
        "numbers differ from the source: missing 70; unexpected 60"
    ]


def test_cli_text_report_and_exit_codes(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(project), "check"]) == 1
    out = capsys.readouterr().out
    ko = "locales/ko/LC_MESSAGES"
    assert out == (
        f"{ko}/disc.po:13: error: '추간판 헤르니아' is a forbidden translation of 'Herniated discs' (herniated-disc); "
        "use '추간판 탈출증' [term-forbidden]\n"
        f"{ko}/disc.po:18: suppressed warning: 'herniated discs' (herniated-disc) is not translated with an approved term; "
        "use '추간판 탈출증' (admitted: '디스크 탈출증', '허리 디스크') [term-missing] (the heading uses the lay form)\n"
        "\n"
        f"{ko}/stem.po:13: warning: translated differently at {ko}/disc.po:22: '줄기세포'; "
        "use one translation or give the entries a msgctxt [inconsistent]\n"
        "\n"
        "checked 5 entries in 2 catalogues, glossary locales/glossary.yaml (10 terms): 1 error, 1 warning, 1 suppressed\n"
    )
    stem, disc = project / f"{ko}/stem.po", project / f"{ko}/disc.po"
    assert main(["--project", str(project), "check", str(stem)]) == 0
    assert main(["--project", str(project), "check", str(stem), str(disc)]) == 1
    warn = write_po(project, "ru", "warn", '#: docs/warn.md:1\nmsgid "Stem cells"\nmsgstr "клетки"\n')
    assert main(["--project", str(project), "check", str(warn)]) == 0
    assert main(["--project", str(project), "check", "--fail-on", "warning", str(warn)]) == 1
    capsys.readouterr()


def test_cli_lang_filter(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(project), "check", "--lang", "ru"]) == 0
    assert capsys.readouterr().out == "checked 0 entries in 0 catalogues, glossary locales/glossary.yaml (10 terms): 0 errors, 0 warnings, 0 suppressed\n"


def test_explicit_file_needs_a_language_header(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    po = write_po(project, "xx", "odd", '#: docs/odd.md:1\nmsgid "Stem cells"\nmsgstr "줄기세포"\n', header_lang="")
    assert main(["--project", str(project), "check", str(po)]) == 2
    assert capsys.readouterr().err == f"{po}:1: no Language header; cannot tell which language this catalogue is in\n"


def test_broken_glossary_is_unusable_input(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "locales" / "glossary.yaml").write_text("version: 1\nsource_language: en\nterms:\n  - id: 7\n    source: disc\n")
    assert main(["--project", str(project), "check"]) == 2
    err = capsys.readouterr().err
    assert err == f"{project / 'locales' / 'glossary.yaml'}:4: terms[0].id: id 7 looks like a number; use a descriptive slug such as 'disc'\n"


def test_unknown_and_unused_suppressions(project: Path) -> None:
    write_po(
        project,
        "ru",
        "misc",
        """\
        # medloc-ignore: term-mising[stem-cell] typo in the check id
        #: docs/misc.md:1
        msgid "Stem cells"
        msgstr "стволовые клетки"

        # medloc-ignore: term-missing[no-such-term]
        #: docs/misc.md:2
        msgid "Sciatica"
        msgstr "ишиас"

        # medloc-ignore: number-mismatch was needed once
        #: docs/misc.md:3
        msgid "Adults"
        msgstr "Взрослые"
        """,
    )
    result = run_checks(load_config(project), langs=["ru"])
    assert [(f.line, f.severity, f.message) for f in result.findings] == [
        (
            14,
            "warning",
            "medloc-ignore names unknown check 'term-mising' (known: term-missing, term-forbidden, term-keep, "
            "number-mismatch, markup-mismatch, not-translated, inconsistent, omission)",
        ),
        (19, "warning", "medloc-ignore names unknown term 'no-such-term'"),
        (24, "info", "medloc-ignore: number-mismatch silences nothing here; remove it"),
    ]
    assert not result.fails("error")


def test_a_suppression_survives_medloc_update(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.medloc]\nsource_language = "en"\nlanguages = ["en", "ko"]\n')
    templates = tmp_path / "locales" / "templates"
    templates.mkdir(parents=True)
    shutil.copy(GLOSSARY, tmp_path / "locales" / "glossary.yaml")
    header = PO_HEADER.format(slug="disc", lang="").replace('"Plural-Forms: nplurals=1; plural=0;\\n"\n', "")
    pot = '#. heading 2\n#: docs/disc.md:5\nmsgid "About herniated discs"\nmsgstr ""\n\n#: docs/disc.md:7\nmsgid "Stem cells can help."\nmsgstr ""\n'
    (templates / "disc.pot").write_text(header + "\n" + pot, encoding="utf-8")
    po = write_po(
        tmp_path,
        "ko",
        "disc",
        """\
        # medloc-ignore: term-missing[herniated-disc] the heading uses the lay form
        #: docs/disc.md:3
        msgid "About herniated discs"
        msgstr "디스크에 대하여"
        """,
    )
    assert main(["--project", str(tmp_path), "update"]) == 0
    assert "# medloc-ignore: term-missing[herniated-disc] the heading uses the lay form\n" in po.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["--project", str(tmp_path), "check"]) == 0
    assert "suppressed warning: 'herniated discs' (herniated-disc)" in capsys.readouterr().out


def test_a_suspended_suppression_is_reported_and_silences_nothing(project: Path) -> None:
    """`update` suspends a medloc-ignore whose source changed: check names it for review, and the
    number mismatch it silenced for the old source is reported again."""
    write_po(
        project,
        "ko",
        "misc",
        """\
        # medloc-ignore (source changed): number-mismatch 5개월은 150일로 옮김
        #: docs/misc.md:1
        msgid "Results appear after 6 months."
        msgstr "결과는 150일 후에 나타납니다."
        """,
    )
    result = run_checks(load_config(project), langs=["ko"])
    found = [f for f in result.findings if f.path.endswith("misc.po")]
    assert [(f.line, f.check, f.severity, f.suppressed) for f in found] == [
        (14, "number-mismatch", "error", False),
        (14, "suppression", "warning", False),
    ]
    message = found[1].message
    assert message.startswith("suspended suppression (medloc-ignore (source changed): number-mismatch 5개월은 150일로 옮김)")
    assert "delete '(source changed)' to keep it" in message


PHRASES = """\
version: 1
source_language: en
terms:
  - id: chronic
    source: chronic
    translations:
      ru: {preferred: хронический}
  - id: chronic-pain
    source: chronic pain
    translations:
      ru: {preferred: хроническая боль}
  - id: back-pain
    source: back pain
    translations:
      ru: {preferred: боль в спине}
      ko: {preferred: 허리 통증, admitted: [요통]}
  - id: leg
    source: leg
    translations:
      ko: {preferred: 다리}
  - id: lower-limb
    source: lower limb
    translations:
      ko: {preferred: 하지, admitted: [다리]}
"""


def test_a_word_inside_a_longer_phrase_still_counts() -> None:
    glossary = parse_glossary(PHRASES, path="phrases.yaml")
    checker = EntryChecker(glossary, source_lang="en", lang="ru")
    # the translation's leftmost-longest match is "хроническая боль" (chronic pain), which
    # overlaps "хроническая" and "боль в спине": both are whole words and still count
    assert checker.check("Chronic back pain", "Хроническая боль в спине") == []
    assert [i.message for i in checker.check("Chronic back pain", "Боль")] == [
        "'Chronic' (chronic) is not translated with an approved term; use 'хронический'",
        "'back pain' (back-pain) is not translated with an approved term; use 'боль в спине'",
    ]


def test_a_source_word_of_several_terms_needs_only_one_of_them() -> None:
    glossary = parse_glossary(PHRASES, path="phrases.yaml")
    checker = EntryChecker(glossary, source_lang="ko", lang="en")
    # 다리 is the preferred wording of leg and an admitted one of lower limb
    assert checker.check("다리가 아프다", "My leg hurts") == []
    assert checker.check("다리가 아프다", "My lower limbs hurt") == []
    assert [i.message for i in checker.check("다리가 아프다", "It hurts")] == [
        "'다리' (leg) is not translated with an approved term; use 'leg'"
    ]
    # a Korean source: 요통 (admitted) is found, the English wording is the term's source
    assert checker.check("요통이 있다", "I have back pain") == []


_PIECES = st.one_of(
    st.text(alphabet="abcXYZ 12가나다.,:;?()!-'\"", min_size=1, max_size=8),
    st.builds(lambda w, m: f"{m}{w}{m}", st.text(alphabet="ab 가!.(", min_size=1, max_size=6), st.sampled_from(["*", "**", "***"])),
    st.builds(lambda t, u: f"[{t}]({u})", st.text(alphabet="ab 가*!", max_size=5), st.text(alphabet="ab:/.?#=%()<> ", max_size=10)),
    st.sampled_from(["*", "**", "_", "[", "]", "(", ")", "!", "\\", "`", "<", "&", "~", " ", "![", "](", "\n"]),
)


@settings(max_examples=examples(400), deadline=None)
@given(st.lists(_PIECES, max_size=8).map("".join))
def test_the_fast_markup_reading_agrees_with_markdown_it(text: str) -> None:
    fast = _simple_markup(text)
    if fast is not None:
        assert fast == _parsed_markup(text)


@pytest.mark.parametrize(
    ("lang", "msgid", "msgstr", "reported"),
    [
        ("ko", "Stem cells can help the disc heal.", "Stem cells can help the disc heal.", True),  # "copy source"
        ("ko", "Stem cells can help the disc heal.", "Stem cells may help the disc to heal.", True),  # English, not Korean
        ("ko", "Stem cells can help the disc heal.", "줄기세포는 디스크 회복을 도울 수 있습니다.", False),
        ("ko", "Ask about MRI and PRP.", "MRI와 PRP에 대해 물어보세요.", False),
        ("ko", "MRI", "MRI", False),  # an abbreviation is the same in every language
        ("ja", "MSCs and PRP", "MSCs and PRP", False),
        ("ko", "Call Seoul", "Call Seoul", True),
        ("ru", "Call us", "Позвоните нам", False),
        ("ar", "Call us today.", "Call us today.", True),
        ("zh_Hans", "Walking helps (see NICE guidance).", "步行有帮助（见 NICE guidance）。", False),  # Han letters: translated
        ("de", "Call us today", "Call us today", False),  # same script: short texts are often the same
        ("de", "Bring your insurance card with you", "Bring your insurance card with you", True),
        ("ko", "Read **more** at [NICE](https://nice.org.uk).", "Read **more** at [NICE](https://nice.org.uk).", True),
        # an article written in Korean, translated into English
        ("en:ko", "줄기세포 치료는 도움이 됩니다.", "줄기세포 치료는 도움이 됩니다.", True),
        ("en:ko", "줄기세포 치료는 도움이 됩니다.", "줄기세포 치료가 도움이 될 수 있습니다.", True),  # Korean, not English
        ("en:ko", "줄기세포 치료는 도움이 됩니다.", "Stem cell therapy helps.", False),
        ("en:zh_Hans", "干细胞治疗", "干细胞治疗", True),  # no word spaces: counted by letters
        ("en:ko", "MRI", "MRI", False),
    ],
)
def test_source_text_shown_as_a_translation_is_reported(lang: str, msgid: str, msgstr: str, reported: bool) -> None:
    lang, _, source_lang = lang.partition(":")
    checker = EntryChecker(None, source_lang=source_lang or "en", lang=lang)
    issues = [i for i in checker.check(msgid, msgstr) if i.check == "not-translated"]
    assert bool(issues) is reported, issues
    assert all(i.severity == "warning" for i in issues)


def test_keep_terms_are_no_untranslated_prose() -> None:
    """A product or company name the glossary keeps as written is no sign of an untranslated text."""
    glossary = parse_glossary(
        "version: 1\nsource_language: en\nterms:\n  - id: asterias\n    source: Asterias Biotherapeutics\n    keep: true\n",
        path="glossary.yaml",
    )
    checker = EntryChecker(glossary, source_lang="en", lang="ko", analyser="rules")
    assert [i.check for i in checker.check("Asterias Biotherapeutics", "Asterias Biotherapeutics")] == []
    without = EntryChecker(None, source_lang="en", lang="ko")
    assert [i.check for i in without.check("Asterias Biotherapeutics", "Asterias Biotherapeutics")] == ["not-translated"]


# --------------------------------------------------------------------------- omission


def _copy_catalogues(dest: Path, langs: list[str]) -> None:
    """The project's own catalogues of ``langs`` and its glossary, in a project of their own."""
    repo = HERE.parent
    shown = ", ".join(f'"{code}"' for code in ["en", *langs])
    (dest / "pyproject.toml").write_text(f'[tool.medloc]\nsource_language = "en"\nlanguages = [{shown}]\n', encoding="utf-8")
    (dest / "locales").mkdir(parents=True)
    shutil.copy(repo / "locales" / "glossary.yaml", dest / "locales" / "glossary.yaml")
    for lang in langs:
        shutil.copytree(repo / "locales" / lang, dest / "locales" / lang)


_SENTENCE_END = r"[.!?。！？؟](?:\s+|(?=\S))"


def _cut_sentences(path: Path, lang: str, *, every: bool, comment: str = "") -> dict[str, int]:
    """Cut one sentence out of translations whose source and translation have 2+ sentences: out of
    every such entry (a seeded random one), or out of the first one only (its longest sentence).
    Returns {msgid: line of its msgstr} of the entries cut."""
    import random
    import re

    import polib

    from pipeline.pofile import read_po
    from pipeline.sentences import sentence_count

    chance = random.Random(f"{lang}/{path.name}")
    po = polib.pofile(str(path), wrapwidth=79)
    cut = []
    for entry in po:
        if not entry.msgstr or entry.fuzzy or entry.obsolete or (cut and not every):
            continue
        if sentence_count(entry.msgid, "en") < 2 or (sentence_count(entry.msgstr, lang) or 0) < 2:
            continue
        bounds = [0, *(m.end() for m in re.finditer(_SENTENCE_END, entry.msgstr)), len(entry.msgstr)]
        pieces = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1) if bounds[i + 1] > bounds[i]]
        if len(pieces) < 2:
            continue
        start, end = chance.choice(pieces) if every else max(pieces, key=lambda p: p[1] - p[0])
        entry.msgstr = (entry.msgstr[:start] + entry.msgstr[end:]).strip()
        entry.tcomment = comment
        cut.append(entry.msgid)
    po.save(str(path))
    lines = {m.msgid: m.msgstr_line for m in read_po(path).messages if not m.obsolete}
    return {msgid: lines[msgid] for msgid in cut}


@pytest.mark.parametrize("lang", ["ko", "ja", "zh_Hans", "ar", "ru"])
def test_a_dropped_sentence_is_reported(tmp_path: Path, lang: str) -> None:
    """A translation that lost a sentence keeps every term, number and link of the others: only its
    length shows it. The project's own catalogues give no `omission` finding. With one sentence cut
    out of every translation of 2+ sentences (in the project's largest catalogues), most of them are
    reported (61-74% per language here: a short sentence cut from a long paragraph is not), and
    nothing else is."""
    _copy_catalogues(tmp_path, [lang])
    assert [f for f in run_checks(load_config(tmp_path)).findings if f.check == "omission"] == []
    folder = tmp_path / "locales" / lang / "LC_MESSAGES"
    cut = {}
    for name in ("stem-cell-therapy-for-sciatica.po", "spinal-regeneration-with-stem-cells.po", "stem-cell-therapy-for-spinal-stenosis.po"):
        cut |= {(f"locales/{lang}/LC_MESSAGES/{name}", line): msgid for msgid, line in _cut_sentences(folder / name, lang, every=True).items()}
    found = [f for f in run_checks(load_config(tmp_path)).findings if f.check == "omission"]
    assert {(f.path, f.line) for f in found} <= set(cut)  # no finding on an entry left whole
    assert len(found) >= 0.6 * len(cut) and len(cut) >= 40, (len(found), len(cut))
    assert all(f.severity == "warning" and f.msgid == cut[f.path, f.line] for f in found)
    assert re.fullmatch(r"\d sentences? where the source has \d+, at \d+% of the length \w+ translations usually have here: "
                        r"a sentence may be missing", found[0].message), found[0].message
def test_omission_needs_enough_entries_to_know_the_language(project: Path) -> None:
    """With a handful of entries the usual length of a language's translations is unknown: no guess."""
    write_po(project, "ko", "short", """\
        #: docs/short.md:3
        msgid "Rest for two days. Then walk a little every day. Call us if the pain gets worse."
        msgstr "이틀 동안 쉬세요."
        """)
    assert [f for f in run_checks(load_config(project)).findings if f.check == "omission"] == []


def test_an_omission_can_be_silenced_by_a_reviewer(tmp_path: Path) -> None:
    """Its longest sentence cut, the first long entry is reported; a reviewer's comment silences it."""
    _copy_catalogues(tmp_path, ["ko"])
    path = tmp_path / "locales" / "ko" / "LC_MESSAGES" / "stem-cell-therapy-for-sciatica.po"
    ((msgid, line),) = _cut_sentences(path, "ko", every=False, comment="medloc-ignore: omission said in the next paragraph").items()
    (finding,) = [f for f in run_checks(load_config(tmp_path)).findings if f.check == "omission"]
    assert (finding.line, finding.msgid, finding.suppressed) == (line, msgid, True)
    assert finding.reason == "said in the next paragraph"
