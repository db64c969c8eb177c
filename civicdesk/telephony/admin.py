from django.contrib import admin

from civicdesk.core.admin import TenantModelAdmin
from civicdesk.telephony.models import Extension


@admin.register(Extension)
class ExtensionAdmin(TenantModelAdmin):
    list_display = ["number", "user"]
    search_fields = ["number", "user__username", "user__first_name", "user__last_name"]
