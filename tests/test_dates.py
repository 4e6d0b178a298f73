"""Dates: the forms archives use, partial precision, and impossible dates refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tei.dates import PartialDate, find_date, is_date, parse_date
from tei.errors import DateError


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("January 13, 1949", "1949-01-13"),
        ("12 January 1949", "1949-01-12"),
        ("**January 13, 1949**", "1949-01-13"),
        ("August 1949", "1949-08"),
        ("1949", "1949"),
        ("Sept. 3, 1949", "1949-09-03"),
        ("Friday, 14 January 1949", "1949-01-14"),
        ("3rd March 1950", "1950-03-03"),
    ],
)
def test_parse_date_forms(text: str, iso: str) -> None:
    assert parse_date(text).iso == iso


@pytest.mark.parametrize("text", ["31 February 1949", "February 30, 1949", "31 April 1950"])
def test_impossible_dates_are_errors_not_guesses(text: str) -> None:
    with pytest.raises(DateError, match="impossible date"):
        parse_date(text, line=7)


def test_not_a_date_is_an_error_with_the_line() -> None:
    with pytest.raises(DateError) as caught:
        parse_date("yesterday", line=3)
    assert caught.value.location.line == 3


def test_find_date_in_running_text_takes_the_first() -> None:
    found = find_date("Cable of January 14, 1949, and of 12 January 1949")
    assert found == (PartialDate(1949, 1, 14), "January 14, 1949")
    assert find_date("no date here, 1949 alone is not searched") is None


def test_is_date_accepts_whole_dates_only() -> None:
    assert is_date("14 January 1949")
    assert not is_date("on 14 January 1949 we met")


@given(st.dates(min_value=__import__("datetime").date(1000, 1, 1)))
def test_any_real_day_round_trips_in_both_forms(day) -> None:
    month = day.strftime("%B")
    assert parse_date(f"{month} {day.day}, {day.year}").iso == day.isoformat()
    assert parse_date(f"{day.day} {month} {day.year}").iso == day.isoformat()
