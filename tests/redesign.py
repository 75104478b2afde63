"""Generated redesigns of saved pages: every class and id renamed, the page wrapped and a new sidebar of cards first."""

from __future__ import annotations

import re

_CLASS = re.compile(r'\bclass="([^"<>]*)"')
_ID = re.compile(r'\bid="([^"<>]*)"')
_BODY_OPEN = re.compile(r"<body\b[^>]*>")
CARDS = 3


def _card(n: int) -> str:
    return (
        f'<div class="r3-card"><h2 class="r3-card-title">Другая новость номер {n}: заголовок карточки</h2>'
        f'<span class="r3-card-date">12.06.2024 10:0{n}</span>'
        f'<p class="r3-card-lead">Короткий анонс другой новости номер {n}, который к статье не относится.</p></div>'
    )


def redesign(html: str, prefix: str = "r3-") -> str:
    """The page as after a redesign: renamed classes and ids, a wrapper, a new sidebar before the content."""
    html = _CLASS.sub(lambda m: 'class="' + " ".join(prefix + c for c in m[1].split()) + '"', html)
    html = _ID.sub(lambda m: f'id="{prefix}{m[1]}"', html)
    rail = '<aside class="r3-rail">' + "".join(_card(n) for n in range(1, CARDS + 1)) + "</aside>"
    found = _BODY_OPEN.search(html)
    assert found is not None
    html = html[: found.end()] + f'<div class="r3-shell">{rail}' + html[found.end() :]
    return html.replace("</body>", "</div></body>")
