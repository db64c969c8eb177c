"""Forms of the knowledge pages. They parse and offer choices through the actor; the services
validate and decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from civicdesk.catalog import selectors as catalog_selectors
from civicdesk.core.i18n import LANGUAGE_CHOICES, LANGUAGE_CODES
from civicdesk.knowledge import selectors
from civicdesk.knowledge.choices import Audience, Delivery, DirectoryKind, NoticeCategory
from civicdesk.knowledge.permissions import EDITORS, department_ids_of
from civicdesk.org import selectors as org_selectors

LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def writable_departments(actor):
    """The departments the actor writes for: all of the organisation for team leads and
    administrators, their own for experts and producer contacts."""
    departments = org_selectors.departments_for_actor(actor).filter(is_active=True)
    if actor.is_superuser or actor.has_role(*EDITORS):
        return departments
    return departments.filter(pk__in=department_ids_of(actor))


class LanguageFieldsMixin:
    """Per-language text fields named <name>_<code>, grouped for the template."""

    language_fields: dict[str, forms.Field] = {}

    def add_language_fields(self) -> None:
        for code in LANGUAGE_CODES:
            for name, make in self.language_fields.items():
                field = make()
                field.label = f"{field.label} ({LANGUAGE_NAMES[code]})"
                field.widget.attrs["lang"] = code
                self.fields[f"{name}_{code}"] = field

    def language_groups(self):
        """[(code, language name, [bound fields])] for fieldsets in the template."""
        return [
            (
                code,
                LANGUAGE_NAMES[code],
                [self[f"{name}_{code}"] for name in self.language_fields],
            )
            for code in LANGUAGE_CODES
        ]

    def texts(self) -> dict[str, dict[str, str]]:
        """{code: {name: text}} of what was entered; an empty language is left out."""
        data = self.cleaned_data
        texts = {}
        for code in LANGUAGE_CODES:
            values = {name: data.get(f"{name}_{code}", "") for name in self.language_fields}
            if any(value.strip() for value in values.values()):
                texts[code] = values
        return texts

    def initial_from(self, rows) -> None:
        for row in rows:
            for name in self.language_fields:
                self.initial[f"{name}_{row.language}"] = getattr(row, name)


def _tags_text(article) -> str:
    return ", ".join(tag.name for tag in article.tags.all())


class ArticleForm(LanguageFieldsMixin, forms.Form):
    language_fields = {
        "title": lambda: forms.CharField(label=_("Title"), max_length=200, required=False),
        "summary": lambda: forms.CharField(
            label=_("Summary"),
            max_length=500,
            required=False,
            widget=forms.Textarea(attrs={"rows": 2}),
            help_text=_("One or two sentences shown in search results."),
        ),
        "body": lambda: forms.CharField(
            label=_("Text"),
            required=False,
            widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "true"}),
            help_text=_(
                "HTML: <p>, <h2>, <ul>/<ol>/<li>, <strong>, <a href>, tables. Scripts, "
                "styles and images are removed."
            ),
        ),
    }
    department = forms.ModelChoiceField(label=_("Owning department"), queryset=None)
    audience = forms.ChoiceField(label=_("Audience"), choices=Audience.choices)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None, required=False)
    review_by = forms.DateField(
        label=_("Review by"),
        required=False,
        widget=DATE,
        help_text=_("Leave empty for six months from today."),
    )
    tags = forms.CharField(
        label=_("Tags"), required=False, help_text=_("Separated by commas."), max_length=1000
    )
    case_types = forms.ModelMultipleChoiceField(
        label=_("Case types it answers"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    note = forms.CharField(
        label=_("What changed"),
        max_length=300,
        required=False,
        help_text=_("Kept with the version, for the reviewers."),
    )

    def __init__(self, *args, actor, article=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_language_fields()
        self.fields["department"].queryset = writable_departments(actor)
        self.fields["owner"].queryset = org_selectors.users_for_actor(actor).order_by("username")
        self.fields["case_types"].queryset = catalog_selectors.case_types_for_actor(actor).order_by(
            "code"
        )
        if article is not None and not self.is_bound:
            self.initial.update(
                {
                    "department": article.department_id,
                    "audience": article.audience,
                    "owner": article.owner_id,
                    "review_by": article.review_by,
                    "tags": _tags_text(article),
                    "case_types": [case_type.pk for case_type in article.case_types.all()],
                }
            )
            self.initial_from(article.translations.all())
        elif article is None and not self.is_bound:
            self.initial["owner"] = actor.pk


class ReviewForm(forms.Form):
    review_by = forms.DateField(
        label=_("Next review by"),
        required=False,
        widget=DATE,
        help_text=_("Leave empty for six months from today."),
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class ChecklistForm(LanguageFieldsMixin, forms.Form):
    language_fields = {
        "name": lambda: forms.CharField(label=_("Name"), max_length=200, required=False)
    }
    case_type = forms.ModelChoiceField(label=_("Case type"), queryset=None)
    is_active = forms.BooleanField(label=_("In use"), required=False, initial=True)

    def __init__(self, *args, actor, checklist=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_language_fields()
        self.fields["case_type"].queryset = catalog_selectors.case_types_for_actor(actor).order_by(
            "code"
        )
        if checklist is not None:
            self.fields["case_type"].disabled = True
            if not self.is_bound:
                self.initial.update(
                    {"case_type": checklist.case_type_id, "is_active": checklist.is_active}
                )
                for code, name in checklist.names().items():
                    self.initial[f"name_{code}"] = name

    def names(self) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"name_{code}", "") for code in LANGUAGE_CODES}


class StepForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    text_pl = forms.CharField(label=_("Polish"), max_length=500, required=False)
    text_sv = forms.CharField(label=_("Swedish"), max_length=500, required=False)
    text_fi = forms.CharField(label=_("Finnish"), max_length=500, required=False)
    text_en = forms.CharField(label=_("English"), max_length=500, required=False)

    def step(self) -> dict | None:
        texts = {code: self.cleaned_data.get(f"text_{code}", "") for code in LANGUAGE_CODES}
        if not any(text.strip() for text in texts.values()):
            return None
        return {"id": self.cleaned_data.get("id"), "texts": texts}


StepFormSet = forms.formset_factory(StepForm, extra=3, max_num=50, validate_max=True)


def steps_initial(checklist) -> list[dict]:
    return [
        {"id": step.pk, **{f"text_{code}": text for code, text in step.texts().items()}}
        for step in checklist.steps.all()
    ]


class ServiceCardForm(LanguageFieldsMixin, forms.Form):
    language_fields = {
        "name": lambda: forms.CharField(label=_("Name"), max_length=200, required=False),
        "description": lambda: forms.CharField(
            label=_("What the service is"),
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
        ),
        "eligibility": lambda: forms.CharField(
            label=_("Who may use it"), required=False, widget=forms.Textarea(attrs={"rows": 2})
        ),
        "documents": lambda: forms.CharField(
            label=_("Required documents"),
            required=False,
            widget=forms.Textarea(attrs={"rows": 2}),
        ),
        "fees": lambda: forms.CharField(
            label=_("Fees"), required=False, widget=forms.Textarea(attrs={"rows": 2})
        ),
        "instructions": lambda: forms.CharField(
            label=_("How to serve it"),
            required=False,
            widget=forms.Textarea(attrs={"rows": 5}),
            help_text=_("Step by step, for the advisor at the counter."),
        ),
    }
    producer = forms.ModelChoiceField(label=_("Service producer"), queryset=None)
    code = forms.SlugField(label=_("Code"), max_length=60)
    delivery = forms.ChoiceField(label=_("Delivered as"), choices=Delivery.choices)
    eservice_url = forms.URLField(
        label=_("E-service address"), required=False, assume_scheme="https"
    )
    support_phone = forms.CharField(
        label=_("Support phone for advisors"), max_length=40, required=False
    )
    support_email = forms.EmailField(label=_("Support e-mail for advisors"), required=False)
    support_chat_url = forms.URLField(
        label=_("Support chat for advisors"), required=False, assume_scheme="https"
    )
    support_hours = forms.CharField(label=_("Support hours"), max_length=120, required=False)
    links = forms.CharField(
        label=_("Links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: title | https://address"),
    )
    case_types = forms.ModelMultipleChoiceField(
        label=_("Case types"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )
    service_points = forms.ModelMultipleChoiceField(
        label=_("Offered at"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    maintainer = forms.ModelChoiceField(label=_("Maintainer"), queryset=None, required=False)
    note = forms.CharField(label=_("What changed"), max_length=300, required=False)

    def __init__(self, *args, actor, card=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_language_fields()
        self.fields["producer"].queryset = writable_departments(actor)
        self.fields["case_types"].queryset = catalog_selectors.case_types_for_actor(actor).order_by(
            "code"
        )
        self.fields["service_points"].queryset = org_selectors.service_points_for_actor(
            actor
        ).filter(is_active=True)
        self.fields["maintainer"].queryset = org_selectors.users_for_actor(actor).order_by(
            "username"
        )
        if card is not None:
            self.fields["code"].disabled = True
            self.fields["producer"].disabled = True
            if not self.is_bound:
                self.initial.update(
                    {
                        "producer": card.producer_id,
                        "code": card.code,
                        "delivery": card.delivery,
                        "eservice_url": card.eservice_url,
                        "support_phone": card.support_phone,
                        "support_email": card.support_email,
                        "support_chat_url": card.support_chat_url,
                        "support_hours": card.support_hours,
                        "links": "\n".join(
                            f"{link['title']} | {link['url']}" for link in card.links
                        ),
                        "case_types": [case_type.pk for case_type in card.case_types.all()],
                        "service_points": [point.pk for point in card.service_points.all()],
                        "maintainer": card.maintainer_id,
                    }
                )
                self.initial_from(card.translations.all())
        elif not self.is_bound:
            self.initial["maintainer"] = actor.pk

    def clean_links(self) -> list[dict[str, str]]:
        links = []
        for line in self.cleaned_data["links"].splitlines():
            if not line.strip():
                continue
            title, separator, url = line.rpartition("|")
            if not separator or not title.strip() or not url.strip():
                raise forms.ValidationError(_("Write each link as: title | https://address"))
            links.append({"title": title.strip(), "url": url.strip()})
        return links

    def settings(self) -> dict:
        data = self.cleaned_data
        return {
            name: data[name]
            for name in (
                "delivery",
                "eservice_url",
                "support_phone",
                "support_email",
                "support_chat_url",
                "support_hours",
                "links",
            )
        }


class NoticeForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=NoticeCategory.choices)
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES)
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("HTML as in articles; scripts and images are removed."),
    )
    valid_from = forms.DateField(label=_("Valid from"), widget=DATE)
    valid_until = forms.DateField(
        label=_("Valid until"), widget=DATE, help_text=_("The notice disappears after this day.")
    )
    department = forms.ModelChoiceField(label=_("Department"), queryset=None, required=False)
    service_point = forms.ModelChoiceField(label=_("Office"), queryset=None, required=False)

    def __init__(self, *args, actor, notice=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = writable_departments(actor)
        self.fields["service_point"].queryset = org_selectors.service_points_for_actor(
            actor
        ).filter(is_active=True)
        if not self.is_bound:
            self.initial["language"] = actor.ui_language or getattr(
                actor.organisation, "default_language", "en"
            )
            if notice is not None:
                for name in self.fields:
                    self.initial[name] = getattr(notice, name)


class DirectoryEntryForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=DirectoryKind.choices)
    name = forms.CharField(label=_("Name"), max_length=200)
    institution = forms.CharField(label=_("Institution"), max_length=200, required=False)
    department = forms.ModelChoiceField(label=_("Department"), queryset=None, required=False)
    role = forms.CharField(label=_("Role or subject"), max_length=200, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    def __init__(self, *args, actor, entry=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = org_selectors.departments_for_actor(actor)
        if entry is not None and not self.is_bound:
            for name in self.fields:
                self.initial[name] = getattr(entry, name)


class QuizForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=None, required=False)
    articles = forms.ModelMultipleChoiceField(
        label=_("Built from the articles"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    is_active = forms.BooleanField(label=_("Open to agents"), required=False)

    def __init__(self, *args, actor, quiz=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = catalog_selectors.topics_for_actor(actor)
        self.fields["articles"].queryset = selectors.articles_for_actor(actor).published()
        if quiz is None:
            del self.fields["is_active"]
            if not self.is_bound:
                self.initial["language"] = actor.ui_language or getattr(
                    actor.organisation, "default_language", "en"
                )
        else:
            # A quiz keeps its language. Disabled on the bound form too: a browser does not
            # send a disabled field, and Django then takes the initial value.
            self.fields["language"].disabled = True
            self.initial["language"] = quiz.language
            if not self.is_bound:
                self.initial.update(
                    {
                        "title": quiz.title,
                        "description": quiz.description,
                        "topic": quiz.topic_id,
                        "articles": [article.pk for article in quiz.articles.all()],
                        "is_active": quiz.is_active,
                    }
                )


CHOICE_FIELDS = 4


class QuestionForm(forms.Form):
    text = forms.CharField(label=_("Question"), max_length=500)
    choice_1 = forms.CharField(label=_("Answer 1"), max_length=300)
    choice_2 = forms.CharField(label=_("Answer 2"), max_length=300)
    choice_3 = forms.CharField(label=_("Answer 3"), max_length=300, required=False)
    choice_4 = forms.CharField(label=_("Answer 4"), max_length=300, required=False)
    correct = forms.TypedChoiceField(
        label=_("The correct answer"),
        choices=[(str(n), str(n)) for n in range(1, CHOICE_FIELDS + 1)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    explanation = forms.CharField(
        label=_("Explanation shown after answering"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    article = forms.ModelChoiceField(label=_("Source article"), queryset=None, required=False)

    def __init__(self, *args, quiz, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["article"].queryset = quiz.articles.all()

    def choices(self) -> list[str]:
        return [self.cleaned_data.get(f"choice_{n}", "") for n in range(1, CHOICE_FIELDS + 1)]

    def correct_index(self) -> int:
        """Index among the non-empty answers, as the service counts them."""
        choices = self.choices()
        chosen = self.cleaned_data["correct"] - 1
        if not choices[chosen].strip():
            return -1
        return sum(1 for choice in choices[:chosen] if choice.strip())


class TakeQuizForm(forms.Form):
    """One radio group per question, named question_<id>."""

    def __init__(self, *args, quiz, **kwargs):
        super().__init__(*args, **kwargs)
        for question in quiz.questions.all():
            self.fields[f"question_{question.pk}"] = forms.TypedChoiceField(
                label=f"{question.position}. {question.text}",
                choices=[(str(choice.pk), choice.text) for choice in question.choices.all()],
                coerce=int,
                widget=forms.RadioSelect,
                required=False,
            )

    def answers(self) -> dict[int, int]:
        return {
            int(name.removeprefix("question_")): value
            for name, value in self.cleaned_data.items()
            if value not in (None, "")
        }
