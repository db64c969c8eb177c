from django.db import models
from django.utils.translation import gettext_lazy as _


class DurationUnit(models.TextChoices):
    WORKING_MINUTES = "minutes", _("working minutes")
    WORKING_HOURS = "hours", _("working hours")
    WORKING_DAYS = "days", _("working days")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")
