from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from civicdesk.core.i18n import LANGUAGE_CHOICES
from civicdesk.customers.models import AccessPurpose, CustomerKind
from civicdesk.org.choices import Country


class PurposeForm(forms.Form):
    purpose = forms.ChoiceField(
        label=_("Why do you open this record?"), choices=AccessPurpose.choices
    )
    reason = forms.CharField(label=_("Note (optional)"), max_length=300, required=False)


class LookupForm(forms.Form):
    q = forms.CharField(
        label=_("Identity number, phone, e-mail or name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "off", "type": "search"}),
    )
    purpose = forms.ChoiceField(
        label=_("Purpose"), choices=AccessPurpose.choices, initial=AccessPurpose.CONTACT
    )


class CustomerForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=CustomerKind.choices, initial=CustomerKind.PERSON
    )
    name = forms.CharField(label=pgettext_lazy("person or organisation", "Name"), max_length=200)
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=LANGUAGE_CHOICES)
    country = forms.ChoiceField(label=_("Country of the identity number"), choices=Country.choices)
    national_id = forms.CharField(
        label=_("National identity number"),
        max_length=20,
        required=False,
        help_text=_("PESEL, personnummer or henkilötunnus. Stored encrypted."),
    )
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    email = forms.CharField(label=_("E-mail"), max_length=254, required=False)
    business_id = forms.CharField(label=_("Business ID"), max_length=20, required=False)


class CustomerEditForm(forms.Form):
    kind = CustomerForm.base_fields["kind"]
    name = CustomerForm.base_fields["name"]
    preferred_language = CustomerForm.base_fields["preferred_language"]
    business_id = CustomerForm.base_fields["business_id"]
    national_id = forms.CharField(
        label=_("New national identity number"),
        max_length=20,
        required=False,
        help_text=_("Leave empty to keep the current number."),
    )
    country = CustomerForm.base_fields["country"]


class ContactForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("phone", _("Phone")), ("email", _("E-mail"))]
    )
    value = forms.CharField(label=_("Number or address"), max_length=254)
