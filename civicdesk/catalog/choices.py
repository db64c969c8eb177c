from django.db import models
from django.utils.translation import pgettext_lazy

from civicdesk.org.choices import Role


class RosaTier(models.TextChoices):
    """Which competence should handle a case type (the ROSA classification)."""

    GENERAL = "general", pgettext_lazy("ROSA tier", "General agent")
    SPECIALIST = "specialist", pgettext_lazy("ROSA tier", "Specialist agent")
    EXPERT = "expert", pgettext_lazy("ROSA tier", "Department expert")


# The tiers each role may handle; a specialist also takes what a general agent takes.
TIERS_BY_ROLE: dict[str, frozenset[str]] = {
    Role.GENERAL_AGENT: frozenset({RosaTier.GENERAL}),
    Role.SPECIALIST_AGENT: frozenset({RosaTier.GENERAL, RosaTier.SPECIALIST}),
    Role.DEPARTMENT_EXPERT: frozenset({RosaTier.EXPERT}),
    Role.TEAM_LEAD: frozenset({RosaTier.GENERAL, RosaTier.SPECIALIST}),
}


def tiers_for_roles(roles) -> frozenset[str]:
    tiers: set[str] = set()
    for role in roles:
        tiers |= TIERS_BY_ROLE.get(role, frozenset())
    return frozenset(tiers)
