"""Counting SMS parts as operators do, and the webhook signature, checked on many inputs."""

import math
import time

import pytest
from django.test import override_settings
from hypothesis import given
from hypothesis import strategies as st

from civicdesk.sms import gateway
from civicdesk.sms.segments import GSM_BASIC, GSM_EXTENSION, count_segments


@pytest.mark.parametrize(
    ("text", "encoding", "parts"),
    [
        ("", "gsm", 0),
        ("a" * 160, "gsm", 1),
        ("a" * 161, "gsm", 2),
        ("a" * 306, "gsm", 2),
        ("a" * 307, "gsm", 3),
        ("€" * 80, "gsm", 1),  # two places each
        # An escape pair is never split: 152 + € does not fit a part of 153, so three parts
        # where 306 plain characters take two.
        ("a" * 152 + "€" + "a" * 152, "gsm", 3),
        ("Hej Åsa, välkommen på tisdag!", "gsm", 1),  # Swedish and Finnish letters are GSM
        ("ż" * 70, "ucs2", 1),
        ("ż" * 71, "ucs2", 2),
        ("ż" * 134, "ucs2", 2),
        ("ż" * 135, "ucs2", 3),
        ("🙂" * 35, "ucs2", 1),  # beyond the BMP: two places each
        ("a" * 66 + "🙂" + "a" * 66, "ucs2", 3),  # nor a surrogate pair
    ],
)
def test_parts_as_the_operators_count_them(text, encoding, parts):
    counted = count_segments(text)
    assert (counted.encoding, counted.parts) == (encoding, parts)


@given(st.text(max_size=800))
def test_the_parts_hold_the_text_and_no_part_more_than_needed(text):
    counted = count_segments(text)
    if not text:
        return
    assert counted.parts >= math.ceil(counted.characters / counted.per_part)
    # Only an unsplittable pair can push a character into a further part.
    assert counted.parts <= math.ceil(counted.characters / (counted.per_part - 1)) + 1


@given(st.text(alphabet=sorted(GSM_BASIC | GSM_EXTENSION), max_size=400))
def test_gsm_text_is_never_sent_as_unicode(text):
    assert count_segments(text).encoding == "gsm"


@given(body=st.binary(max_size=2000), flip=st.integers(min_value=0))
@override_settings(CIVICDESK_SMS_GATEWAY_WEBHOOK_SECRET="s3cret")
def test_a_signature_holds_for_its_body_only(body, flip):
    header = gateway.sign("s3cret", body)
    gateway.verify(header, body)
    if body:
        changed = bytearray(body)
        changed[flip % len(body)] ^= 0x01
        with pytest.raises(gateway.SignatureRefused):
            gateway.verify(header, bytes(changed))


@given(st.text(max_size=200))
@override_settings(CIVICDESK_SMS_GATEWAY_WEBHOOK_SECRET="s3cret")
def test_any_header_text_is_refused_without_an_error(header):
    with pytest.raises(gateway.SignatureRefused):
        gateway.verify(header, b"{}", now=time.time())
