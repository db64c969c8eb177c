"""Abstract bases shared by every app. No concrete domain models live here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from civicdesk.org.models import User


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class TenantQuerySet(models.QuerySet):
    """Every read of tenant data starts here, so the organisation rule is written once."""

    def for_organisation(self, organisation_id: int | None):
        return self.filter(organisation_id=organisation_id)

    def for_actor(self, actor: User):
        if not actor.is_authenticated or not actor.is_active:
            return self.none()
        if actor.is_superuser:
            return self.all()
        if actor.organisation_id is None:
            return self.none()
        return self.filter(organisation_id=actor.organisation_id)


class TenantModel(TimeStampedModel):
    """A row that belongs to exactly one organisation; users of another never see it."""

    organisation = models.ForeignKey(
        "org.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation"),
    )

    objects = TenantQuerySet.as_manager()

    class Meta:
        abstract = True


# The search index's table belongs to this app; importing it here registers it with Django.
from civicdesk.core.search.models import SearchEntry  # noqa: E402, F401
