"""A user of organisation A gets 404 for every object of organisation B: UI, API and admin.

The routes are discovered, not listed, so a new route with an object id is checked without
anyone remembering to add it; a route whose id this file cannot fill makes the test fail.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from civicdesk.api import api
from civicdesk.cases.models import CaseAttachment
from civicdesk.customers.models import AccessPurpose, PersonalDataAccess
from civicdesk.org.choices import Role
from civicdesk.org.services import create_api_token
from civicdesk.portal.models import HeldBack
from civicdesk.reporting.models import Digest, DigestKind
from civicdesk.sla import services as sla_services
from civicdesk.testing.factories import SmsNumberFactory
from civicdesk.testing.knowledge import Knowledge, build_knowledge

pytestmark = pytest.mark.django_db

ROLES_TRIED = [Role.ADMINISTRATOR, Role.GENERAL_AGENT, Role.TEAM_LEAD]


def knowledge_of(tenant) -> Knowledge:
    """The tenant's small knowledge base, built once per test."""
    if getattr(tenant, "knowledge", None) is None:
        tenant.knowledge = build_knowledge(tenant)
    return tenant.knowledge


def object_ids(tenant) -> dict[str, int]:
    """What each URL parameter name points at, in the given organisation."""
    return {
        "group_id": tenant.group.pk,
        "case_type_id": tenant.case_type.pk,
        "customer_id": tenant.customer.pk,
        "contact_id": tenant.customer.contacts.first().pk,
        "department_id": tenant.department.pk,
        "service_point_id": tenant.service_point.pk,
        "user_id": tenant.user(Role.GENERAL_AGENT).pk,
        "case_id": tenant.case.pk,
        "mailbox_id": mail_of(tenant).mailbox.pk,
        "mail_message_id": mail_of(tenant).message.pk,
        "quarantined_mail_id": mail_of(tenant).quarantined.pk,
        "call_id": call_of(tenant).pk,
        "attachment_id": CaseAttachment.objects.get_or_create(
            organisation=tenant.organisation,
            case=tenant.case,
            defaults={
                "filename": "a.txt",
                "content_type": "text/plain",
                "size": 1,
                "content": b"a",
            },
        )[0].pk,
        "digest_id": Digest.objects.get_or_create(
            organisation=tenant.organisation,
            kind=DigestKind.WEEKLY_OVERDUE,
            answer_group=tenant.group,
            period_start=datetime.date(2026, 11, 23),
            defaults={"period_end": datetime.date(2026, 11, 29), "data": {"cases": []}},
        )[0].pk,
        "statement_id": statement_of(tenant).pk,
        "reference": tenant.case.reference,
        "action": "note",
        "article_id": knowledge_of(tenant).article.pk,
        "checklist_id": knowledge_of(tenant).checklist.pk,
        "card_id": knowledge_of(tenant).card.pk,
        "notice_id": knowledge_of(tenant).notice.pk,
        "entry_id": knowledge_of(tenant).entry.pk,
        "quiz_id": knowledge_of(tenant).quiz.pk,
        "question_id": knowledge_of(tenant).quiz.questions.first().pk,
        "attempt_id": knowledge_of(tenant).attempt.pk,
    }


def statement_of(tenant):
    """A billing statement of the tenant's department at its service point."""
    from civicdesk.billing.models import Statement

    return Statement.objects.get_or_create(
        organisation=tenant.organisation,
        producer=tenant.department,
        service_point=tenant.service_point,
        month=datetime.date(2026, 10, 1),
        version=1,
        defaults={
            "number": f"{tenant.organisation.reference_prefix}-2026-10-v1",
            "currency": "SEK",
            "produced_at": datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC),
        },
    )[0]


def call_of(tenant):
    """A call the tenant's phone system reported."""
    from civicdesk.telephony.models import Call

    return Call.objects.get_or_create(
        organisation=tenant.organisation,
        external_id="1700000000.1",
        defaults={"offered_at": datetime.datetime(2026, 11, 23, 9, tzinfo=datetime.UTC)},
    )[0]


def extension_of(tenant):
    from civicdesk.telephony.models import Extension

    return Extension.objects.get_or_create(
        organisation=tenant.organisation,
        number="1001",
        defaults={"user": tenant.user(Role.GENERAL_AGENT)},
    )[0]


@dataclass
class Mail:
    mailbox: object
    message: object
    quarantined: object


def mail_of(tenant) -> Mail:
    """A mailbox of the tenant with a received message and a quarantined one, built once."""
    if getattr(tenant, "mail", None) is None:
        from civicdesk.intake.services import receive_message
        from civicdesk.testing.factories import MailboxFactory

        mailbox = MailboxFactory(
            organisation=tenant.organisation, default_case_type=tenant.case_type
        )
        message = receive_message(
            mailbox=mailbox,
            raw=b"From: a@citizen.example\r\nSubject: Hello\r\n\r\nA question\r\n",
            source="http",
        )
        quarantined = receive_message(
            mailbox=mailbox, raw=b"Subject: no sender\r\n\r\nx\r\n", source="http"
        )
        tenant.mail = Mail(mailbox, message, quarantined)
    return tenant.mail


def ui_routes(resolver=None, prefix=""):
    """(route with <converters>, name) for every non-admin, non-API pattern with parameters."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            # The citizens' FAQ is public by design; portal/tests check its own scoping.
            if route.startswith(("admin/", "api/", "faq/")):
                continue
            yield from ui_routes(pattern, route)
        elif isinstance(pattern, URLPattern) and "<" in route:
            yield route


def fill(route: str, ids: dict[str, int]) -> str:
    def value(match):
        name = match.group(2)
        assert name in ids, f"tests/test_tenancy.py cannot fill <{name}> in {route}: add it"
        return str(ids[name])

    return "/" + re.sub(r"<(\w+:)?(\w+)>", value, route)


def test_every_ui_route_with_an_object_of_another_organisation_is_404(client, tenant_a, tenant_b):
    routes = list(ui_routes())
    assert len(routes) >= 7
    for role in ROLES_TRIED:
        client.force_login(tenant_a.user(role))
        for route in routes:
            url = fill(route, object_ids(tenant_b))
            statuses = {
                client.get(url + "?purpose=contact").status_code,
                client.post(
                    url,
                    {"purpose": "contact", "kind": "phone", "value": "+46705550199", "name": "X"},
                ).status_code,
            }
            # A method the route does not take is 405; the one it takes must say 404.
            assert 404 in statuses and statuses <= {404, 405}, (role, url, statuses)
    assert not PersonalDataAccess.objects.filter(customer=tenant_b.customer).exists()


def test_the_same_ui_routes_open_the_actors_own_objects(client, tenant_a):
    """The control: the routes above say 404 because of the organisation, not by accident."""
    client.force_login(tenant_a.user(Role.ADMINISTRATOR))
    for route in ui_routes():
        url = fill(route, object_ids(tenant_a))
        statuses = {
            client.get(url + "?purpose=contact").status_code,
            client.post(
                url + "?purpose=contact",
                {"purpose": "contact", "kind": "phone", "value": "+46705550199", "name": "X"},
            ).status_code,
        }
        # Found, whatever the answer: a page, a redirect, a refused form or a refused role.
        assert 404 not in statuses, (url, statuses)
        assert statuses - {405}, (url, statuses)


def api_operations():
    schema = api.get_openapi_schema()
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


# Bodies for writes, so that the request reaches the object look-up instead of stopping at
# input validation. A write without an entry here fails the test with a 422.
EXAMPLE_BODIES = {
    ("post", "/api/v1/org/groups/{group_id}/members"): lambda tenant: {
        "user_id": tenant.user(Role.GENERAL_AGENT).pk
    },
    ("patch", "/api/v1/catalog/case-types/{case_type_id}"): lambda tenant: {
        "handled_by_centre": False
    },
    ("patch", "/api/v1/customers/{customer_id}"): lambda tenant: {"name": "Changed"},
    ("post", "/api/v1/customers/{customer_id}/contacts"): lambda tenant: {
        "kind": "phone",
        "value": "+46705550199",
    },
    ("post", "/api/v1/cases/{case_id}/contacts"): lambda tenant: {
        "channel": "phone",
        "summary": "Called back",
    },
    ("post", "/api/v1/cases/{case_id}/notes"): lambda tenant: {"text": "A note"},
    ("post", "/api/v1/cases/{case_id}/forward"): lambda tenant: {
        "group_id": tenant.group.pk,
        "reason": "To the department",
    },
    ("post", "/api/v1/cases/{case_id}/return-to-department"): lambda tenant: {"reason": "r"},
    ("post", "/api/v1/cases/{case_id}/assign"): lambda tenant: {
        "handler_id": tenant.user(Role.DEPARTMENT_EXPERT).pk
    },
    ("post", "/api/v1/cases/{case_id}/wait"): lambda tenant: {"reason": "r"},
    ("post", "/api/v1/cases/{case_id}/resolve"): lambda tenant: {"resolution": "Answered"},
    ("post", "/api/v1/cases/{case_id}/reopen"): lambda tenant: {"reason": "r"},
    ("post", "/api/v1/cases/{case_id}/case-type"): lambda tenant: {
        "case_type_id": tenant.case_type.pk
    },
    ("post", "/api/v1/cases/{case_id}/confidentiality"): lambda tenant: {
        "confidential": False,
        "reason": "r",
    },
    ("post", "/api/v1/cases/{case_id}/checklist"): lambda tenant: {
        "step_id": knowledge_of(tenant).checklist.steps.first().pk,
        "done": True,
    },
    ("patch", "/api/v1/knowledge/articles/{article_id}"): lambda tenant: {"audience": "internal"},
    ("post", "/api/v1/knowledge/articles/{article_id}/status"): lambda tenant: {
        "status": "published"
    },
    ("post", "/api/v1/cases/{case_id}/corrections"): lambda tenant: {
        "event_id": tenant.case.events.first().pk,
        "text": "Corrected",
    },
}


def body_for(method, path, tenant):
    build = EXAMPLE_BODIES.get((method, path))
    return build(tenant) if build else {}


def test_every_api_operation_with_an_object_of_another_organisation_is_404(
    client, tenant_a, tenant_b
):
    tried = 0
    for role in ROLES_TRIED:
        _token, secret = create_api_token(
            actor=tenant_a.user(Role.ADMINISTRATOR), user=tenant_a.user(role), name=f"test {role}"
        )
        for path, method, _operation in api_operations():
            if "{" not in path:
                continue
            url = fill(path.lstrip("/").replace("{", "<").replace("}", ">"), object_ids(tenant_b))
            response = getattr(client, method)(
                url + f"?purpose={AccessPurpose.CONTACT}",
                data=body_for(method, path, tenant_a),
                content_type="application/json",
                headers={"Authorization": f"Bearer {secret}"},
            )
            assert response.status_code == 404, (role, method, url, response.content)
            assert response.json()["detail"]
            tried += 1
    assert tried >= 3 * 10
    assert not PersonalDataAccess.objects.filter(customer=tenant_b.customer).exists()


def test_the_same_api_operations_reach_the_actors_own_objects(client, tenant_a):
    _token, secret = create_api_token(
        actor=tenant_a.user(Role.ADMINISTRATOR),
        user=tenant_a.user(Role.ADMINISTRATOR),
        name="control",
    )
    for path, method, _operation in api_operations():
        if "{" not in path:
            continue
        url = fill(path.lstrip("/").replace("{", "<").replace("}", ">"), object_ids(tenant_a))
        response = getattr(client, method)(
            url + f"?purpose={AccessPurpose.CONTACT}",
            data=body_for(method, path, tenant_a),
            content_type="application/json",
            headers={"Authorization": f"Bearer {secret}"},
        )
        assert response.status_code not in (404, 422), (method, url, response.content)


def admin_objects(tenant) -> dict:
    token, _secret = create_api_token(
        actor=tenant.user(Role.ADMINISTRATOR), user=tenant.user(Role.GENERAL_AGENT), name="tenancy"
    )
    access = PersonalDataAccess.objects.create(
        organisation=tenant.organisation,
        customer=tenant.customer,
        actor=tenant.user(Role.GENERAL_AGENT),
        purpose="contact",
        action="record",
        via="ui",
    )
    administrator = tenant.user(Role.ADMINISTRATOR)
    calendar = sla_services.create_calendar(
        actor=administrator,
        organisation=tenant.organisation,
        name="Office hours",
        opening_hours=[(day, datetime.time(8), datetime.time(16)) for day in range(5)],
    )
    policy = sla_services.create_policy(
        actor=administrator, organisation=tenant.organisation, name="Default policy"
    )
    return {
        "org.organisation": tenant.organisation,
        "org.department": tenant.department,
        "org.servicepoint": tenant.service_point,
        "org.answergroup": tenant.group,
        "org.user": tenant.user(Role.GENERAL_AGENT),
        "org.apitoken": token,
        "telephony.extension": extension_of(tenant),
        "catalog.topic": tenant.topic,
        "catalog.casetype": tenant.case_type,
        "customers.customer": tenant.customer,
        "customers.personaldataaccess": access,
        "knowledge.checklist": knowledge_of(tenant).checklist,
        "knowledge.directoryentry": knowledge_of(tenant).entry,
        "knowledge.tag": knowledge_of(tenant).tag,
        "sla.businesscalendar": calendar,
        "sla.slapolicy": policy,
        "sms.smsnumber": SmsNumberFactory(
            organisation=tenant.organisation, default_case_type=tenant.case_type
        ),
        "intake.mailbox": mail_of(tenant).mailbox,
        "portal.heldback": HeldBack.objects.create(
            organisation=tenant.organisation,
            day=datetime.date(2026, 11, 23),
            form="contact",
            reason="honeypot",
            count=1,
        ),
        **billing_admin_objects(tenant),
    }


def billing_admin_objects(tenant) -> dict:
    from civicdesk.billing.models import Price, ServiceEventType

    event_type, _created = ServiceEventType.objects.get_or_create(
        organisation=tenant.organisation, code="visit", defaults={"name_en": "Visit"}
    )
    price, _created = Price.objects.get_or_create(
        organisation=tenant.organisation,
        producer=tenant.department,
        event_type=event_type,
        valid_from=datetime.date(2026, 1, 1),
        defaults={"amount_cents": 1000, "currency": "SEK"},
    )
    return {"billing.serviceeventtype": event_type, "billing.price": price}


def test_every_admin_page_of_another_organisations_object_is_404(client, tenant_a, tenant_b):
    theirs = admin_objects(tenant_b)
    mine_by_label = admin_objects(tenant_a)
    client.force_login(tenant_a.user(Role.ADMINISTRATOR))
    for model in admin.site._registry:
        label = model._meta.label_lower
        changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        if label not in theirs:
            # Installation-wide models (tasks, audit log, lock-outs) are not for organisations.
            assert client.get(changelist).status_code == 403, label
            continue
        obj = theirs[label]
        for view in ("change", "delete", "history"):
            url = reverse(
                f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=[obj.pk]
            )
            assert client.get(url).status_code == 404, (label, view)
        mine = mine_by_label[label]
        own_change = reverse(
            f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[mine.pk]
        )
        assert client.get(own_change).status_code == 200, (label, "own object")
        listing = client.get(changelist)
        assert listing.status_code == 200, label
        assert f"/{obj.pk}/change/" not in listing.content.decode() or label == "org.user", label
    assert set(theirs) <= {m._meta.label_lower for m in admin.site._registry}


def test_an_administrator_chooses_only_rows_of_their_organisation(client, tenant_a, tenant_b):
    client.force_login(tenant_a.user(Role.ADMINISTRATOR))
    page = client.get(reverse("admin:catalog_casetype_add")).content.decode()
    assert tenant_a.department.name in page
    assert tenant_b.department.name not in page
    assert tenant_b.group.name not in page
