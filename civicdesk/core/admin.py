"""The Django admin, scoped to the signed-in administrator's organisation.

Installation administrators (superusers) see every organisation. An organisation's
administrators see and choose only their own organisation's rows; another organisation's
object is a 404, as everywhere else.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.http import Http404
from django.urls import reverse


class CivicAdminSite(admin.AdminSite):
    site_header = "civicdesk"
    site_title = "civicdesk"
    index_title = "Configuration"

    def has_permission(self, request) -> bool:
        user = request.user
        if not user.is_active or not user.is_authenticated:
            return False
        return user.is_superuser or user.has_perm("org.manage_organisation")

    def login(self, request, extra_context=None):
        # One sign-in page for everybody, with its lock-out protection.
        return redirect_to_login(request.GET.get("next", reverse("admin:index")))


def _scoped(queryset, user):
    if hasattr(queryset, "for_actor"):
        return queryset.for_actor(user)
    return queryset


class TenantScopedAdminMixin:
    """Limits rows and choices to the administrator's organisation.

    `tenant_lookup` is the path from the model to its organisation's id.
    """

    tenant_lookup = "organisation_id"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(**{self.tenant_lookup: request.user.organisation_id})

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        kwargs.setdefault(
            "queryset", _scoped(db_field.related_model._default_manager.all(), request.user)
        )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs.setdefault(
            "queryset", _scoped(db_field.related_model._default_manager.all(), request.user)
        )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class TenantModelAdmin(TenantScopedAdminMixin, admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_module_permission(self, request) -> bool:
        # Organisation administrators hold their permissions through rules, not database rows.
        return request.user.is_superuser or self.has_view_or_change_permission(request)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404
        return obj

    def get_exclude(self, request, obj=None):
        exclude = list(super().get_exclude(request, obj) or [])
        if not request.user.is_superuser and self._has_organisation_field():
            exclude.append("organisation")
        return exclude

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        if request.user.is_superuser and self._has_organisation_field():
            filters.insert(0, "organisation")
        return filters

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if request.user.is_superuser or not self._has_organisation_field():
            return form
        organisation_id = request.user.organisation_id

        class OrganisationFilledForm(form):
            # Set before validation so that model.clean() compares related rows with it.
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                if self.instance.organisation_id is None:
                    self.instance.organisation_id = organisation_id

        return OrganisationFilledForm

    def _has_organisation_field(self) -> bool:
        return any(field.name == "organisation" for field in self.model._meta.fields)


class TenantInline(TenantScopedAdminMixin):
    """Inlines filter their choices; their rows come from an already scoped parent."""

    def get_queryset(self, request):
        return super(TenantScopedAdminMixin, self).get_queryset(request)
