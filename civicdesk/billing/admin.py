from django.contrib import admin

from civicdesk.billing.models import EventTypeMapping, Price, ServiceEventType
from civicdesk.core.admin import TenantInline, TenantModelAdmin

NAME_FIELDS = ["name_fi", "name_sv", "name_pl", "name_en"]


class EventTypeMappingInline(TenantInline, admin.TabularInline):
    model = EventTypeMapping
    extra = 0


@admin.register(ServiceEventType)
class ServiceEventTypeAdmin(TenantModelAdmin):
    list_display = ["code", "__str__", "delivery", "is_active"]
    list_filter = ["delivery", "is_active"]
    search_fields = ["code", *NAME_FIELDS]
    inlines = [EventTypeMappingInline]


@admin.register(Price)
class PriceAdmin(TenantModelAdmin):
    """Prices may be corrected here too; the model refuses overlaps. The pages' form (and the
    service behind it) is the usual way: it ends the previous price for you."""

    list_display = ["producer", "event_type", "amount_cents", "currency", "valid_from", "valid_to"]
    list_filter = ["producer", "event_type"]
    readonly_fields = ["currency"]

    def save_model(self, request, obj, form, change):
        from civicdesk.billing.services import currency_of

        obj.currency = currency_of(obj.organisation)
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
