"""clean_text on the user's seeds and on each boilerplate rule; legitimate text stays."""

from __future__ import annotations

import pytest

from cleaners import clean_text

from .conftest import FIXTURES

SEEDS = sorted(p for p in (FIXTURES / "_seeds").glob("*.txt") if not p.name.endswith(".expected.txt"))


@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed(seed) -> None:
    expected = seed.with_name(seed.stem + ".expected.txt").read_text(encoding="utf-8")
    assert clean_text(seed.read_text(encoding="utf-8")) == expected


@pytest.mark.parametrize("name", ["002_977cd9e34eb10f31", "003_4a736e5f6ff21739"])
def test_clean_seeds_unchanged(name: str) -> None:
    text = (FIXTURES / "_seeds" / f"{name}.txt").read_text(encoding="utf-8")
    assert clean_text(text) == text


def test_seed_000_has_no_list_or_counters() -> None:
    out = clean_text((FIXTURES / "_seeds" / "000_024019188f21d929.txt").read_text(encoding="utf-8"))
    assert "Концерт Дженнифер Лопес" not in out and "2462" not in out and "\n-\n" not in out
    assert out.endswith("привели к введению российских войск.")


def test_seed_001_has_no_ticker_or_read_also() -> None:
    out = clean_text((FIXTURES / "_seeds" / "001_b99dca9f51e900a4.txt").read_text(encoding="utf-8"))
    for junk in ("USD:", "503.9 / 506.9", "RUB:", "Читайте также", "Землетрясение"):
        assert junk not in out


DROPPED = [
    "Читайте также: Токаев провел совещание",
    "Читать по теме: Что известно о пожаре",
    "Оқи отырып: Елордада жаңа мектеп ашылды",
    "Тақырыпқа қатысты: Президент Жолдауы",
    "Read also: Tokayev meets investors",
    "USD: 503.9 / 506.9",
    "USD 425.05 EUR 509.29 RUB 5.58 CNY 64.66",
    "USD 320.34, EUR 394.47, RUB 5.54",
    "503.9 / 506.9",
    "EUR:",
    "Фото: пресс-служба акимата Алматы",
    "Сурет: Ақорда баспасөз қызметі",
    "Коллаж: Tengrinews.kz",
    "Скриншот видео «Хабар»",
    "Подписывайтесь на наш Telegram-канал",
    "Жаңалықтар телефоныңызда: Telegram арнамызға жазылыңыз",
    "Нашли ошибку? Выделите ее и нажмите Ctrl+Enter",
    "Поделиться",
    "Просмотров: 1234",
    "-",
    "2462",
    "Самое читаемое",
    "Көп оқылғандар",
]


@pytest.mark.parametrize("line", DROPPED)
def test_boilerplate_line_dropped(line: str) -> None:
    text = f"Первый абзац статьи о событиях в Астане.\n{line}\nВторой абзац статьи."
    assert clean_text(text) == "Первый абзац статьи о событиях в Астане.\nВторой абзац статьи."


KEPT = [
    "В 2023 году в Казахстане построили 12 школ на 5 000 мест.",
    "1. Первый пункт плана предусматривает строительство дорог.",
    "2) Второй пункт касается тарифов на коммунальные услуги.",
    "«Мы ожидаем рост на 4,5%», – сказал министр.",
    "Курс доллара на бирже 21 января 2022 года составил 435,5 тенге.",
    "Фотовыставка открылась в Алматы 5 марта.",
    "Read the full statement on the ministry's website.",
    "10 января 2022 года объявлен днем общенационального траура.",
    "Сообщается, что USD подорожал на 2% за неделю.",
]


@pytest.mark.parametrize("line", KEPT)
def test_legitimate_line_kept(line: str) -> None:
    text = f"Первый абзац.\n{line}\nПоследний абзац."
    assert clean_text(text) == text


def test_numbered_sentences_list_kept() -> None:
    text = "План:\n1. Построить дорогу до конца года.\n2. Открыть школу в селе.\n3. Отремонтировать больницу."
    assert clean_text(text) == text


def test_top_list_without_emoji_dropped() -> None:
    text = "Статья закончилась.\n-\n1Новость без эмодзи\n-\n2462\n-\n1\n-\n-\n2Другая новость\n-\n15\n-"
    assert clean_text(text) == "Статья закончилась."


def test_leading_date_marker_only_at_start() -> None:
    assert clean_text(" date 2022-01 Текст статьи.") == "Текст статьи."
    assert clean_text("Текст про date 2022-01 в середине.") == "Текст про date 2022-01 в середине."


def test_inline_read_also_tail_cut() -> None:
    text = "Первое предложение. Второе предложение. Читать по теме: Заголовок другой статьи"
    assert clean_text(text) == "Первое предложение. Второе предложение."


def test_inline_credit_removed() -> None:
    text = "— сказал министр. Асхат Оралов. Фото: пресс-служба. Кроме того, он добавил."
    assert clean_text(text) == "— сказал министр. Кроме того, он добавил."


def test_normalization() -> None:
    assert clean_text("Текст\u00a0с\u200bнеразрывным  пробелом\u00ad.") == "Текст снеразрывным пробелом."


def test_empty_and_whitespace() -> None:
    assert clean_text("") == ""
    assert clean_text("  \n\n ") == ""


def test_promo_needles_cover_every_alternative() -> None:
    """Each `_PROMO_ANYWHERE` alternative holds a needle outside groups, unquantified: the prefilter skips no match."""
    from cleaners import textfilters

    source = textfilters._PROMO_ANYWHERE.lower()
    alternatives: list[list[tuple[str, int]]] = [[]]
    depth = 0
    for ch in source:
        if ch == "|" and depth == 0:
            alternatives.append([])
            continue
        depth += {"(": 1, ")": -1}.get(ch, 0)
        alternatives[-1].append((ch, depth if ch != ")" else depth + 1))
    for alt in alternatives:
        text = "".join(ch for ch, _ in alt)
        found = []
        for needle in textfilters._PROMO_NEEDLES:
            k = text.find(needle)
            span = alt[k : k + len(needle)]
            if (
                k >= 0
                and all(d == 0 and ch not in "\\.[]()?*+{}^$" for ch, d in span)
                and (text[k + len(needle) :][:1] not in ("?", "*", "+", "{"))
            ):
                found.append(needle)
        assert found, text


def test_promo_prefilter_is_exact() -> None:
    from cleaners import linerx, textfilters

    plain = linerx.casefold_any(textfilters._PROMO_PARTS)
    fast = textfilters._promo_test()
    lines = [
        "Подписывайтесь на наш Telegram-канал",
        "наш Instagram",
        "Нашли ошибку? Выделите её и нажмите Ctrl+Enter",
        "CTRL + ENTER",
        "Реклама",
        "Реклама  ",
        "Текст про рекламу",
        "Follow us on X",
        "Беттегі қате",
        "Жаңалықтар телефоныңызда",
        "Обычный абзац новости без призывов.",
        "Google News",
        "GOOGLE  NEWS",
        "пᲂдписывайтесь",
        "Подпишитесь",
        "Подписаться на рассылку",
        "Subscribe",
        "Следите за новостями",
        "поделитесь новостью",
        "сообщить об ошибке",
        "арнамызға жазылыңыз",
        "ТЕЛЕГРАМ-КАНАЛ",
        "",
    ]
    for line in lines:
        assert fast(line) == plain(line), line
