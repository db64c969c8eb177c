"""(g) POST /api/v1/cases against a bare django-ninja insert, requests per second and ratio.

Both go through django.test.Client in this process with the same bearer token, middleware
and token authentication, alternating request by request so that drift (caches, the
database growing, other load on the machine) weighs on both alike. The bare endpoint is
the floor any API write pays: resolve the URL, authenticate the token, parse a body, INSERT
one row into a small table, answer JSON. Registering a case does what the agent's screen
does: a phone contact with a case type and a customer, numbered, with its timeline, contact,
deadlines and alarms, and its search-index task queued (a worker writes the entry; none runs
here), answered with the case. The target is a ratio of at least 0.5.

Also recorded: the queries each request runs, which is where the difference comes from.
"""

from __future__ import annotations

import random
import time
import types

from django.db import connection, models
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import include, path
from ninja import NinjaAPI, Schema

from bench.sampling import agents_by_organisation
from civicdesk.api import BearerTokenAuth
from civicdesk.cases.choices import Channel
from civicdesk.catalog.models import CaseType
from civicdesk.customers.models import Customer
from civicdesk.org.models import User
from civicdesk.org.services import create_api_token

REGISTER_URL = "/api/v1/cases"
BARE_URL = "/bench-api/insert"
WARM_UP = 20


class BareInsert(models.Model):
    """The small table of the bare endpoint; created and dropped by this scenario."""

    organisation_id = models.BigIntegerField()
    note = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "bench"
        db_table = "bench_bare_insert"

    def __str__(self) -> str:
        return self.note


class NoteIn(Schema):
    note: str


class InsertedOut(Schema):
    id: int


def _bare_api() -> NinjaAPI:
    bare = NinjaAPI(urls_namespace="bench", auth=[BearerTokenAuth()], docs_url=None)

    @bare.post("/insert", response={201: InsertedOut})
    def insert(request, payload: NoteIn):
        row = BareInsert.objects.create(
            organisation_id=request.auth.organisation_id, note=payload.note
        )
        return 201, {"id": row.pk}

    return bare


def _urlconf() -> types.ModuleType:
    """The project's URLs plus the bare endpoint: the same resolver walk for both."""
    urlconf = types.ModuleType("bench_api_urls")
    urlconf.urlpatterns = [
        path("bench-api/", _bare_api().urls),
        path("", include("civicdesk.urls")),
    ]
    return urlconf


def _registration(organisation_id: int, rng: random.Random) -> list[dict]:
    """Bodies an integration would send: phone contacts with a type and a known customer."""
    case_types = list(
        CaseType.objects.filter(organisation_id=organisation_id, is_active=True).values_list(
            "pk", flat=True
        )
    )
    customers = list(
        Customer.objects.filter(organisation_id=organisation_id)
        .order_by("pk")
        .values_list("pk", flat=True)[:5000]
    )
    return [
        {
            "channel": Channel.PHONE,
            "case_type_id": rng.choice(case_types),
            "customer_id": rng.choice(customers),
            "subject": "Fråga om bygglov för carport",
            "description": "Kunden undrar hur lång handläggningstiden är för bygglov.",
            "duration_seconds": rng.randint(40, 400),
            "summary": "Ringde om bygglov.",
        }
        for _ in range(64)
    ]


def _post(client: Client, url: str, body: dict, token: str) -> float:
    started = time.perf_counter()
    response = client.post(
        url, body, content_type="application/json", headers={"Authorization": f"Bearer {token}"}
    )
    elapsed = time.perf_counter() - started
    if response.status_code != 201:
        raise RuntimeError(f"{url} answered {response.status_code}: {response.content[:300]!r}")
    return elapsed


def _queries(client: Client, url: str, body: dict, token: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        _post(client, url, body, token)
    return len(captured)


def run(bench) -> None:
    agent = next(iter(agents_by_organisation().values()))
    admin = User.objects.get(username="admin")
    _token, secret = create_api_token(actor=admin, user=agent, name="benchmark")
    bodies = _registration(agent.organisation_id, random.Random(bench.seed))
    requests = bench.scale.requests
    with connection.schema_editor() as editor:
        editor.create_model(BareInsert)
    try:
        with override_settings(ROOT_URLCONF=_urlconf()):
            client = Client()
            for index in range(WARM_UP):
                _post(client, REGISTER_URL, bodies[index % len(bodies)], secret)
                _post(client, BARE_URL, {"note": f"warm-up {index}"}, secret)
            register = bare = 0.0
            for index in range(requests):  # alternating, so drift weighs on both alike
                register += _post(client, REGISTER_URL, bodies[index % len(bodies)], secret)
                bare += _post(client, BARE_URL, {"note": f"request {index}"}, secret)
            register_queries = _queries(client, REGISTER_URL, bodies[0], secret)
            bare_queries = _queries(client, BARE_URL, {"note": "counted"}, secret)
    finally:
        with connection.schema_editor() as editor:
            editor.delete_model(BareInsert)
    bench.record("api.register_case", requests / register, "requests/s")
    bench.record("api.bare_insert", requests / bare, "requests/s")
    bench.record("api.register_case.ratio_to_bare_insert", bare / register, "ratio")
    bench.record("api.register_case.queries", register_queries, "queries")
    bench.record("api.bare_insert.queries", bare_queries, "queries")
