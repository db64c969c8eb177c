"""The Django admin keeps the directory, checklists and tags of an organisation.

Articles, service cards, notices and quizzes are edited on their own pages, which version,
sanitise and index what is written; the admin does not offer them. Saving here re-indexes
the object for search, as the services do.
"""

from django.contrib import admin

from civicdesk.core.admin import TenantInline, TenantModelAdmin
from civicdesk.knowledge import search
from civicdesk.knowledge.models import Checklist, ChecklistStep, DirectoryEntry, Tag


class ChecklistStepInline(TenantInline, admin.TabularInline):
    model = ChecklistStep
    extra = 1
    fields = ["position", "text_sv", "text_pl", "text_fi", "text_en", "is_active"]
    can_delete = False  # a removed step stays, inactive, for the cases that ticked it


@admin.register(Checklist)
class ChecklistAdmin(TenantModelAdmin):
    list_display = ["__str__", "case_type", "department", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name_sv", "name_pl", "name_fi", "name_en", "case_type__code"]
    inlines = [ChecklistStepInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        search.index_checklist(form.instance)


@admin.register(DirectoryEntry)
class DirectoryEntryAdmin(TenantModelAdmin):
    list_display = ["name", "kind", "institution", "role", "phone", "email", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "institution", "role", "notes"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        search.index_directory_entry(obj)


@admin.register(Tag)
class TagAdmin(TenantModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]
