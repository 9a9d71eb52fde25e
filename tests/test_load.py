import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.load import decode, load, parse_text
from claimtrack.textmap import plain_marks
from conftest import FIXTURES, SEEDS

ARTICLES = FIXTURES / "articles"
INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")


def analysis_text(article) -> str:
    return article._body.text.text


def by_id(result):
    return {article.id: article for article in result.articles}


def test_seed_metadata_is_read_and_kept_out_of_the_text():
    articles = by_id(load([SEEDS]))
    ap = articles["002_2ec73207dc566324.txt"]
    assert (ap.byline, ap.outlet, ap.title) == ("TA", "AP Brief", "Kim Jong Un and Putin discussed Ukraine ahead of the Alaska summit")
    kyiv = articles["004_770ef143b3839bc6.txt"]
    assert kyiv.published == "2025-08-13 19:20:55"
    assert "Views" not in analysis_text(kyiv) and "Published" not in analysis_text(kyiv)
    assert articles["000_6cf371d1f6022a84.txt"].title.startswith("What did Putin say")
    assert "By: TA" not in analysis_text(ap)


def test_header_lines_right_under_the_headline_are_metadata():
    article = load([ARTICLES / "header_under_headline.txt"]).articles[0]
    assert (article.title, article.published) == ("Ferry strike halts island crossings", "2026-04-14 07:45 UTC")
    assert (article.byline, article.outlet) == ("Mara Lind", "Coastal Courier")
    assert "Published" not in analysis_text(article) and "2026-04-14" not in analysis_text(article)


def test_markdown_bold_is_stripped_but_offsets_point_at_the_original():
    ap = by_id(load([SEEDS]))["002_2ec73207dc566324.txt"]
    text = analysis_text(ap)
    assert "**" not in text
    start = text.index("Kursk border region")
    original_start, original_end = ap._body.text.original_span(start, start + len("Kursk border region"))
    assert ap.text[original_start:original_end] == "Kursk border **region"


def test_pull_quote_repeated_at_the_end_counts_once():
    ap = by_id(load([SEEDS]))["002_2ec73207dc566324.txt"]
    assert analysis_text(ap).count("North Korea has sent around 15,000 troops to Russia since last fall") == 1
    [repeat] = ap.repeated_passages
    assert ap.text[repeat.start:repeat.end] == "North Korea has sent around 15,000 troops to Russia since last fall"


def test_markdown_headline_byline_links_and_blockquotes():
    [article] = load([ARTICLES / "header_and_markup.md"]).articles
    assert (article.title, article.byline, article.outlet, article.published) == (
        "Flood defences fail in three towns", "Jane Doe", "Riverside Gazette", "2024-03-02 08:15")
    assert analysis_text(article).split("\n\n") == [
        "Flood defences fail in three towns",  # read for its figures, as the first paragraph
        "More than 2,000 homes were flooded on Friday, according to the Environment Agency.",
        "The agency's director, Sam Patel, said the defences had been \"overwhelmed\" by the surge, which reached "
        "four metres in places.",
        "\"We will rebuild,\" Patel said.",
    ]
    assert len(article.repeated_passages) == 1


def test_json_lines_records_with_ids_and_every_bad_line_reported():
    result = load([ARTICLES / "records.jsonl"])
    assert [(a.id, a.record) for a in result.articles] == [("wire-1", 1), ("wire-2", 2), ("records.jsonl:7", 7)]
    wire = result.articles[0]
    assert (wire.title, wire.outlet, wire.published, wire.url) == (
        "Port strike enters second week", "Wire", "2024-05-01", "https://example.org/1")
    assert wire.text == "About 4,000 dockers walked out, the union said."
    reasons = {s.record: s.reason for s in result.skipped}
    assert set(reasons) == {3, 4, 5}
    assert reasons[3].startswith("line 3 is not valid JSON")
    assert reasons[4] == "record has no 'text'"


def test_other_encodings_are_decoded_and_named():
    articles = by_id(load([ARTICLES / "windows1252.txt", ARTICLES / "utf16.txt"]))
    assert articles["windows1252.txt"].encoding == "cp1252"
    assert "“we owe £300m”" in articles["windows1252.txt"].text
    assert articles["utf16.txt"].encoding == "utf-16"
    assert articles["utf16.txt"].text.startswith("Around 40 people")


def test_unreadable_inputs_are_skipped_with_a_reason_and_the_rest_read():
    result = load([ARTICLES / "blank.txt", ARTICLES / "picture.txt", ARTICLES / "renamed.txt",
                   ARTICLES / "missing.txt", ARTICLES / "utf16.txt"])
    assert [a.id for a in result.articles] == ["utf16.txt"]
    reasons = {Path(s.path).name: s.reason for s in result.skipped}
    assert reasons == {
        "blank.txt": "empty file",
        "picture.txt": "binary file (a PNG image), not text",
        "renamed.txt": "binary file (a PDF document), not text",
        "missing.txt": "no such file or folder",
    }


def test_folder_without_articles_says_what_it_reads():
    result = load([ARTICLES / "no_articles"])
    assert result.articles == []
    assert [s.failed for s in result.skipped] == [False, False, True]
    assert ".txt, .text, .md" in result.skipped[-1].reason


def test_same_file_twice_is_read_once(tmp_path):
    result = load([SEEDS / "000_6cf371d1f6022a84.txt", SEEDS, SEEDS / "000_6cf371d1f6022a84.txt"])
    assert len(result.articles) == 3
    # The seed again inside the folder, and a third time by name: each time said.
    assert [(s.path, s.reason) for s in result.skipped] == [
        (str(SEEDS / "000_6cf371d1f6022a84.txt"), "given more than once; read once")] * 2


def test_stdin_and_size_limit():
    [article] = load(["-"], stdin=b"Police said 12 people were hurt.").articles
    assert (article.id, article.path) == ("stdin", "-")
    refused = load([SEEDS / "000_6cf371d1f6022a84.txt"], max_bytes=100)
    assert refused.articles == [] and "over the 100-byte limit" in refused.skipped[0].reason


def test_decode_refuses_nul_bytes():
    try:
        decode(b"abc\x00def")
    except Exception as error:
        assert "NUL" in str(error)
    else:
        raise AssertionError("binary data decoded as text")


news_words = st.sampled_from(["Putin", "said", "10,000", "troops", "“friendship”", '"quote"', "**bold**", "*em*",
                              "[link](http://x.org)", "it’s", "—", "\u00a0", "  ", "\t", "By:", "Published:", "|",
                              "_under_", "# ", "> ", "- ", "'", "`code`", "…", "5′", "11″", ".", ","])
documents = st.lists(st.lists(news_words, max_size=12).map(" ".join), max_size=8).map(
    lambda lines: "\n".join(lines))


@settings(max_examples=300, deadline=None)
@given(st.one_of(documents, st.text(max_size=300)))
def test_every_word_of_the_analysis_text_maps_back_to_the_same_word(text):
    parsed = parse_text(text)
    analysis = parsed.body.text
    for match in re.finditer(r"\w+", analysis.text):
        start, end = analysis.original_span(match.start(), match.end())
        mapped = text[start:end]
        if parsed.body.repaired:
            # A repair depends on its context; the run still maps onto the stretch it came from.
            assert mapped
            continue
        assert INVISIBLE.sub("", plain_marks(mapped)) == match.group()
    for start, end in parsed.body.paragraphs:
        assert analysis.text[start:end] == analysis.text[start:end].strip()


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_load_or_are_skipped_never_raise(data):
    result = load(["-"], stdin=data)
    assert len(result.articles) + len(result.skipped) == 1


def test_web_page_furniture_left_out_is_noted_and_listed():
    [article] = load([FIXTURES / "html" / "div_soup_page.html"]).articles
    count, characters = len(article.left_out), sum(block.characters for block in article.left_out)
    assert article.notes == [
        f"left out {count} blocks of text ({characters:,} characters) that trafilatura does not read as the story "
        f"(menus, banners, related links, comments); --whole-page reads them, -v lists them"]
    assert "The mayor said 20 died, not 15." in [block.excerpt[:31] for block in article.left_out]


def test_whole_page_leaves_nothing_out_and_plain_text_is_read_the_same_either_way():
    [page] = load([FIXTURES / "html" / "div_soup_page.html"], whole_page=True).articles
    assert (page.left_out, page.notes) == ([], [])
    assert "The mayor said 20 died, not 15." in analysis_text(page)
    for story_only, whole in zip(load([SEEDS, ARTICLES]).articles, load([SEEDS, ARTICLES], whole_page=True).articles):
        if story_only.format != "html":
            assert analysis_text(story_only) == analysis_text(whole)
            assert story_only.model_dump() == whole.model_dump()
