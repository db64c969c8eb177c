"""The agent's reply to the customer by e-mail, from the case page."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civicdesk.cases import selectors as case_selectors
from civicdesk.core import authz
from civicdesk.core.errors import DomainError
from civicdesk.core.i18n import LANGUAGE_CHOICES
from civicdesk.core.views import apply_domain_error
from civicdesk.intake import replies


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Your answer"),
        widget=forms.Textarea(attrs={"rows": 12}),
        max_length=replies.MAX_REPLY,
        help_text=gettext_lazy(
            "The greeting and the signature are added in the language chosen below."
        ),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the message"), choices=LANGUAGE_CHOICES
    )


@login_required
def reply(request, case_id: int):
    actor = request.user
    case = case_selectors.get_case(actor, case_id)
    authz.require(actor, "cases.work_on_case", case)
    last = replies.last_received(case)
    form = ReplyForm(request.POST or None, initial={"language": replies.reply_language(case)})
    if request.method == "POST" and form.is_valid():
        try:
            replies.reply_to_customer(
                actor=actor,
                case=case,
                text=form.cleaned_data["text"],
                language=form.cleaned_data["language"],
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("The answer is on its way to the customer."))
            return redirect(reverse("cases:detail", args=[case.pk]) + "#timeline")
    return render(
        request,
        "intake/reply.html",
        {
            "case": case,
            "form": form,
            "subject": replies.reply_subject(case, last),
            # The address the customer wrote from is in the case already; one from the
            # customer register is not shown here (opening the record logs the access).
            "recipient": last.from_address if last is not None else "",
            "no_address": replies.NO_ADDRESS if not replies.reply_recipient(case, last) else "",
            "sender": replies.reply_sender(case, last),
        },
        status=400 if form.errors else 200,
    )
