"""Rich text: what never reaches a page, and what is refused as malformed."""

from __future__ import annotations

import pytest

from civicdesk.core.errors import DomainError
from civicdesk.knowledge.richtext import MAX_HTML_LENGTH, clean_html, to_text


@pytest.mark.parametrize(
    ("html", "forbidden"),
    [
        ("<p>Hej<script>alert(1)</script></p>", "script"),
        ("<p>Hej</p><script src='https://evil.example/x.js'></script>", "evil"),
        ('<p onclick="alert(1)">Hej</p>', "onclick"),
        ('<p><a href="javascript:alert(1)">klicka</a></p>', "javascript"),
        ('<p><a href="JaVaScRiPt:alert(1)">klicka</a></p>', "alert"),
        ('<p><a href="data:text/html;base64,PHNjcmlwdD4=">x</a></p>', "data:"),
        ('<p><img src="https://tracker.example/pixel.gif" alt="x"></p>', "tracker"),
        ("<p><style>body { display: none }</style>Text</p>", "display"),
        ('<p style="position:fixed">Text</p>', "position"),
        ('<p><iframe src="https://evil.example"></iframe></p>', "iframe"),
        ('<svg><a onload="alert(1)"></a></svg>', "onload"),
    ],
)
def test_dangerous_markup_never_survives(html, forbidden):
    assert forbidden not in clean_html(html).lower()


def test_allowed_markup_stays_and_links_get_a_safe_rel():
    html = (
        "<h2>Heading</h2><p>Some <strong>bold</strong> and <em>emphasis</em>.</p>"
        '<ul><li>one</li><li><a href="https://skelleftea.example/bygglov">link</a></li></ul>'
        '<table><tbody><tr><th scope="row">Fee</th><td>100 kr</td></tr></tbody></table>'
    )
    cleaned = clean_html(html)
    assert "<h2>Heading</h2>" in cleaned
    assert "<strong>bold</strong>" in cleaned
    assert 'href="https://skelleftea.example/bygglov"' in cleaned
    assert 'rel="noopener noreferrer nofollow"' in cleaned
    assert '<th scope="row">Fee</th>' in cleaned


@pytest.mark.parametrize(
    ("html", "message"),
    [
        ("<p>Unclosed paragraph", "<p> is never closed"),
        ("<p><strong>bold</p></strong>", "</p> where </strong> was expected"),
        ("<p>Text</p></div>", "</div> closes nothing"),
        ('<p>Text</p><a href="https://x', "ends inside a tag"),
    ],
)
def test_malformed_html_is_refused_with_where_it_went_wrong(html, message):
    with pytest.raises(DomainError) as refused:
        clean_html(html, field="translations.sv.body")
    assert refused.value.code == "malformed_html"
    assert refused.value.field == "translations.sv.body"
    assert message in str(refused.value.message)


def test_a_line_number_points_at_the_mistake():
    with pytest.raises(DomainError) as refused:
        clean_html("<p>One</p>\n<p>Two</p>\n<ul><li>Three</ul>")
    assert "Line 3" in str(refused.value.message)


def test_an_oversized_text_is_refused():
    with pytest.raises(DomainError) as refused:
        clean_html("<p>" + "x" * MAX_HTML_LENGTH + "</p>")
    assert refused.value.code == "too_long"


def test_plain_angle_brackets_are_text_not_markup():
    assert clean_html("<p>2 < 3 and 5 > 4</p>") == "<p>2 &lt; 3 and 5 &gt; 4</p>"


def test_text_has_a_line_per_block_and_shows_link_targets():
    text = to_text(
        '<h2>Avgift</h2><p>Se <a href="https://x.example/taxa">taxan</a>.</p>'
        "<ul><li>ett</li><li>två</li></ul><p>a&amp;b</p>"
    )
    assert text.splitlines() == [
        "Avgift",
        "Se taxan <https://x.example/taxa>.",
        "• ett",
        "• två",
        "a&b",
    ]
