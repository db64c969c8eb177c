import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from civicdesk.org.models import AnswerGroup
from civicdesk.reporting.breakdowns import DIMENSIONS, GRAINS
from civicdesk.reporting.staffing import StaffingRequest


class StaffingForm(forms.Form):
    answer_group = forms.ModelChoiceField(
        label=_("Answer group"),
        queryset=AnswerGroup.objects.none(),
        required=False,
        empty_label=_("The whole organisation"),
    )
    target_percent = forms.IntegerField(
        label=_("Service level target (%)"), min_value=1, max_value=99, initial=80
    )
    threshold_seconds = forms.IntegerField(
        label=_("Answered within (seconds)"), min_value=0, max_value=3600, initial=20
    )
    shrinkage_percent = forms.IntegerField(
        label=_("Shrinkage (%)"),
        min_value=0,
        max_value=90,
        initial=30,
        help_text=_("Paid time not on the phones: breaks, training, absence."),
    )
    handle_seconds = forms.IntegerField(
        label=_("Average handle time (seconds)"),
        min_value=1,
        max_value=7200,
        required=False,
        help_text=_("Empty: the average of the contacts in the history."),
    )
    patience_seconds = forms.IntegerField(
        label=_("Callers' average patience (seconds)"),
        min_value=1,
        max_value=3600,
        required=False,
        help_text=_("Empty: nobody hangs up (Erlang C). Given: Erlang A."),
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer_group"].queryset = AnswerGroup.objects.filter(
            organisation=organisation, is_active=True
        ).order_by("name")

    def staffing_request(self) -> StaffingRequest:
        data = self.cleaned_data
        return StaffingRequest(
            answer_group=data["answer_group"],
            target=data["target_percent"] / 100,
            threshold_seconds=data["threshold_seconds"],
            shrinkage=data["shrinkage_percent"] / 100,
            handle_seconds=data["handle_seconds"],
            patience_seconds=data["patience_seconds"],
        )


class ReliefForm(forms.Form):
    weeks = forms.IntegerField(label=_("Weeks"), min_value=1, max_value=52, initial=4)
    hours_per_fte = forms.DecimalField(
        label=_("Hours of a full-time week"),
        min_value=1,
        max_value=60,
        decimal_places=1,
        initial=35,
    )


class MonthForm(forms.Form):
    month = forms.CharField(
        label=_("Month"),
        widget=forms.TextInput(attrs={"type": "month"}),
        help_text=_("Year and month, such as 2026-11."),
    )

    def clean_month(self) -> datetime.date:
        try:
            return datetime.datetime.strptime(self.cleaned_data["month"], "%Y-%m").date()
        except ValueError:
            raise forms.ValidationError(
                _("Give a year and a month, such as 2026-11."), code="invalid"
            ) from None


class DashboardForm(MonthForm):
    months = forms.TypedChoiceField(
        label=_("Months"),
        coerce=int,
        initial=1,
        choices=[(1, _("This month only")), (3, _("3 months")), (6, _("6 months")),
                 (12, _("12 months"))],
        help_text=_("Months up to and including the month above."),
    )  # fmt: skip
    by = forms.ChoiceField(
        label=_("By"),
        initial="channel",
        choices=[(key, dimension.label) for key, dimension in DIMENSIONS.items()],
    )
    per = forms.ChoiceField(
        label=_("Per"), initial="day", choices=[(key, label) for key, label in GRAINS.items()]
    )

    def __init__(self, data=None, **kwargs):
        if data is not None:
            # Only the month is asked for; the rest keep their initial values when absent.
            data = {
                **{name: field.initial for name, field in self.base_fields.items()},
                **dict(data.items()),
            }
        super().__init__(data, **kwargs)
