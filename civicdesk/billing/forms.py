import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from civicdesk.billing.choices import PRODUCER_KINDS, StatementStatus
from civicdesk.billing.models import ServiceEventType
from civicdesk.org.models import Department, ServicePoint


class MonthField(forms.CharField):
    widget = forms.TextInput(attrs={"type": "month"})

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Month"))
        kwargs.setdefault("help_text", _("Year and month, such as 2026-10."))
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return datetime.datetime.strptime(value, "%Y-%m").date()
        except ValueError:
            raise forms.ValidationError(
                _("Give a year and a month, such as 2026-10."), code="invalid"
            ) from None


def producers_of(organisation):
    return Department.objects.filter(organisation=organisation, kind__in=PRODUCER_KINDS).order_by(
        "name"
    )


class StatementFilterForm(forms.Form):
    month = MonthField(required=False)
    producer = forms.ModelChoiceField(
        label=_("Service producer"),
        queryset=Department.objects.none(),
        required=False,
        empty_label=_("Every producer"),
    )
    service_point = forms.ModelChoiceField(
        label=_("Service point"),
        queryset=ServicePoint.objects.none(),
        required=False,
        empty_label=_("Every service point"),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Any status")), *StatementStatus.choices],
        required=False,
    )

    def __init__(self, *args, organisation, sees_every_producer: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["producer"].queryset = producers_of(organisation)
        self.fields["service_point"].queryset = ServicePoint.objects.filter(
            organisation=organisation
        ).order_by("name")
        if not sees_every_producer:
            # A producer's contact sees their own producer's issued statements anyway.
            del self.fields["producer"]
            del self.fields["status"]

    def filter(self, statements):
        data = self.cleaned_data
        if data.get("month"):
            statements = statements.filter(month=data["month"].replace(day=1))
        if data.get("producer"):
            statements = statements.filter(producer=data["producer"])
        if data.get("service_point"):
            statements = statements.filter(service_point=data["service_point"])
        if data.get("status"):
            statements = statements.filter(status=data["status"])
        return statements


class ProduceForm(forms.Form):
    month = MonthField(
        help_text=_("A month that is over. Drafts are produced or recomputed; issued statements "
                    "never change: a changed month gets a correction to issue.")
    )  # fmt: skip


class PriceForm(forms.Form):
    producer = forms.ModelChoiceField(
        label=_("Service producer"), queryset=Department.objects.none()
    )
    event_type = forms.ModelChoiceField(
        label=_("Service event type"), queryset=ServiceEventType.objects.none()
    )
    amount = forms.CharField(
        label=_("Price of one event"),
        max_length=20,
        help_text=_("In the organisation's currency, such as 12.50."),
    )
    valid_from = forms.DateField(
        label=_("Valid from"), widget=forms.DateInput(attrs={"type": "date"})
    )
    valid_to = forms.DateField(
        label=_("Valid until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The last day. Empty: until a later price starts."),
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["producer"].queryset = producers_of(organisation)
        self.fields["event_type"].queryset = ServiceEventType.objects.filter(
            organisation=organisation, is_active=True
        ).order_by("code")
