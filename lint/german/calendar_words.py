"""Names of months and weekdays: the German ones shared by the sentence splitter, the date analysis
and the name finder, so that the three agree; the English ones for messages and English articles."""

WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
#: other names of weekdays: (name, index into WEEKDAYS)
WEEKDAY_VARIANTS = (("Sonnabend", 5),)

MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember")
#: other names of months (Austrian): (name, month number)
MONTH_VARIANTS = (("Jänner", 1), ("Feber", 2))
#: abbreviations, written with or without a full stop: (abbreviation, month number)
MONTH_ABBREVIATIONS = (
    ("Jan", 1), ("Feb", 2), ("Mär", 3), ("Mrz", 3), ("Apr", 4), ("Jun", 6), ("Jul", 7),
    ("Aug", 8), ("Sept", 9), ("Sep", 9), ("Okt", 10), ("Nov", 11), ("Dez", 12),
)

MONTH_NAMES = MONTHS + tuple(name for name, _ in MONTH_VARIANTS)
WEEKDAY_NAMES = WEEKDAYS + tuple(name for name, _ in WEEKDAY_VARIANTS)

WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
