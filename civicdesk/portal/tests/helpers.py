"""Filling in the citizens' forms from the tests, as a browser would: open the page, take its
signed form token, send."""

import re

from django.urls import reverse

from civicdesk.integrations.models import OutboundEmail

TOKEN = re.compile(r'name="form_token" value="([^"]+)"')
CODE = re.compile(r"\b(\d{6})\b")


def contact_url(tenant, lang: str = "en") -> str:
    return f"{reverse('portal:contact', args=[tenant.organisation.slug])}?lang={lang}"


def status_url(tenant, lang: str = "en") -> str:
    return f"{reverse('portal:status', args=[tenant.organisation.slug])}?lang={lang}"


def form_token(client, url: str) -> str:
    return TOKEN.search(client.get(url).content.decode()).group(1)


def message(tenant, **changes) -> dict:
    return {
        "topic": tenant.topic.pk,
        "subject": "Broken street light",
        "message": "The light outside Storgatan 12 has been dark for a week.",
        "name": "Anna Berg",
        "email": "Anna.Berg@example.se",
        "phone": "",
        **changes,
    }


def send(client, tenant, data: dict | None = None, *, lang: str = "en", **request):
    """Opens the contact form and sends `data` (a valid message unless given)."""
    url = contact_url(tenant, lang)
    data = data if data is not None else message(tenant)
    return client.post(url, {**data, "form_token": form_token(client, url)}, **request)


def ask_for_code(client, tenant, reference: str, contact: str, *, lang: str = "en", **request):
    url = status_url(tenant, lang)
    data = {"reference": reference, "contact": contact, "form_token": form_token(client, url)}
    return client.post(url, data, **request)


def mailed_code(to: str) -> str:
    """The code in the newest code e-mail to `to`."""
    email = OutboundEmail.objects.filter(dedupe_key__startswith="portal-code:").latest("pk")
    assert email.to == [to]
    return CODE.search(email.body_text).group(1)
