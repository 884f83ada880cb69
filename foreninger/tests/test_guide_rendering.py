"""Markdown sanitising, JSON-LD escaping and links, as units."""

import json

from foreninger.rendering import (
    initials,
    json_ld_script,
    render_markdown,
    tel_href,
)


def test_markdown_keeps_the_allowed_tags():
    html = render_markdown(
        "## Om os\n\n**fed** *kursiv*\n\n1. en\n2. to\n\n> citat\n\nlinje  \nskift"
    )
    for tag in ("<h3>", "<strong>", "<em>", "<ol>", "<li>", "<blockquote>", "<br>"):
        assert tag in html, tag


def test_markdown_strips_scripts_handlers_and_bad_links():
    html = render_markdown(
        "<script>alert(1)</script><img src=x onerror=alert(1)>"
        "[a](javascript:alert(1)) [b](data:text/html,x) [c](vbscript:x) <p onclick='x'>p</p>"
    )
    for bad in (
        "<script",
        "alert(1)",
        "onerror",
        "<img",
        "javascript:",
        "data:",
        "vbscript:",
        "onclick",
    ):
        assert bad not in html, bad


def test_markdown_links_get_nofollow_noopener():
    html = render_markdown("[site](https://example.org)")
    assert html.strip() == '<p><a href="https://example.org" rel="nofollow noopener">site</a></p>'


def test_markdown_headings_stay_below_the_page_heading():
    html = render_markdown("# Stor\n\n###### Lille")
    assert "<h1" not in html and "<h6" not in html
    assert "<h3>Stor</h3>" in html and "<h4>Lille</h4>" in html


def test_json_ld_script_escapes_closing_tags():
    html = json_ld_script({"name": "</script><script>alert(1)</script>", "x": "a & b"})
    assert html.count("</script>") == 1
    body = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert json.loads(body)["name"] == "</script><script>alert(1)</script>"


def test_tel_href():
    assert tel_href("44 91 00 00") == "tel:+4544910000"
    assert tel_href("+45 12 34 56 78") == "tel:+4512345678"
    assert tel_href("") == ""


def test_initials():
    assert initials("Herlev Skakklub") == "HS"
    assert initials("Ældre Sagen Herlev") == "ÆS"
    assert initials("123") == "?"
