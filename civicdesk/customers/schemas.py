from ninja import Field, Schema

from civicdesk.customers.models import AccessPurpose, ContactKind, CustomerKind


class ContactOut(Schema):
    id: int
    kind: ContactKind
    value: str
    label: str
    is_primary: bool


class CustomerOut(Schema):
    id: int
    kind: CustomerKind
    name: str
    preferred_language: str
    country: str
    has_national_id: bool
    national_id_masked: str = Field(description="Last four characters only; see /national-id.")
    business_id: str
    contacts: list[ContactOut]

    @staticmethod
    def resolve_contacts(obj) -> list:
        return list(obj.contacts.all())

    @staticmethod
    def resolve_national_id_masked(obj) -> str:
        from civicdesk.customers.selectors import masked_national_id

        return masked_national_id(obj)


class CustomerIn(Schema):
    name: str = Field(min_length=1, max_length=200)
    kind: CustomerKind = CustomerKind.PERSON
    preferred_language: str | None = Field(None, description="pl, sv, fi or en")
    country: str = Field("", description="PL, SE or FI; defaults to the organisation's")
    national_id: str = ""
    phones: list[str] = []
    emails: list[str] = []
    business_id: str = ""


class CustomerPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=200)
    kind: CustomerKind | None = None
    preferred_language: str | None = None
    country: str | None = None
    national_id: str | None = Field(None, description='"" removes the number')
    business_id: str | None = None


class ContactIn(Schema):
    kind: ContactKind
    value: str = Field(min_length=1, max_length=254)
    label: str = ""
    is_primary: bool = False


class PurposeQuery(Schema):
    purpose: AccessPurpose = Field(description="Why you open this personal data; it is logged.")
    reason: str = Field("", max_length=300)


class LookupQuery(PurposeQuery):
    q: str = Field(min_length=1, description="Identity number, phone, e-mail or name")


class NationalIdOut(Schema):
    country: str
    national_id: str


class AccessOut(Schema):
    at: str
    actor: str
    purpose: AccessPurpose
    reason: str
    action: str
    via: str

    @staticmethod
    def resolve_at(obj) -> str:
        return obj.at.isoformat()

    @staticmethod
    def resolve_actor(obj) -> str:
        return obj.actor.username
