"""The customer register in the agent interface. Opening a record always states a purpose."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from civicdesk.core import authz
from civicdesk.core.errors import DomainError
from civicdesk.core.views import apply_domain_error
from civicdesk.customers import selectors, services
from civicdesk.customers.contacts import format_phone_for_display
from civicdesk.customers.forms import (
    ContactForm,
    CustomerEditForm,
    CustomerForm,
    LookupForm,
    PurposeForm,
)
from civicdesk.customers.models import AccessPurpose, ContactKind


@login_required
def lookup(request):
    authz.require(request.user, "customers.view_customer")
    form = LookupForm(request.GET or None)
    customers = None
    if form.is_valid():
        customers = selectors.find_customers(
            actor=request.user,
            query=form.cleaned_data["q"],
            purpose=form.cleaned_data["purpose"],
            via="ui",
        )
    context = {
        "form": form,
        "customers": customers,
        "purpose": form.data.get("purpose", AccessPurpose.CONTACT),
    }
    if request.htmx:
        return render(request, "customers/lookup.html#results", context)
    return render(request, "customers/lookup.html", context)


def _purpose_of(request) -> PurposeForm:
    return PurposeForm(request.GET if "purpose" in request.GET else None)


@login_required
def detail(request, customer_id: int):
    purpose_form = _purpose_of(request)
    if not purpose_form.is_valid():
        # Nothing personal is shown until the agent says why they open the record.
        selectors.get_customer_reference(actor=request.user, customer_id=customer_id)
        return render(
            request, "customers/purpose.html", {"form": purpose_form, "customer_id": customer_id}
        )
    customer = selectors.get_customer(
        actor=request.user, customer_id=customer_id, **purpose_form.cleaned_data, via="ui"
    )
    contacts = [
        (
            contact,
            format_phone_for_display(contact.value)
            if contact.kind == ContactKind.PHONE
            else contact.value,
        )
        for contact in customer.contacts.all()
    ]
    return render(
        request,
        "customers/detail.html",
        {
            "customer": customer,
            "contacts": contacts,
            "masked_national_id": selectors.masked_national_id(customer),
            "purpose": purpose_form.cleaned_data["purpose"],
            "purpose_label": AccessPurpose(purpose_form.cleaned_data["purpose"]).label,
            "reason": purpose_form.cleaned_data["reason"],
            "contact_form": ContactForm(),
            "can_change": authz.can(request.user, "customers.change_customer", customer),
            "can_view_log": authz.can(request.user, "customers.view_access_log", customer),
        },
    )


def _detail_url(customer_id: int, purpose: str) -> str:
    return reverse("customers:detail", args=[customer_id]) + f"?purpose={purpose}"


def _purpose_or_administration(request) -> str:
    purpose = request.GET.get("purpose", "")
    return purpose if purpose in AccessPurpose.values else AccessPurpose.ADMINISTRATION


@login_required
@require_POST
def reveal_national_id(request, customer_id: int):
    purpose_form = PurposeForm(request.POST)
    if not purpose_form.is_valid():
        raise DomainError(purpose_form.errors.as_text(), field="purpose")
    _country, value = selectors.reveal_national_id(
        actor=request.user, customer_id=customer_id, **purpose_form.cleaned_data, via="ui"
    )
    return render(request, "customers/_national_id.html", {"value": value})


@login_required
def create(request):
    authz.require(request.user, "customers.add_customer", request.user.organisation)
    organisation = request.user.organisation
    form = CustomerForm(
        request.POST or None,
        initial={
            "preferred_language": organisation.default_language,
            "country": organisation.country,
            "name": request.GET.get("name", ""),
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            customer = services.register_customer(
                actor=request.user,
                organisation=organisation,
                kind=data["kind"],
                name=data["name"],
                preferred_language=data["preferred_language"],
                country=data["country"],
                national_id=data["national_id"],
                phones=[data["phone"]],
                emails=[data["email"]],
                business_id=data["business_id"],
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            return redirect(_detail_url(customer.pk, AccessPurpose.CONTACT))
    return render(
        request,
        "customers/form.html",
        {"form": form, "creating": True},
        status=400 if form.errors else 200,
    )


@login_required
def edit(request, customer_id: int):
    purpose = _purpose_or_administration(request)
    customer = selectors.get_customer(
        actor=request.user, customer_id=customer_id, purpose=purpose, via="ui"
    )
    authz.require(request.user, "customers.change_customer", customer)
    form = CustomerEditForm(
        request.POST or None,
        initial={
            "kind": customer.kind,
            "name": customer.name,
            "preferred_language": customer.preferred_language,
            "business_id": customer.business_id,
            "country": customer.country or customer.organisation.country,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        national_id = data.pop("national_id") or None
        country = data.pop("country")
        try:
            services.update_customer(
                actor=request.user,
                customer=customer,
                national_id=national_id,
                country=country,
                **data,
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            return redirect(_detail_url(customer.pk, purpose))
    return render(
        request,
        "customers/form.html",
        {"form": form, "customer": customer, "creating": False},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def add_contact(request, customer_id: int):
    purpose = _purpose_or_administration(request)
    customer = selectors.get_customer(
        actor=request.user, customer_id=customer_id, purpose=purpose, via="ui"
    )
    form = ContactForm(request.POST)
    if form.is_valid():
        try:
            services.add_customer_contact(
                actor=request.user, customer=customer, **form.cleaned_data
            )
        except DomainError as error:
            apply_domain_error(form, error)
    if form.errors:
        return render(
            request, "customers/form_contact.html", {"form": form, "customer": customer}, status=400
        )
    return redirect(_detail_url(customer.pk, purpose))


@login_required
def access_log(request, customer_id: int):
    customer = selectors.get_customer_reference(actor=request.user, customer_id=customer_id)
    entries = selectors.access_log_for_customer(actor=request.user, customer=customer)[:500]
    return render(
        request, "customers/access_log.html", {"customer_id": customer.pk, "entries": entries}
    )
