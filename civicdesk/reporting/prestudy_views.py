"""The pre-study report's page and downloads (reporting/prestudy.py computes it)."""

from __future__ import annotations

import datetime
import zoneinfo

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from civicdesk.cases.choices import Channel
from civicdesk.core import authz
from civicdesk.core.errors import DomainError, NotFound
from civicdesk.core.exports import FORMATS, export_response
from civicdesk.core.views import apply_domain_error
from civicdesk.reporting import charts
from civicdesk.reporting.prestudy import check_range, export_rows, prestudy


class PrestudyForm(forms.Form):
    first_day = forms.DateField(
        label=gettext_lazy("First day"), widget=forms.DateInput(attrs={"type": "date"})
    )
    last_day = forms.DateField(
        label=gettext_lazy("Last day"), widget=forms.DateInput(attrs={"type": "date"})
    )
    channel = forms.ChoiceField(
        label=gettext_lazy("Contacts of"),
        required=False,
        choices=[("", gettext_lazy("Every channel")), *Channel.choices],
        help_text=gettext_lazy(
            "The pre-studies measured the phone; the calls are always the phone system's."
        ),
    )

    def clean(self):
        data = super().clean()
        if "first_day" in data and "last_day" in data:
            try:
                check_range(data["first_day"], data["last_day"])
            except DomainError as error:
                self.add_error(error.field, str(error.message))
        return data


def _default_range(organisation) -> dict:
    """The last four whole weeks, Monday to Sunday, in the organisation's time."""
    today = timezone.localdate(timezone=zoneinfo.ZoneInfo(organisation.timezone))
    last = today - datetime.timedelta(days=today.weekday() + 1)
    return {"first_day": last - datetime.timedelta(days=27), "last_day": last}


@require_GET
@login_required
def prestudy_report(request):
    actor = request.user
    if actor.organisation is None:
        raise NotFound()  # an organisation's report; an installation administrator has none
    authz.require(actor, "reporting.view_prestudy", actor.organisation)
    form = PrestudyForm(request.GET or _default_range(actor.organisation))
    study = None
    if form.is_valid():
        data = form.cleaned_data
        try:
            study = prestudy(
                actor,
                first_day=data["first_day"],
                last_day=data["last_day"],
                channel=data["channel"],
                language=get_language(),
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            fmt = request.GET.get("format")
            if fmt in FORMATS:
                return export_response(
                    f"prestudy-{study.first_day}-{study.last_day}",
                    [_("Section"), _("Item"), _("Figure"), _("Value")],
                    export_rows(study),
                    fmt,
                )
    context = {"form": form, "study": study}
    if study is not None:
        context["hour_chart"] = _time_chart(study.by_hour, step=20)
        context["weekday_chart"] = _time_chart(study.by_weekday, step=60)
        context["query"] = (
            f"first_day={study.first_day}&last_day={study.last_day}&channel={study.channel}"
        )
    return render(request, "reporting/prestudy.html", context)


def _time_chart(shares, *, step: int) -> dict:
    """Columns of calls offered per hour or weekday, or of contacts where there were no calls."""
    use_calls = any(share.offered for share in shares)
    values = [share.offered if use_calls else share.contacts for share in shares]
    chart = charts.columns(shares, values, step=step)
    chart["of_calls"] = use_calls
    return chart
