"""(e) Median latency of the login page and of an authenticated JSON API call.

The whole request path (middleware, session, templates or django-ninja) through
django.test.Client. A URL that does not exist yet is skipped with a note.
"""

from django.test import Client
from django.urls import NoReverseMatch, reverse

from bench.core import latencies_ms, median
from bench.sampling import agents_by_organisation

API_ME = "/api/v1/org/me"
# force_login needs a backend that can load the user from the session; axes' cannot.
SESSION_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _measure(bench, client: Client, name: str, url: str) -> None:
    response = client.get(url)
    if response.status_code == 404:
        bench.note(f"{name}: {url} answers 404 (not built yet); skipped")
        return
    if response.status_code != 200:
        bench.note(f"{name}: {url} answers {response.status_code}; timed anyway")
    timings = latencies_ms(lambda _: client.get(url), range(bench.scale.requests))
    bench.record(f"http.{name}.median", median(timings), "ms")


def run(bench) -> None:
    try:
        login_url = reverse("login")
    except NoReverseMatch:
        bench.note("login_page: no URL named 'login' yet; skipped")
    else:
        _measure(bench, Client(), "login_page", login_url)

    client = Client()
    client.force_login(next(iter(agents_by_organisation().values())), backend=SESSION_BACKEND)
    _measure(bench, client, "api_org_me", API_ME)
