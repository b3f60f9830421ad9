"""Dates become typed literals only as far as the calendar has them (issue 19, item 10)."""
import pytest
from rdflib.namespace import XSD

from kg.documents import infer_metadata
from kg.errors import MetadataError
from kg.model import Document
from kg.rdf.graph import date_literal


@pytest.mark.parametrize("iso, value, datatype", [
    ("2021-02-28", "2021-02-28", XSD.date),
    ("2020-02-29", "2020-02-29", XSD.date),  # a leap year
    ("2021-02-29", "2021-02", XSD.gYearMonth),
    ("2021-02-30", "2021-02", XSD.gYearMonth),
    ("2021-04-31", "2021-04", XSD.gYearMonth),
    ("2021-01-32", "2021-01", XSD.gYearMonth),
    ("2021-13-05", "2021", XSD.gYear),
    ("2021-00-05", "2021", XSD.gYear),
    ("2021-13", "2021", XSD.gYear),
    ("2021-07", "2021-07", XSD.gYearMonth),
    ("2021", "2021", XSD.gYear),
    ("2021-02-30/2021-03-02", "2021-02", XSD.gYearMonth),  # the start of a span
])
def test_a_date_is_typed_as_far_as_the_calendar_has_it(iso, value, datatype):
    lit = date_literal(iso)
    assert (str(lit), lit.datatype) == (value, datatype)
    assert lit.ill_typed is not True  # (rdflib logs an ill-typed one with a traceback)


@pytest.mark.parametrize("iso", ["-005-10-16", "0000-01-01", "0000", "", "2021-2-3", "２０２１", "12021-01-01", "2021-01-01-01"])
def test_no_typed_literal_for_what_is_no_date(iso):
    assert date_literal(iso) is None


@pytest.mark.parametrize("covers", [-5, 0, 5, 99999, True, "soon"])
def test_a_covered_year_out_of_range_is_a_metadata_error_naming_the_file_and_field(covers):
    doc = Document(id="news", path="/corpus/news.txt", text="10月16日，市长王五会见了客人。")
    with pytest.raises(MetadataError, match=r"/corpus/news\.txt: 'covers' must be a year from 1000 to 9999"):
        infer_metadata(doc, {"covers": covers})
    assert infer_metadata(doc, {"covers": "2023"}).year == 2023
