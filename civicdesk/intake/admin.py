from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from civicdesk.core.admin import TenantModelAdmin
from civicdesk.intake.models import Mailbox


class MailboxForm(forms.ModelForm):
    """The IMAP password is typed here and stored only encrypted; an empty field keeps it."""

    imap_password = forms.CharField(
        label=_("IMAP password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_("Stored encrypted. Leave empty to keep the current password."),
    )
    clear_imap_password = forms.BooleanField(label=_("Remove the IMAP password"), required=False)

    class Meta:
        model = Mailbox
        fields = [
            "organisation",
            "name",
            "address",
            "answer_group",
            "default_case_type",
            "is_active",
            "imap_host",
            "imap_port",
            "imap_ssl",
            "imap_username",
            "imap_folder",
        ]

    def save(self, commit=True):
        mailbox = super().save(commit=False)
        if self.cleaned_data.get("clear_imap_password"):
            mailbox.imap_password = ""
        elif self.cleaned_data.get("imap_password"):
            mailbox.imap_password = self.cleaned_data["imap_password"]
        if commit:
            mailbox.save()
        return mailbox


@admin.register(Mailbox)
class MailboxAdmin(TenantModelAdmin):
    form = MailboxForm
    list_display = ["name", "address", "answer_group", "is_active", "imap_host", "last_polled_at"]
    list_filter = ["is_active", "answer_group"]
    search_fields = ["name", "address"]
    readonly_fields = ["last_polled_at", "last_error", "quarantine_link"]
    fieldsets = [
        (None, {"fields": ["name", "address", "answer_group", "default_case_type", "is_active"]}),
        (
            _("Reading over IMAP"),
            {
                "fields": [
                    "imap_host",
                    "imap_port",
                    "imap_ssl",
                    "imap_username",
                    "imap_password",
                    "clear_imap_password",
                    "imap_folder",
                    "last_polled_at",
                    "last_error",
                ]
            },
        ),
        (_("Quarantine"), {"fields": ["quarantine_link"]}),
    ]

    @admin.display(description=_("Messages that could not be received"))
    def quarantine_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>', reverse("intake:quarantine"), _("Mail quarantine")
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            first = fieldsets[0][1]["fields"]
            if "organisation" not in first:
                fieldsets = [(None, {"fields": ["organisation", *first]}), *fieldsets[1:]]
        return fieldsets
