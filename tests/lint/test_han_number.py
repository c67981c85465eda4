"""han_number, the one reader of Han numerals the lint kinds share (claims' sizes, ratiocheck's counts, pyrules'
numbered entries): standard numerals read back to the number they were written from; malformed runs are None."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qatool.lint.claims import han_value
from qatool.lint.text import han_number

_DIGITS = "零一二三四五六七八九"


def _below_10k(n: int, lead_zero: bool) -> str:
    """n (1..9999) in standard Han numerals, `一十` written `十` when it leads the whole number."""
    out, zero = [], lead_zero
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, unit)
        if d:
            out.append(("零" if zero else "") + _DIGITS[d] + name)
            zero = False
        elif out or lead_zero:
            zero = bool(n)
    return "".join(out)


def _write(n: int) -> str:
    """n (1..10**12 - 1) in standard Han numerals (`一万零一`, `三亿四千万`)."""
    parts, lead_zero = [], False
    for scale, name in ((10**8, "亿"), (10**4, "万"), (1, "")):
        d, n = divmod(n, scale)
        if d:
            parts.append(_below_10k(d, lead_zero) + name)
            lead_zero = 0 < n < scale // 10
        elif parts and n:
            lead_zero = True
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text


@pytest.mark.parametrize(("text", "value"), [
    ("七", 7), ("十", 10), ("十二", 12), ("二十", 20), ("一百零五", 105), ("两千零四十八", 2048), ("一万零一", 10001),
    ("一万两千", 12000), ("三亿四千万", 340_000_000), ("零", 0), ("〇", 0),
])
def test_reads_standard_numerals(text: str, value: int) -> None:
    assert han_number(text) == value


@pytest.mark.parametrize("text", ["", "五五", "一二", "十百", "百百", "一〇", "五零", "零一", "亿", "万", "万万", "千千万万", "零一万", "一百千"])
def test_malformed_runs_are_none(text: str) -> None:
    assert han_number(text) is None


@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_reads_back_what_was_written(n: int) -> None:
    assert han_number(_write(n)) == n


def test_han_value_drops_a_lone_digit() -> None:
    assert han_value("三") is None and han_value("三十") == 30.0 and han_value("五五") is None
