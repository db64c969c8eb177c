from django.contrib import admin

from civicdesk.core.admin import TenantModelAdmin
from civicdesk.portal.models import HeldBack


@admin.register(HeldBack)
class HeldBackAdmin(TenantModelAdmin):
    """What the web form's spam defences held back, per day: many held submissions with the
    reason "sent too soon" on a day with few cases may mean the defences keep people out."""

    list_display = ["day", "form", "reason", "count"]
    list_filter = ["form", "reason"]
    date_hierarchy = "day"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
