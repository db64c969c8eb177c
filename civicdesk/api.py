"""The REST API: routers of every app under /api/v1/, documentation at /api/docs."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import NinjaAPI
from ninja.security import HttpBearer, SessionAuth

from civicdesk.billing.api import router as billing_router
from civicdesk.cases.api import router as cases_router
from civicdesk.catalog.api import router as catalog_router
from civicdesk.core.errors import DomainError
from civicdesk.customers.api import router as customers_router
from civicdesk.intake.api import router as intake_router
from civicdesk.knowledge.api import router as knowledge_router
from civicdesk.org.api import router as org_router
from civicdesk.org.services import authenticate_api_token
from civicdesk.sms.api import router as sms_router
from civicdesk.telephony.api import router as telephony_router


class BearerTokenAuth(HttpBearer):
    """`Authorization: Bearer cd_...`: a per-integration token acting as its service user."""

    openapi_description = "A per-integration token created by an administrator."

    def authenticate(self, request, token):
        user = authenticate_api_token(token)
        if user is not None:
            request.user = user
        return user


class UserSessionAuth(SessionAuth):
    """A signed-in user's browser session (CSRF token required for writes)."""

    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        return user if user is not None and user.is_active else None


api = NinjaAPI(
    title="civicdesk API",
    version="1",
    description=(
        "Every contact becomes a case. This API offers the same reads and actions as the agent "
        "interface, scoped to the caller's organisation and permissions. Authenticate with a "
        "per-integration bearer token or a signed-in session. Errors are "
        '`{"detail": "...", "field": "...", "code": "..."}` with a 4xx status.'
    ),
    urls_namespace="api",
    docs_url="/docs",
    auth=[BearerTokenAuth(), UserSessionAuth()],
)


@api.exception_handler(DomainError)
def domain_error(request, exc: DomainError):
    return api.create_response(
        request,
        {"detail": str(exc.message), "field": exc.field, "code": exc.code},
        status=exc.status_code,
    )


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Not found.", "code": "not_found"}, status=404)


@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    return api.create_response(
        request,
        {"detail": "You do not have permission to do this.", "code": "forbidden"},
        status=403,
    )


api.add_router("/v1/org", org_router)
api.add_router("/v1/catalog", catalog_router)
api.add_router("/v1/customers", customers_router)
api.add_router("/v1/cases", cases_router)
api.add_router("/v1/knowledge", knowledge_router)
api.add_router("/v1/mail", intake_router)
api.add_router("/v1/sms", sms_router)
api.add_router("/v1/telephony", telephony_router)
api.add_router("/v1/billing", billing_router)
