from django.db import models
from django.utils.translation import gettext_lazy as _


class Country(models.TextChoices):
    POLAND = "PL", _("Poland")
    SWEDEN = "SE", _("Sweden")
    FINLAND = "FI", _("Finland")


class Role(models.TextChoices):
    GENERAL_AGENT = "general_agent", _("General agent")
    SPECIALIST_AGENT = "specialist_agent", _("Specialist agent")
    DEPARTMENT_EXPERT = "department_expert", _("Department expert")
    TEAM_LEAD = "team_lead", _("Team lead / manager")
    ADMINISTRATOR = "administrator", _("Administrator")
    PRODUCER_CONTACT = "producer_contact", _("Service-producer contact")


# Roles that serve citizens and therefore may look up their personal data.
CUSTOMER_SERVING_ROLES = frozenset(
    {Role.GENERAL_AGENT, Role.SPECIALIST_AGENT, Role.DEPARTMENT_EXPERT, Role.TEAM_LEAD}
)


class DepartmentKind(models.TextChoices):
    DEPARTMENT = "department", _("Department")
    SERVICE_PRODUCER = "service_producer", _("Service producer")
    LABOUR_OFFICE = "labour_office", _("Labour office")


class ServicePointKind(models.TextChoices):
    CONTACT_CENTRE = "contact_centre", _("Contact centre")
    LOCAL_OFFICE = "local_office", _("Local second-line office")
    COUNTER = "counter", _("Customer-service counter")
