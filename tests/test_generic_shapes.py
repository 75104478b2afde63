"""Generic path: page shapes where class-name pruning removed real content (distilled from
wcxb-dev/naeb pages, written by hand): code comments, a body with a table of contents, subheadings
in page-builder widgets, a comparison chart whose cells hold paragraphs."""

from __future__ import annotations

from cleaners import CleanOptions, clean_html
from cleaners.choose import suspect
from cleaners.headings import restore_headings
from cleaners.layouttables import unwrap_layout_tables
from cleaners.parse import parse_html
from cleaners.prune import prune_tree

GENERIC = CleanOptions(use_profiles=False)
URL = "https://example.org/posts/a-brief-intro-to-git"
INTRO = [
    "Git keeps the history of a project as a chain of commits, each one a snapshot of every tracked file.",
    "The commands below are the ones used every day; each comes with a comment that says what it does.",
    "Branches are cheap in git, so make one for every change and merge it back when the work is reviewed.",
]


def page(body: str) -> bytes:
    head = "<title>A brief intro to git</title>"
    chrome = '<header class="site-header"><a href="/">Home</a> <a href="/posts/">Posts</a></header>'
    return f"<!doctype html><html><head>{head}</head><body>{chrome}{body}</body></html>".encode()


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def test_comments_inside_highlighted_code_are_kept() -> None:
    # highlight.js marks code comments `<span class="hljs-comment">`: "comment" is a junk token.
    code = (
        '<pre><code class="language-bash hljs"><span class="hljs-comment"># initialize git</span>\n'
        'git init\n<span class="hljs-comment"># view the state of the repo</span>\ngit status</code></pre>'
    )
    article = clean_html(page(f"<main><article>{_paragraphs(INTRO)}{code}</article></main>"), URL, options=GENERIC)
    assert "# initialize git" in article.body and "# view the state of the repo" in article.body
    assert "git status" in article.body


def test_a_text_widget_with_a_table_of_contents_is_kept() -> None:
    # An Elementor text widget (`elementor-widget`, a weak junk token) opens with a table of
    # contents: its in-page `#section` links are not navigation away from the article.
    sections = ["Why service style matters", "Alignment with customers", "Impact on loyalty", "Staff training"]
    toc = "<ul>" + "".join(f'<li><a href="#s{i}">{i + 1}. {s}</a></li>' for i, s in enumerate(sections)) + "</ul>"
    body = "".join(f'<h2 id="s{i}">{s}</h2><p>{INTRO[i % 3]}</p>' for i, s in enumerate(sections))
    widget = f'<div class="elementor-element elementor-widget elementor-widget-text-editor">{toc}{body}</div>'
    article = clean_html(page(f"<main>{widget}</main>"), URL, options=GENERIC)
    for text in INTRO:
        assert text in article.body


def test_subheadings_in_their_own_page_builder_widgets_are_kept() -> None:
    # Every subheading sits in its own `elementor-widget-wrap` block, a scrap of text by length;
    # a sidebar widget (a heading over links) still goes.
    heads = ["Create and stick to a realistic budget", "Build an emergency fund", "Pay down expensive debt"]
    blocks = "".join(
        f'<div class="elementor-widget-wrap"><h2>{h}</h2></div><div class="entry-text">{_paragraphs([t])}</div>'
        for h, t in zip(heads, INTRO)
    )
    sidebar = '<div class="elementor-widget-wrap"><h3>Recent posts</h3><a href="/p/1">Saving for a house</a></div>'
    pruned = prune_tree(parse_html(page(f"<main>{blocks}</main>{sidebar}").decode())).body.text()
    for text in heads + INTRO:
        assert text in pruned
    assert "Recent posts" not in pruned and "Saving for a house" not in pruned


def test_a_comparison_chart_with_paragraphs_in_cells_stays_a_table() -> None:
    # Seven columns, every row as wide: a data grid, even though some cells hold two <p>.
    header = "<tr>" + "".join(f"<th>{c}</th>" for c in ("Size", "A", "B", "C", "D", "E", "F")) + "</tr>"
    row = "<tr><td>Small</td>" + "<td><p>Good fit</p><p>Cheap</p></td>" * 6 + "</tr>"
    tree = parse_html(f"<html><body><table>{header}{row}{row}</table></body></html>")
    unwrap_layout_tables(tree.body)
    assert tree.css_first("table") is not None
    layout = parse_html("<html><body><table><tr><td><p>One</p><p>Two</p></td><td>Menu</td></tr></table></body></html>")
    unwrap_layout_tables(layout.body)
    assert layout.css_first("table") is None


def test_a_precision_text_short_next_to_the_pruned_page_is_checked_again() -> None:
    # A body in <div><span> runs (no <p>): the page's paragraph text says nothing, and the precision
    # pass kept a fifth of what pruning left (a summary and a byline).
    assert suspect("x" * 1_200, 261, 5_570, 5_410)
    assert not suspect("x" * 3_000, 261, 5_570, 5_410)
    assert not suspect("x" * 1_200, 261, 1_500, 900)  # pruning left little: nothing was dropped


def test_subheadings_the_precision_pass_dropped_come_back_before_their_paragraph() -> None:
    heads = ["Cognitive benefits", "Emotional benefits", "Choosing the right instrument"]
    html = "".join(
        f'<h2 id="s{i}"><a href="#s{i}">{h}</a></h2><p>{t}</p>' for i, (h, t) in enumerate(zip(heads, INTRO))
    )
    html += '<h3><a href="/more">More posts</a></h3><p>Short teaser.</p>'  # a scrap after it: no line to tie to
    root = parse_html(f"<html><body><article>{html}</article></body></html>").body
    text = "\n".join(INTRO)
    assert restore_headings(text, root).split("\n") == [x for pair in zip(heads, INTRO) for x in pair]
    assert restore_headings("Cognitive benefits\n" + text, root).count("Cognitive benefits") == 1
    assert restore_headings("- " + INTRO[0], root) == f"{heads[0]}\n- {INTRO[0]}"  # a list item line


def test_list_items_opened_by_an_empty_span_or_icon_keep_their_text() -> None:
    # `<li><span></span>Text</li>`, `<li><i class="fa fa-check"></i> Text</li>`: trafilatura's
    # precision pass deletes an empty element together with the text that follows it.
    items = [
        "Fixed switches: the switches that came with the keyboard were soldered in and could not change.",
        "Difficult repairs: a single failed switch meant desoldering it, a slow and risky job for most.",
    ]
    lis = f"<li><span></span>{items[0]}</li>" + f'<li><i class="fa fa-check"></i> {items[1]}</li>'
    more = [
        "Hot-swap sockets changed that: a switch now pulls out with a small tool and a new one clicks in.",
        "That makes trying a new switch type a five-minute job, and a broken switch costs one new switch.",
        "Most hot-swap boards take three or five pin switches; check which before you order a new set.",
    ]
    body = _paragraphs(INTRO) + f"<ul>{lis}</ul>" + _paragraphs(more)  # long enough not to be rechecked
    article = clean_html(page(f"<main><article>{body}</article></main>"), URL, options=GENERIC)
    for text in items:
        assert text in article.body


def test_a_body_wrapper_whose_class_names_a_sidebar_state_is_kept() -> None:
    # `blog-article__main sidebar-enabled--false content`: "sidebar" is a junk token, but the class
    # also names the content, and the block is running text. The body is split over two such
    # wrappers (neither holds 40% of the page), and a comments block named the same way still goes.
    first, second = INTRO, [p.replace("Git", "Mercurial") for p in INTRO]
    wrapper = '<div class="blog-article__main sidebar-enabled--false container content rte">{}</div>'
    related = "".join(
        f'<div class="related-card"><p>Teaser {i}: another long post about version control, branches, merges '
        f"and the history of a project that is worth reading next week.</p></div>"
        for i in range(12)
    )
    comments = '<div class="comment-content sidebar-comments">' + _paragraphs(
        [f"Great post {i}!" * 5 for i in range(3)]
    )
    html = page(f"<main>{wrapper.format(_paragraphs(first))}{wrapper.format(_paragraphs(second))}</main>{related}")
    pruned = prune_tree(parse_html(html.decode() + comments + "</div>")).body.text()
    for text in first + second:
        assert text in pruned
    assert "Great post" not in pruned
