"""Signing in, and the lock-out that pauses guessing without shutting an agent out for good."""

import datetime

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from civicdesk.org.choices import Role
from civicdesk.testing.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(client, username, password):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR="10.0.0.7"
    )


def test_the_sign_in_page_is_served(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


def test_pages_need_a_signed_in_user(client):
    for url in [
        "/",
        reverse("customers:lookup"),
        reverse("org:directory"),
        reverse("catalog:catalogue"),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


@override_settings(
    AXES_ENABLED=True, AXES_FAILURE_LIMIT=3, AXES_COOLOFF_TIME=datetime.timedelta(minutes=15)
)
def test_repeated_wrong_passwords_pause_sign_in_then_the_pause_ends(client, tenant_a):
    username = tenant_a.user(Role.GENERAL_AGENT).username
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _attempt in range(3):
            sign_in(client, username, "wrong")
        locked = sign_in(client, username, TEST_PASSWORD)
        assert locked.status_code == 429
        assert "paused" in locked.content.decode()
        assert "Try again in 15 minutes" in locked.content.decode()
    with time_machine.travel(start + datetime.timedelta(minutes=16), tick=False):
        response = sign_in(client, username, TEST_PASSWORD)
        assert response.status_code == 302
        assert response["Location"] == reverse("home")


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_an_attacker_cannot_lock_an_agent_out_from_another_address(client, tenant_a):
    username = tenant_a.user(Role.GENERAL_AGENT).username
    for _attempt in range(5):
        sign_in(client, username, "wrong")
    response = client.post(
        reverse("login"), {"username": username, "password": TEST_PASSWORD}, REMOTE_ADDR="10.9.9.9"
    )
    assert response.status_code == 302
