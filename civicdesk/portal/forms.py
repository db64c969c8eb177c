from __future__ import annotations

import mimetypes
import re
from functools import partial

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civicdesk.cases.services import MAX_SUBJECT, MAX_TEXT, check_attachment
from civicdesk.core.errors import DomainError
from civicdesk.customers.contacts import normalise_email, normalise_phone
from civicdesk.org.models import Organisation
from civicdesk.portal import services
from civicdesk.portal.selectors import ContactTopic


class ContactForm(forms.Form):
    topic = forms.ChoiceField(label=_("What is your message about?"))
    subject = forms.CharField(label=_("Subject"), max_length=MAX_SUBJECT)
    message = forms.CharField(
        label=_("Your message"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 8})
    )
    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.CharField(
        label=_("E-mail address"),
        max_length=254,
        required=False,
        help_text=_("We send you the reference number here and answer by e-mail."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=40,
        required=False,
        help_text=_("Give it if you would rather be called, or if you have no e-mail address."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    attachment = forms.FileField(label=_("Attach a file (optional)"), required=False)

    def __init__(
        self, *args, topics: list[ContactTopic], organisation: Organisation, language: str, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.topics = {str(item.topic.pk): item for item in topics}
        self.fields["topic"].choices = [("", _("Choose a topic"))] + [
            (key, item.topic.name_in(language)) for key, item in self.topics.items()
        ]
        limit = settings.CIVICDESK_ATTACHMENT_MAX_BYTES
        self.fields["attachment"].help_text = _(
            "One file of at most %(size)s MiB: a PDF, a picture, or an office document."
        ) % {"size": round(limit / 1048576, 1)}
        self.fields["attachment"].widget.attrs["accept"] = ",".join(
            settings.CIVICDESK_ATTACHMENT_TYPES
        )

    def clean_attachment(self) -> services.Upload | None:
        uploaded = self.cleaned_data.get("attachment")
        if not uploaded:
            return None
        content_type = (uploaded.content_type or "").split(";")[0].strip().lower()
        if content_type in ("", "application/octet-stream"):
            # Browsers send this for a type they do not know; the file's name may.
            content_type = mimetypes.guess_type(uploaded.name)[0] or content_type
        try:
            check_attachment(filename=uploaded.name, content_type=content_type, size=uploaded.size)
        except DomainError as error:
            raise forms.ValidationError(str(error.message)) from None
        return services.Upload(
            filename=uploaded.name, content_type=content_type, content=uploaded.read()
        )

    def clean(self):
        cleaned = super().clean()
        region = self.organisation.country
        normalisers = {"email": normalise_email, "phone": partial(normalise_phone, region=region)}
        for field, normalise in normalisers.items():
            if cleaned.get(field, "").strip():
                try:
                    cleaned[field] = normalise(cleaned[field])
                except DomainError as error:
                    self.add_error(field, str(error.message))
        if not self.errors.keys() & {"email", "phone"}:
            try:
                services.sender_details(
                    email=cleaned.get("email", ""), phone=cleaned.get("phone", ""), region=region
                )
            except DomainError as error:
                self.add_error(error.field, str(error.message))
        if cleaned.get("topic"):
            cleaned["topic"] = self.topics[cleaned["topic"]]
        return cleaned


REFERENCE = re.compile(r"^[A-Z]{2,6}-\d{4}-\d{1,9}$")


class StatusForm(forms.Form):
    reference = forms.CharField(
        label=_("Reference number"),
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    contact = forms.CharField(
        label=_("The e-mail address or phone number you gave"),
        max_length=254,
        help_text=_("We send a one-time code there."),
        widget=forms.TextInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.example = f"{organisation.reference_prefix}-{timezone.now().year}-000123"
        self.fields["reference"].help_text = _("As in %(example)s.") % {"example": self.example}

    def clean_reference(self) -> str:
        reference = "".join(self.cleaned_data["reference"].split()).upper()
        if not REFERENCE.match(reference):
            raise forms.ValidationError(
                _("A reference number looks like %(example)s.") % {"example": self.example}
            )
        return reference

    def clean_contact(self) -> str:
        try:
            services.contact_detail(self.cleaned_data["contact"], region=self.organisation.country)
        except DomainError as error:
            raise forms.ValidationError(str(error.message)) from None
        return self.cleaned_data["contact"]


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=12,
        help_text=_("The six digits we sent you."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )
