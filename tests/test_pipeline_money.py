"""Amounts of money in their many spellings, and what is not money."""

from __future__ import annotations

import pytest

from workers.pipeline.money import find_money, words_to_number

CASES = [
    ("dollar sign million", "a $50 million reward", "$50 million", 50_000_000, "USD", None),
    ("US$ and m", "US$50m for information", "US$50m", 50_000_000, "USD", None),
    ("capital M", "the $50M bounty", "$50M", 50_000_000, "USD", None),
    ("number then dollars", "50 million dollars", "50 million dollars", 50_000_000, "USD", None),
    ("words", "fifty million dollars", "fifty million dollars", 50_000_000, "USD", None),
    ("Swiss francs", "150,000 Swiss francs", "150,000 Swiss francs", 150_000, "CHF", None),
    ("code before", "CHF 150,000", "CHF 150,000", 150_000, "CHF", None),
    ("code after", "50 million USD", "50 million USD", 50_000_000, "USD", None),
    ("yen sign", "¥15 million", "¥15 million", 15_000_000, "JPY", None),
    ("kronor", "1.5 million kronor", "1.5 million kronor", 1_500_000, "SEK", None),
    ("number then US dollars", "5 million US dollars", "5 million US dollars", 5_000_000, "USD", None),
    ("words then US dollars", "five million U.S. dollars", "five million U.S. dollars", 5_000_000, "USD", None),
    ("hyphenated words", "twenty-five million dollars", "twenty-five million dollars", 25_000_000, "USD", None),
    ("grouped digits", "$25,000,000 in total", "$25,000,000", 25_000_000, "USD", None),
    ("decimal billion euro", "€3.5bn in fines", "€3.5bn", 3_500_000_000, "EUR", None),
    ("about", "about $50 million", "$50 million", 50_000_000, "USD", "approx"),
    ("more than", "more than $40 million", "$40 million", 40_000_000, "USD", "above"),
    ("at least", "at least $40 million", "$40 million", 40_000_000, "USD", "min"),
    ("under", "under $5,000", "$5,000", 5_000, "USD", "below"),
    ("at most", "at most $5,000", "$5,000", 5_000, "USD", "max"),
    ("up to is not a hedge", "up to $15 million", "$15 million", 15_000_000, "USD", None),
    ("pounds", "£2 million", "£2 million", 2_000_000, "GBP", None),
    ("lakh", "a bounty of ₹10 lakh", "₹10 lakh", 1_000_000, "INR", None),
    ("Australian dollars", "the A$3.15 million cheque", "A$3.15 million", 3_150_000, "AUD", None),
    ("Canadian dollars", "a C$1 million award", "C$1 million", 1_000_000, "CAD", None),
    ("a before a dollar sign is an article", "a $5 million reward", "$5 million", 5_000_000, "USD", None),
    ("crore", "2 crore rupees", "2 crore rupees", 20_000_000, "INR", None),
    ("Rs before lakh", "a Rs 15 lakh reward", "Rs 15 lakh", 1_500_000, "INR", None),
    ("Rs. and Indian grouping", "Rs. 5,00,000 on him", "Rs. 5,00,000", 500_000, "INR", None),
    ("Spanish millions", "una recompensa de 30 millones de pesos", "30 millones de pesos", 30_000_000, "PESO", None),
    ("Spanish millions after a symbol", "hasta US$5 millones", "US$5 millones", 5_000_000, "USD", None),
    ("dots group thousands", "offered 500.000 euro", "500.000 euro", 500_000, "EUR", None),
    ("dots group millions", "a €1.000.000 prize", "€1.000.000", 1_000_000, "EUR", None),
    ("a decimal before a scale", "€1.500 million", "€1.500 million", 1_500_000, "EUR", None),
    ("hyphenated currency", "a 100,000-yuan bounty", "100,000-yuan", 100_000, "CNY", None),
    ("hyphenated scale and currency", "a 10-million-dollar reward", "10-million-dollar", 10_000_000, "USD", None),
    ("hyphenated words and currency", "a million-yuan bounty", "a million-yuan", 1_000_000, "CNY", None),
]


@pytest.mark.parametrize(
    ("text", "surface", "amount", "currency", "bound"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_money(text: str, surface: str, amount: float, currency: str, bound: str | None) -> None:
    """Each spelling gives one amount with its currency and the bound its qualifier sets."""
    found = list(find_money(text.lower(), text))
    assert [(m.text, m.amount, m.currency, m.bound) for m in found] == [(surface, amount, currency, bound)]


def test_range_gives_both_amounts_in_order() -> None:
    """ "from $25 million to $50 million" yields both amounts; the claim layer pairs them."""
    text = "raised from $25 million to $50 million"
    assert [m.amount for m in find_money(text.lower(), text)] == [25_000_000, 50_000_000]


@pytest.mark.parametrize("text", ["in 2015 the", "29 cartel members", "a dozen states", "50 percent", "MS-13"])
def test_not_money(text: str) -> None:
    """Numbers without a currency are not money."""
    assert list(find_money(text.lower(), text)) == []


@pytest.mark.parametrize(
    ("words", "value"), [("fifty", 50), ("twenty-five", 25), ("one hundred and five", 105), ("a", 1), ("banana", None)]
)
def test_words_to_number(words: str, value: int | None) -> None:
    """Number words read as whole numbers; anything else is None."""
    assert words_to_number(words) == value


@pytest.mark.parametrize(("text", "found"), [
    ("The prize, worth 11 million Swedish crowns (about $1.2 million), goes to her.",
     [("11 million Swedish crowns", 11_000_000, "SEK")]),
    ("Harvey receives £50,000 ($64,000).", [("£50,000", 50_000, "GBP")]),
    ("A reward of 50 million Canadian dollars and $5 million more.",
     [("50 million Canadian dollars", 50_000_000, "CAD"), ("$5 million", 5_000_000, "USD")]),
    ("$5 million, $10 million and $15 million", [("$5 million", 5e6, "USD"), ("$10 million", 1e7, "USD"),
                                                 ("$15 million", 1.5e7, "USD")]),
])
def test_a_conversion_into_another_currency_is_not_an_amount_of_its_own(text: str, found: list) -> None:
    assert [(m.text, m.amount, m.currency) for m in find_money(text.lower(), text)] == found


def test_bare_pesos_are_a_family_of_currencies() -> None:
    """ "3,000 million pesos" is read; "pesos" stands for whichever country's peso the table records."""
    from workers.pipeline.english import CURRENCY_FAMILIES

    found = list(find_money("a reward of 3,000 million pesos", "a reward of 3,000 million pesos"))
    assert [(m.amount, m.currency) for m in found] == [(3_000_000_000, "PESO")]
    assert "COP" in CURRENCY_FAMILIES["PESO"] and "MXN" in CURRENCY_FAMILIES["PESO"]


@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("up to 10 million lira", 10_000_000, "TRY"), ("4 million Turkish lira", 4_000_000, "TRY"),
    ("two million baht", 2_000_000, "THB"), ("six million kroner", 6_000_000, "KRONE"),
    ("AED 500,000", 500_000, "AED"), ("3 million riyals", 3_000_000, "SAR"), ("50,000 rials", 50_000, "RIAL"),
])
def test_more_currencies_by_word_and_code(text: str, amount: float, currency: str) -> None:
    """Lira, baht, kroner (Norway's or Denmark's), dirhams, riyals and rials are read, as dollars and euros are."""
    assert [(m.amount, m.currency) for m in find_money(text.lower(), text)] == [(amount, currency)]


def test_a_family_s_amount_is_written_with_its_own_plural() -> None:
    """An explanation writes a family's amount with the family's word: "6 million kroner", not "krones"."""
    from workers.pipeline.verify import fmt_money

    assert [fmt_money(6e6, "KRONE"), fmt_money(3e9, "PESO")] == ["6 million kroner", "3 billion pesos"]


@pytest.mark.parametrize(("words", "number"), [("a ten", 10), ("a", 1), ("a hundred", 100),
                                               ("a hundred and fifty", 150)])
def test_a_before_a_number_word_is_an_article(words: str, number: int) -> None:
    """ "a ten million dollar bounty" is ten million, not eleven; "a million", "a hundred" are one."""
    assert words_to_number(words) == number
