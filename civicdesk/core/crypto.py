"""Protection of personal data at rest: encryption for reading back, keyed hashes for look-up.

Both keys are derived from settings.PERSONAL_DATA_KEY with HKDF, so a database dump alone
reveals neither the values nor a way to test guesses against the hashes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

_ENCRYPTION_INFO = b"civicdesk personal data encryption v1"
_LOOKUP_INFO = b"civicdesk personal data look-up hash v1"


def _derive(secret: str, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(
        secret.encode("utf-8")
    )


@lru_cache(maxsize=4)
def _fernet(current: str, previous: tuple[str, ...]) -> MultiFernet:
    keys = [current, *previous]
    return MultiFernet(
        [Fernet(base64.urlsafe_b64encode(_derive(key, _ENCRYPTION_INFO))) for key in keys]
    )


@lru_cache(maxsize=4)
def _lookup_key(current: str) -> bytes:
    return _derive(current, _LOOKUP_INFO)


def _current_fernet() -> MultiFernet:
    return _fernet(settings.PERSONAL_DATA_KEY, tuple(settings.PERSONAL_DATA_PREVIOUS_KEYS))


def encrypt(value: str) -> str:
    return _current_fernet().encrypt(value.encode("utf-8")).decode("ascii")


class UndecryptableValue(Exception):
    """The value was encrypted with a key that is no longer configured."""


def decrypt(token: str) -> str:
    try:
        return _current_fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except InvalidToken:
        raise UndecryptableValue(
            "This value was encrypted with a key that is not configured; "
            "add the old key to PERSONAL_DATA_PREVIOUS_KEYS."
        ) from None


def lookup_hash(namespace: str, value: str) -> str:
    """A keyed hash for exact-match look-up; `namespace` keeps equal values of kinds apart."""
    message = f"{namespace}\x1f{value}".encode()
    return hmac.new(_lookup_key(settings.PERSONAL_DATA_KEY), message, hashlib.sha256).hexdigest()
