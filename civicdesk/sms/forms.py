from __future__ import annotations

import uuid

from django import forms
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from civicdesk.customers.contacts import format_phone_for_display
from civicdesk.sms.services import MAX_PARTS


class SendSmsForm(forms.Form):
    to = forms.ChoiceField(label=_("To"))
    text = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 5}))
    # Drawn when the form is shown: the same form sent twice is one message.
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, recipients: list[str], **kwargs):
        kwargs.setdefault("initial", {}).setdefault("token", uuid.uuid4().hex)
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [(n, format_phone_for_display(n)) for n in recipients]
        if not recipients:
            no_phone = gettext("The case has no phone number: add one to the customer.")
            self.fields["to"].error_messages.update(required=no_phone, invalid_choice=no_phone)
        self.fields["text"].help_text = gettext(
            "One SMS holds 160 characters, or 70 when the text has a character outside the "
            "GSM alphabet (such as ł, ś or an emoji). A longer text is sent in parts of 153 "
            "(or 67) characters, at most %(parts)s parts."
        ) % {"parts": MAX_PARTS}
        self.fields["text"].widget.attrs.update(
            {
                # The server counts the parts as it will send them, while the agent types.
                "hx-post": reverse("sms:segments"),
                "hx-trigger": "input changed delay:300ms",
                "hx-target": "#sms-parts",
                "aria-describedby": "sms-parts id_text_helptext",
            }
        )
