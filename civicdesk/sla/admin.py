from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from civicdesk.core.admin import TenantInline, TenantModelAdmin
from civicdesk.sla.models import BusinessCalendar, Closure, OpeningHours, SlaPolicy


class AtLeastOneRow(BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if not kept:
            raise ValidationError(_("A calendar needs opening hours on at least one weekday."))


class OpeningHoursInline(TenantInline, admin.TabularInline):
    model = OpeningHours
    formset = AtLeastOneRow
    extra = 0


class ClosureInline(TenantInline, admin.TabularInline):
    model = Closure
    extra = 0


@admin.register(BusinessCalendar)
class BusinessCalendarAdmin(TenantModelAdmin):
    list_display = ["name", "service_point", "holiday_country", "timezone"]
    inlines = [OpeningHoursInline, ClosureInline]


@admin.register(SlaPolicy)
class SlaPolicyAdmin(TenantModelAdmin):
    list_display = [
        "name",
        "case_type",
        "answer_group",
        "first_response_amount",
        "first_response_unit",
        "feedback_amount",
        "feedback_unit",
        "resolution_amount",
        "resolution_unit",
    ]
    list_filter = ["answer_group"]
