from django.contrib import admin

from civicdesk.catalog.models import CaseType, Topic
from civicdesk.core.admin import TenantModelAdmin

NAME_FIELDS = ["name_sv", "name_pl", "name_fi", "name_en"]


@admin.register(Topic)
class TopicAdmin(TenantModelAdmin):
    list_display = ["code", "__str__", "position", "is_active"]
    search_fields = ["code", *NAME_FIELDS]


@admin.register(CaseType)
class CaseTypeAdmin(TenantModelAdmin):
    list_display = [
        "code",
        "__str__",
        "department",
        "rosa_tier",
        "default_group",
        "confidential_by_default",
        "handled_by_centre",
        "is_active",
    ]
    list_filter = ["rosa_tier", "confidential_by_default", "handled_by_centre", "is_active"]
    search_fields = ["code", *NAME_FIELDS]
    autocomplete_fields = []
