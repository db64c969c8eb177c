from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from civicdesk.cases.choices import Channel, Direction, Status
from civicdesk.catalog import selectors as catalog_selectors
from civicdesk.core.i18n import LANGUAGE_CODES
from civicdesk.org import selectors as org_selectors
from civicdesk.org.choices import ServicePointKind
from civicdesk.org.models import User


class CaseTypeField(forms.CharField):
    """Type-ahead over case-type names in every language (a native datalist), by name or code."""

    def __init__(self, *args, actor=None, **kwargs):
        self.actor = actor
        super().__init__(*args, **kwargs)

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        match = Q(code__iexact=text)
        for code in LANGUAGE_CODES:
            match |= Q(**{f"name_{code}__iexact": text})
        found = list(catalog_selectors.case_types_for_actor(self.actor).filter(match)[:2])
        if len(found) != 1:
            raise forms.ValidationError(
                _("Choose a case type from the list.")
                if not found
                else _("Several case types have this name; type its code.")
            )
        return found[0]


class NewContactForm(forms.Form):
    customer = forms.IntegerField(required=False, widget=forms.HiddenInput)
    append_to = forms.IntegerField(required=False, widget=forms.HiddenInput)
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices, initial=Channel.PHONE)
    case_type = CaseTypeField(
        label=_("Case type"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"list": "case-type-list", "autocomplete": "off"}),
        help_text=_("Type a few letters of the name in any language, or the code."),
    )
    subject = forms.CharField(
        label=_("Subject"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the case type's name."),
    )
    notes = forms.CharField(
        label=_("Notes"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10_000,
        required=False,
    )
    minutes = forms.DecimalField(
        label=_("Talk time (minutes)"), min_value=0, max_value=480, decimal_places=1, required=False
    )
    group = forms.ModelChoiceField(
        label=_("Forward to"),
        queryset=None,
        required=False,
        empty_label=_("The case type's default group"),
    )
    reason = forms.CharField(label=_("Reason for forwarding"), max_length=2000, required=False)

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case_type"].actor = actor
        self.fields["group"].queryset = org_selectors.answer_groups_for_actor(actor).filter(
            is_active=True
        )

    def clean(self):
        data = super().clean()
        if (
            not data.get("append_to")
            and not data.get("case_type")
            and "case_type" not in (self.errors)
        ):
            self.add_error(
                "case_type",
                _("Choose the case type, or add the contact to one of the caller's open cases."),
            )
        return data

    def duration_seconds(self) -> int:
        minutes = self.cleaned_data.get("minutes")
        return int(minutes * 60) if minutes else 0


class VisitForm(NewContactForm):
    """The counter's one-step form: a walk-in visit at the agent's service point."""

    channel = forms.CharField(widget=forms.HiddenInput, initial=Channel.VISIT, required=False)
    service_point = forms.ModelChoiceField(
        label=_("Service point"), queryset=None, help_text=_("Where the visitor was served.")
    )
    subject = minutes = None  # the case type names the case; a visit has no talk time

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, actor=actor, **kwargs)
        points = org_selectors.service_points_for_actor(actor).filter(is_active=True)
        self.fields["service_point"].queryset = points
        # The agent's own: their answer groups' service point, else the organisation's counter.
        own = list(
            points.filter(answer_groups__members=actor).values_list("pk", flat=True).distinct()[:2]
        ) or list(points.filter(kind=ServicePointKind.COUNTER).values_list("pk", flat=True)[:2])
        if len(own) == 1:
            self.fields["service_point"].initial = own[0]

    def clean_channel(self) -> str:
        return Channel.VISIT

    def duration_seconds(self) -> int:
        return 0


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=10_000
    )


class ContactForm(forms.Form):
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices, initial=Channel.PHONE)
    direction = forms.ChoiceField(
        label=_("Direction"), choices=Direction.choices, initial=Direction.OUTBOUND
    )
    minutes = forms.DecimalField(
        label=_("Talk time (minutes)"), min_value=0, max_value=480, decimal_places=1, required=False
    )
    summary = forms.CharField(
        label=_("What was said"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=10_000,
        required=False,
    )


class ForwardForm(forms.Form):
    group = forms.ModelChoiceField(label=_("Answer group"), queryset=None)
    reason = forms.CharField(label=_("Reason"), max_length=2000)

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = org_selectors.answer_groups_for_actor(actor).filter(
            is_active=True
        )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000)


class ResolveForm(forms.Form):
    resolution = forms.CharField(
        label=_("Resolution"), widget=forms.Textarea(attrs={"rows": 3}), max_length=10_000
    )
    withdrawn = forms.BooleanField(label=_("The customer withdrew the matter"), required=False)


class AssignForm(forms.Form):
    handler = forms.ModelChoiceField(label=_("Handler"), queryset=None)

    def __init__(self, *args, case, actor, **kwargs):
        super().__init__(*args, **kwargs)
        members = org_selectors.users_for_actor(actor)
        if case.answer_group_id:
            members = members.filter(memberships__group_id=case.answer_group_id)
        self.fields["handler"].queryset = members.order_by("first_name", "last_name")


class CaseTypeChangeForm(forms.Form):
    case_type = CaseTypeField(
        label=_("New case type"),
        max_length=200,
        widget=forms.TextInput(attrs={"list": "case-type-list", "autocomplete": "off"}),
    )

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case_type"].actor = actor


class ConfidentialityForm(forms.Form):
    confidential = forms.BooleanField(label=_("Confidential"), required=False)
    reason = forms.CharField(label=_("Reason"), max_length=2000)


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Words"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    reference = forms.CharField(label=_("Reference"), required=False, max_length=32)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), ("open", _("Any open status")), *Status.choices],
    )
    channel = forms.ChoiceField(
        label=_("Channel"), required=False, choices=[("", _("Any channel")), *Channel.choices]
    )
    case_type = forms.ModelChoiceField(
        label=_("Case type"), queryset=None, required=False, empty_label=_("Any case type")
    )
    group = forms.ModelChoiceField(
        label=_("Answer group"), queryset=None, required=False, empty_label=_("Any group")
    )
    registered_from = forms.DateField(
        label=_("Registered from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    registered_to = forms.DateField(
        label=_("Registered until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    # What a report's figure narrows its cases by (reporting's drill-down).
    department = forms.ModelChoiceField(
        label=_("Department"), queryset=None, required=False, empty_label=_("Any department")
    )
    service_point = forms.ModelChoiceField(
        label=_("Service point"), queryset=None, required=False, empty_label=_("Any service point")
    )
    registered_by = forms.ModelChoiceField(
        label=_("Registered by"), queryset=None, required=False, empty_label=_("Anyone")
    )
    registered_hour = forms.TypedChoiceField(
        label=_("Hour registered"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Any hour")), *((hour, f"{hour:02d}:00") for hour in range(24))],
    )

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = org_selectors.answer_groups_for_actor(actor)
        self.fields["department"].queryset = org_selectors.departments_for_actor(actor)
        self.fields["service_point"].queryset = org_selectors.service_points_for_actor(actor)
        # Former staff too: their cases are still found.
        self.fields["registered_by"].queryset = (
            User.objects.for_actor(actor)
            .filter(is_channel_account=False)
            .order_by("first_name", "last_name", "username")
        )
        self.fields["case_type"].queryset = catalog_selectors.case_types_for_actor(
            actor, include_inactive=True
        )

    def is_empty(self) -> bool:
        return not any(value is not None and value != "" for value in self.cleaned_data.values())
