"""Article.language: the ISO 639-1 code of the body's main language (issue 15).

The labelled set (tests/data/language: hand-written sentences and paragraphs, the seeds, every
fixture body) is loaded by bench.language, which prints the same figures per language.
"""

from __future__ import annotations

import socket
from collections import Counter

import pytest

from bench.language import Sample, load_set
from cleaners import Article, clean_html, detect_language
from cleaners.cli import main as cleaners_main
from cleaners.langid import detector
from cleaners.language import normalize_lang
from cleaners.profiles import all_profiles

LONG = ("paragraph", "seed", "fixture")


@pytest.fixture(scope="module")
def labelled() -> list[tuple[Sample, str | None]]:
    return [(s, detect_language(s.text)) for s in load_set()]


def test_the_set_covers_every_language_of_the_issue(labelled) -> None:
    paragraphs = Counter(s.lang for s, _ in labelled if s.kind == "paragraph")
    for lang in ("kk", "ru", "en", "tr", "az", "uz", "ky", "tt", "uk", "be", "mn", "de", "es", "fr", "tk"):
        assert paragraphs[lang] >= 2, lang
    assert sum(s.kind == "fixture" for s, _ in labelled) >= 50
    assert sum(s.kind == "seed" for s, _ in labelled) == 5


def test_no_kazakh_confusion_at_paragraph_length(labelled) -> None:
    long = [(s, got) for s, got in labelled if s.kind in LONG]
    assert [s.text[:40] for s, got in long if s.lang != "kk" and got == "kk"] == []
    assert [(s.text[:40], got) for s, got in long if s.lang == "kk" and got != "kk"] == []


def test_no_sentence_in_another_language_is_labelled_kazakh(labelled) -> None:
    assert [s.text for s, got in labelled if s.kind == "sentence" and s.lang != "kk" and got == "kk"] == []
    assert [s.text for s, got in labelled if s.kind == "sentence" and s.lang == "kk" and got != "kk"] == []


def test_every_hand_written_paragraph_gets_its_language(labelled) -> None:
    assert [(s.lang, got, s.text[:40]) for s, got in labelled if s.kind == "paragraph" and got != s.lang] == []


def test_fixture_bodies_and_seeds_at_least_99_percent(labelled) -> None:
    ours = [(s, got) for s, got in labelled if s.kind in ("fixture", "seed")]
    assert {s.lang for s, _ in ours} == {"ru", "kk", "en"}
    assert sum(got == s.lang for s, got in ours) / len(ours) >= 0.99


def test_kazakh_latin_both_alphabets_and_its_neighbours() -> None:
    assert (
        detect_language("Qazaqstan Respýblıkasynyń Úkimeti jańa jobany maquldady, ol kelesi jyly iske asady.") == "kk"
    )
    assert (
        detect_language("Qazaqstan Respublikasynyñ Ükımetı jaña jobany maqūldady, ol kelesı jyly ıske asady.") == "kk"
    )
    assert detect_language("Türkiye Cumhuriyeti Hükümeti yeni projeyi onayladı, proje gelecek yıl uygulanacak.") == "tr"
    assert detect_language("Qazaqstan Temir Joly and the railways of Türkiye signed a freight deal on Monday.") == "en"
    assert (
        detect_language(
            "Azərbaycan Respublikasının Hökuməti yeni layihəni təsdiqlədi, layihə gələn il həyata keçiriləcək."
        )
        == "az"
    )


def test_mixed_pages_get_the_language_of_their_body() -> None:
    russian = "<p>В Астане открыли новую школу на 1200 мест. В здании есть спортивный зал и бассейн.</p>" * 3
    page = (
        f"<html lang='kk'><head><title>Астанада жаңа мектеп ашылды</title></head><body><article>"
        f"<h1>Астанада жаңа мектеп ашылды</h1>{russian}</article></body></html>"
    )
    assert clean_html(page, "https://example.org/news/1").language == "ru"
    kazakh = (
        "<p>Павлодарда жылу маусымы мерзімінен бұрын басталады. Қала әкімінің орынбасары бұл туралы "
        "брифингте мәлімдеді.</p><p>«Мы готовы начать отопительный сезон раньше обычного», – деді ол.</p>"
        "<p>Оның айтуынша, барлық қазандықтар мен жылу желілері жөндеуден өтіп, сынақтан сәтті шыққан.</p>"
    )
    page = f"<html lang='ru'><body><article><h1>Отопительный сезон</h1>{kazakh}</article></body></html>"
    assert clean_html(page, "https://example.org/news/2").language == "kk"


def test_foreign_pages_are_not_forced_into_ru_kk_en() -> None:
    german = (
        "<p>Der Bürgermeister hat am Montag eine neue Schule in Köln eröffnet. Das Gebäude bietet Platz "
        "für 1200 Schülerinnen und Schüler und ist mit modernen Laboren ausgestattet.</p>" * 2
    )
    article = clean_html(
        f"<html lang='en'><body><article><h1>Neue Schule</h1>{german}</article></body></html>", "https://example.de/a/1"
    )
    assert article.language == "de"


def test_the_prior_decides_short_text_only() -> None:
    assert detect_language("Sputnik Қазақстан", "kk") == "kk"
    assert detect_language("Новости Алматы", "ru-RU") == "ru"
    assert detect_language("Новости Алматы") is None
    assert detect_language("") is None
    body = "Алматы облысында биыл 15 жаңа мектеп салынады. Құрылыс жұмыстары көктемде басталады."
    assert detect_language(body, "ru") == "kk"


def test_odd_text_gets_an_answer_not_an_error() -> None:
    english = "The minister said that the new school will open in September and serve the whole city. "
    assert detect_language("\x00" * 50 + english * 3) == "en"
    assert detect_language(english.replace("school", "school \ud800") * 3) == "en"
    assert detect_language("Ŝ" * 500) is None
    assert detect_language("12345 ... " * 200) is None


def test_normalize_lang_gives_iso_639_1() -> None:
    assert [normalize_lang(v) for v in ("ru-RU", "kz", "kaz", "KK", "de_DE", "ukr", "ua", "tr", "en-GB")] == [
        "ru",
        "kk",
        "kk",
        "kk",
        "de",
        "uk",
        "uk",
        "tr",
        "en",
    ]
    assert [normalize_lang(v) for v in (None, "", "x-klingon", "12", "zz-top-lang")] == [None, None, None, None, "zz"]


def test_the_model_loads_from_the_wheel_without_network(monkeypatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("language detection opened a network connection")

    detector.cache_clear()
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert detect_language("Meteorologen warnen vor einem starken Temperatursturz im Westen des Landes.") == "de"


def test_schema_takes_any_iso_code_and_null(article_validator) -> None:
    for code in ("de", "tr", "kk", None):
        article_validator.validate(Article(url="https://x.kz/1", language=code).to_dict())
    assert list(article_validator.iter_errors(Article(url="https://x.kz/1", language="deu").to_dict()))


def test_edition_languages_are_iso_codes() -> None:
    codes = {e.language for p in all_profiles() for e in p.editions}
    assert codes == {"ru", "kk", "en"}
    assert all(normalize_lang(code) == code for code in codes)


def test_cli_clean_text_takes_any_language_code(tmp_path, capsys) -> None:
    path = tmp_path / "t.txt"
    path.write_text("Der Bürgermeister hat eine neue Schule eröffnet.\n", encoding="utf-8")
    assert cleaners_main(["clean-text", str(path), "--language", "de-DE"]) == 0
    assert "Bürgermeister" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        cleaners_main(["clean-text", str(path), "--language", "42"])
