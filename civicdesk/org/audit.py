"""Configuration changes are recorded by django-auditlog: who changed what, when."""

from auditlog.registry import auditlog

from civicdesk.org.models import (
    AnswerGroup,
    ApiToken,
    Department,
    GroupMembership,
    Organisation,
    RoleAssignment,
    ServicePoint,
    User,
)

auditlog.register(Organisation)
auditlog.register(Department)
auditlog.register(ServicePoint)
auditlog.register(AnswerGroup, m2m_fields={"members"})
auditlog.register(GroupMembership)
auditlog.register(RoleAssignment)
auditlog.register(ApiToken, exclude_fields=["token_hash"])
auditlog.register(User, exclude_fields=["password", "last_login"])
