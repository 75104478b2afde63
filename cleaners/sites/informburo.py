"""Informburo: ru on informburo.kz, kk under informburo.kz/kaz.

Research notes (sources, confidence): docs/outlet-notes.md, section informburo.kz.
"""

from cleaners.profiles import Edition, Layout, SiteProfile
from cleaners.textfilters import FilterRules

# Articles under /novosti, /stati, /interview, /istorii (ru) and /kaz/newskaz (kk); listings page with ?page=N.
ARTICLE = r"^/(?:kaz/)?(?:novosti|stati|interview|istorii|newskaz)/[^/?]+$"

PROFILE = SiteProfile(
    id="informburo.kz",
    name="Informburo",
    domains=("informburo.kz",),
    editions=(
        Edition(
            "ru",
            "informburo.kz",
            "",
            "https://informburo.kz/novosti",
            spider="informburo_ru",
            article=ARTICLE,
            next_page="/novosti?page={n}",
        ),
        # no kaz.informburo.kz host is known; Kazakh articles live at informburo.kz/kaz/newskaz/<slug>
        Edition(
            "kk",
            "informburo.kz",
            "/kaz",
            "https://informburo.kz/kaz/newskaz",
            spider="informburo_kk",
            article=ARTICLE,
            next_page="/kaz/newskaz?page={n}",
        ),
    ),
    title_suffixes=("Informburo.kz", "Informburo", "informburo.kz"),
    layouts=(
        Layout(
            version="2020",
            valid_from="2020-01-01",
            detect=("div.article",),
            title=("h1",),
            date=("div.article-meta time@datetime", "time[datetime]@datetime", "div.article-meta time"),
            lead=(".article-excerpt",),
            body=("div.article",),
            tags=("ul.article-tags a",),
            junk=(
                ".read-more",
                "ul.article-tags",
                ".article-meta",
                'small[id^="arrilot-widget-container"]',
                ".article-img-caption",
            ),
            rules=FilterRules(
                drop_line=(
                    r"^Хотите сообщить новость\?",
                    r"^Жаңалық (?:жібергіңіз|айтқыңыз) келсе",
                    r"^Informburo\.kz (?:в|на) (?:Telegram|WhatsApp|Instagram)",
                )
            ),
        ),
    ),
    notes="UIkit layout (uk-*) seen 2020-2025; the article body is div.article with .read-more blocks inside.",
)
