from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from civicdesk.core.admin import TenantInline, TenantModelAdmin
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


@admin.register(Organisation)
class OrganisationAdmin(TenantModelAdmin):
    tenant_lookup = "pk"
    list_display = ["name", "reference_prefix", "country", "default_language", "timezone"]
    search_fields = ["name", "slug"]

    def has_add_permission(self, request):
        return request.user.is_superuser

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return []
        # The reference prefix is printed on every case and letter; only installation
        # administrators may change it.
        return ["slug", "reference_prefix", "country"]


@admin.register(Department)
class DepartmentAdmin(TenantModelAdmin):
    list_display = ["name", "code", "kind", "email", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "code"]


@admin.register(ServicePoint)
class ServicePointAdmin(TenantModelAdmin):
    list_display = ["name", "code", "kind", "department", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "code"]


class GroupMembershipInline(TenantInline, admin.TabularInline):
    model = GroupMembership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(AnswerGroup)
class AnswerGroupAdmin(TenantModelAdmin):
    list_display = ["name", "department", "service_point", "manager", "email", "is_active"]
    list_filter = ["is_active", "department"]
    search_fields = ["name", "code", "email"]
    inlines = [GroupMembershipInline]


class RoleInline(TenantInline, admin.TabularInline):
    model = RoleAssignment
    extra = 1


class MembershipOfUserInline(TenantInline, admin.TabularInline):
    model = GroupMembership
    fk_name = "user"
    extra = 1
    verbose_name = _("answer group")
    verbose_name_plural = _("answer groups")


@admin.register(User)
class UserAdmin(TenantModelAdmin, DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "email", "organisation", "is_active"]
    list_filter = ["is_active", "role_assignments__role"]
    search_fields = ["username", "first_name", "last_name", "email"]
    inlines = [RoleInline, MembershipOfUserInline]
    organisation_fieldsets = (
        (None, {"fields": ("username", "password")}),
        (
            _("Person"),
            {"fields": ("first_name", "last_name", "email", "phone", "title", "ui_language")},
        ),
        (_("Place in the organisation"), {"fields": ("organisation", "department", "manager")}),
        (
            _("Status"),
            {"fields": ("is_active", "confidential_access", "last_login", "date_joined")},
        ),
    )
    add_fieldsets = (
        (
            None,
            {"fields": ("username", "organisation", "usable_password", "password1", "password2")},
        ),
    )

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return self._without_organisation(request, self.add_fieldsets)
        if request.user.is_superuser:
            return (
                *self.organisation_fieldsets,
                (_("Installation"), {"fields": ("is_staff", "is_superuser")}),
            )
        return self._without_organisation(request, self.organisation_fieldsets)

    def _without_organisation(self, request, fieldsets):
        if request.user.is_superuser:
            return fieldsets
        return tuple(
            (
                name,
                {**options, "fields": tuple(f for f in options["fields"] if f != "organisation")},
            )
            for name, options in fieldsets
        )

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return ["last_login", "date_joined"]
        # Organisation administrators cannot grant themselves confidential access.
        return ["last_login", "date_joined", "confidential_access"]


@admin.register(ApiToken)
class ApiTokenAdmin(TenantModelAdmin):
    list_display = [
        "name",
        "prefix",
        "user",
        "created_by",
        "expires_at",
        "revoked_at",
        "last_used_at",
    ]
    readonly_fields = [
        "name",
        "user",
        "prefix",
        "created_by",
        "expires_at",
        "revoked_at",
        "last_used_at",
    ]

    def has_add_permission(self, request):
        # Tokens are created in the app, which shows the secret once.
        return False

    def has_change_permission(self, request, obj=None):
        return False
