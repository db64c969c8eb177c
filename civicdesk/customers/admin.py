"""Administrators may look at the register here; changes go through the app's forms.

Opening a record or a list page here is written to the personal-data access log like
anywhere else.
"""

from django.contrib import admin

from civicdesk.core.admin import TenantInline, TenantModelAdmin
from civicdesk.customers.access_log import record_access
from civicdesk.customers.models import AccessPurpose, Customer, CustomerContact, PersonalDataAccess


class ContactInline(TenantInline, admin.TabularInline):
    model = CustomerContact
    fields = ["kind", "value", "label", "is_primary"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Customer)
class CustomerAdmin(TenantModelAdmin):
    list_display = ["name", "kind", "preferred_language", "country", "created_at"]
    list_filter = ["kind", "preferred_language"]
    search_fields = ["name"]
    fields = [
        "kind",
        "name",
        "preferred_language",
        "country",
        "business_id",
        "has_national_id",
        "created_at",
        "created_by",
    ]
    readonly_fields = fields
    inlines = [ContactInline]

    @admin.display(boolean=True, description="national ID")
    def has_national_id(self, obj):
        return obj.has_national_id

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        customer = self.get_object(request, object_id)
        record_access(
            actor=request.user,
            customers=[customer],
            purpose=AccessPurpose.ADMINISTRATION,
            reason="",
            action="record",
            via="admin",
        )
        return super().change_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:
            record_access(
                actor=request.user,
                customers=changelist.result_list,
                purpose=AccessPurpose.ADMINISTRATION,
                reason="",
                action="search_result",
                via="admin",
            )
        return response


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(TenantModelAdmin):
    list_display = ["at", "actor", "customer", "purpose", "action", "via", "reason"]
    list_filter = ["purpose", "action", "via"]
    date_hierarchy = "at"
    list_select_related = ["actor", "customer"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
