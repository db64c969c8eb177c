# Polish offices write dates as 11.11.2026; Django's default for pl is 11-11-2026.
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
