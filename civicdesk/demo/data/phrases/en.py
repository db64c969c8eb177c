"""English: customers who do not speak the local language, in every kind of organisation."""

from civicdesk.demo.data.phrases.words import words

THINGS = {
    "building": [
        "building permit for a carport",
        "planning permission",
        "extension to the house",
        "noise from the construction site",
        "shoreline protection exemption",
        "start notice",
        "garden shed",
    ],
    "school": [
        "preschool place",
        "school transport",
        "after-school care fee",
        "mother tongue tuition",
        "school lunch diet",
        "change of school",
    ],
    "streets": [
        "waste collection",
        "broken street light",
        "snow clearing",
        "water connection",
        "pothole in the road",
        "recycling centre",
    ],
    "social": [
        "financial assistance",
        "home care",
        "mobility service",
        "debt counselling",
        "report of concern about a child",
        "income support",
    ],
    "leisure": ["sports hall booking", "club grant", "swimming lessons", "library card"],
    "jobs": [
        "job offers",
        "registration as unemployed",
        "seasonal work",
        "internship",
        "work abroad",
        "job seeker registration",
        "career counselling",
    ],
    "benefits": [
        "unemployment benefit",
        "housing allowance",
        "benefit payment",
        "travel cost refund",
        "sickness allowance",
        "child benefit",
    ],
    "training": [
        "training course funded by the EU",
        "forklift course",
        "language course",
        "training voucher",
    ],
    "employers": [
        "job vacancy from an employer",
        "recruitment of candidates",
        "start-up grant",
        "hiring a foreign worker",
        "wage subsidy",
    ],
    "eservices": ["login problem", "online application", "password reset", "e-signature"],
    "office": ["appointment change", "status of my application", "appeal against a decision"],
    "tax": ["tax card", "tax return", "tax refund", "household deduction", "VAT refund"],
    "permits": ["passport application", "identity card", "firearms licence", "lost passport"],
    "property": ["title registration", "property register extract", "rental flat application"],
}

DETAILS = {
    "jobs": [
        "{Who} moved here {number} months ago and is looking for work in logistics.",
        "{Who} has a degree from abroad and asks how it is recognised.",
    ],
    "social": [
        "{Who} cannot pay the rent for {month} and has no other income.",
        "{Who} is worried about a neighbour's child and wants to stay anonymous.",
    ],
    "tax": ["{Who} started a new job and the income rises by about {amount} a month."],
    "building": ["The plot is at {street} and the building would be {number} square metres."],
}

GENERAL_DETAILS = [
    "{Who} does not speak the local language well and asked for English.",
    "{Who} has called about this before and got different answers.",
    "{Who} sent {doc} by post on {date} but has had no reply.",
    "The deadline is {date}, so the matter is urgent.",
    "{Who} asks to be called back after {hour} o'clock.",
    "{Who} cannot find the right form on the website.",
    "{Who} is new in the country and registered at the address in {month}.",
]

SUBJECTS = [
    "{Thing}",
    "Question about {thing}",
    "{Thing}: {issue}",
    "Help with {thing}",
    "{Thing} – {issue}",
    "Application for {thing}",
    "Complaint: {issue}",
]

OPENINGS = {
    "call": [
        "{Who} calls about {thing}.",
        "{Who} asks in English about {thing}.",
        "{Who} reports {issue} concerning {thing}.",
    ],
    "written": [
        "{Who} writes about {thing} and attaches {doc}.",
        "{Who} writes in English about {thing}.",
    ],
    "visit": ["{Who} visited the service point about {thing}."],
}

ISSUES = [
    "no decision yet",
    "wrong amount",
    "missing form",
    "long waiting time",
    "unclear decision",
    "wrong address",
    "delayed payment",
    "cannot log in",
    "language barrier",
    "lost documents",
]

DOCUMENTS = [
    "the application",
    "a rental contract",
    "a payslip",
    "a medical certificate",
    "a passport copy",
    "a bank statement",
    "a CV",
    "a power of attorney",
]

WHO = {"general": ["the customer", "the caller", "the applicant", "the tenant", "the parent"]}

PLACES = ["the city centre", "the north side", "the harbour area", "the old town", "the suburbs"]

STREETS = ["Main Street", "Station Road", "Church Road", "School Lane", "Mill Road"]

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DATE = "{day} {month}"
AMOUNT = "{amount} euros"

SUMMARIES = {
    "call": ["Called about {thing}.", "Questions about {thing} and {issue}.", ""],
    "written": ["E-mail about {thing}.", "Web form in English: {thing}.", ""],
    "visit": ["Visit about {thing}.", ""],
}

RESOLUTIONS = [
    "Explained the rules for {thing} in English.",
    "Sent the English information page and the form.",
    "Helped the customer to apply online.",
    "Answered with the knowledge base; no further action.",
    "Booked an appointment with an interpreter on {date}.",
]

FORWARD_REASONS = [
    "The department has to decide.",
    "{Who} asks for a call back in English.",
    "Needs checking in the department's system: {issue}.",
    "Outside the centre's contract.",
]

CALL_BACKS = [
    "Called the customer back about {thing}.",
    "Call back in English; {issue} explained.",
    "Called the applicant and explained the decision.",
]

DEPARTMENT_RESOLUTIONS = [
    "Settled after the call back.",
    "Decision made and sent to the customer.",
    "The error is corrected.",
]

WAITING = ["Waiting for {doc} from the customer.", "Waiting for the customer's reply."]

REPLIES = ["The customer sent {doc}.", "The missing documents arrived by e-mail."]

CONFIDENTIAL = ["Contains health information.", "Sensitive personal data."]

NOTES = ["Could not reach the customer; will try again tomorrow.", "Meeting booked on {date}."]


# The long tail: everyday things people mention.
OBJECTS = words(
    """
payslip lease contract invoice receipt reminder passport visa permit licence certificate
diploma transcript reference landlord employer doctor pharmacy hospital clinic school
kindergarten library bus ticket bicycle car garage garden fence roof window heating boiler
meter broadband laptop phone printer scanner account password appointment interpreter
"""
)
GENERAL_DETAILS += [
    "It also concerns the {object} at {street}.",
    "{Who} has already spoken to {name} about the {object}.",
    "{Who} sent a photo of the {object} on {date}.",
]

OBJECTS += words(
    """
boiler radiator chimney gutter driveway parking permit bin collection streetlight
pavement playground swimming pool gym bus pass tram stop school bus timetable
"""
)
GENERAL_DETAILS += [
    "The landlord has not repaired the {object} despite reminders.",
    "{Who} works shifts and can only talk after {hour} o'clock.",
    "The previous decision was sent to an old address in {place}.",
    "{Who} needs an interpreter for the meeting on {date}.",
    "{Who} moved from abroad {number} months ago.",
]
