"""Demo data for the centre itself: a fictional centre and one login per role.

Used by ``manage.py seed_demo``; every function is safe to run twice.
"""

from io import BytesIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from .models import CentreProfile
from .roles import ASSOCIATION_CONTACT, BOARD, FACILITATOR, STAFF

DEMO_PASSWORD = "frivillig-demo"

# (username, first name, last name, role or None for the superuser)
DEMO_USERS = [
    ("admin", "Ada", "Administrator", None),
    ("personale", "Pia", "Personale", STAFF),
    ("bestyrelse", "Bent", "Bestyrelse", BOARD),
    ("forening", "Frida", "Foreningskontakt", ASSOCIATION_CONTACT),
    ("tovholder", "Tove", "Tovholder", FACILITATOR),
]

ABOUT_DA = """Frivilligcenter Eksempelby er et mødested for frivillighed i Eksempelby Kommune. Vi hjælper borgere med at finde en forening eller en frivillig opgave, og vi støtter foreningerne med rådgivning, netværk og synlighed.

Vi driver selvhjælpsgrupper for mennesker i en svær livssituation, fx sorg, skilsmisse, stress eller ensomhed. Grupperne ledes af uddannede frivillige tovholdere, og det er gratis at deltage.

Har du en idé til et projekt eller et arrangement, så kig forbi. Vi hjælper med tilladelser, lokaler, fondsansøgninger og med at fortælle om det. Alle er velkomne, uanset baggrund, alder eller handicap."""

ABOUT_EN = """Frivilligcenter Eksempelby is a meeting place for volunteering in Eksempelby Municipality. We help citizens find an association or a volunteer task, and we support associations with advice, networks and visibility.

We run self-help groups for people in a difficult situation in life, such as grief, divorce, stress or loneliness. The groups are led by trained volunteer facilitators, and taking part is free.

If you have an idea for a project or an event, drop by. We help with permits, rooms, funding applications and spreading the word. Everyone is welcome, whatever their background, age or disability."""

PRIVACY_DA = """Frivilligcenter Eksempelby (CVR 12345674) er dataansvarlig for de oplysninger, du giver os på denne hjemmeside.

Hvad vi gemmer og hvorfor: Når du logger ind som foreningskontakt, tovholder eller bestyrelsesmedlem, gemmer vi dit navn, din e-mailadresse og din adgangskode i krypteret form, så du kan passe dine opgaver. Når du skriver til os gennem en formular, gemmer vi det, du skriver, så vi kan svare dig.

Henvendelser til selvhjælpsgrupper kan indeholde oplysninger om helbred. Dem behandler vi kun med dit udtrykkelige samtykke, kun personalet og gruppens tovholdere kan se dem, og vi sletter dem efter en fast frist, når gruppen er slut eller henvendelsen er afsluttet.

Vi bruger kun de cookies, der er nødvendige for at siden virker (sprog, login og beskyttelse af formularer). Vi bruger ingen sporing og henter intet fra andre websteder.

Dine rettigheder: Du kan få indsigt i, rette eller slette dine oplysninger og trække et samtykke tilbage. Skriv til kontakt@eksempelby.example. Du kan klage til Datatilsynet (datatilsynet.dk)."""

PRIVACY_EN = """Frivilligcenter Eksempelby (CVR 12345674) is the data controller for the information you give us on this website.

What we store and why: when you log in as an association contact, facilitator or board member, we store your name, your email address and your password in encrypted form, so that you can do your tasks. When you write to us through a form, we store what you write so that we can answer you.

Enquiries to self-help groups can contain information about health. We process it only with your explicit consent, only staff and the group's facilitators can see it, and we delete it after a set period once the group has ended or the enquiry is closed.

We use only the cookies the site needs to work (language, login and form protection). We use no tracking and load nothing from other websites.

Your rights: you can see, correct or delete your information and withdraw a consent. Write to kontakt@eksempelby.example. You can complain to the Danish Data Protection Agency (datatilsynet.dk)."""

ACCESSIBILITY_DA = """Frivilligcenter Eksempelby ønsker, at alle kan bruge hjemmesiden. Siden er lavet efter standarden WCAG 2.1 niveau AA, som lov om tilgængelighed af offentlige organers websteder og mobilapplikationer henviser til.

Siden kan bruges med tastatur alene og med skærmlæser, tekst kan forstørres op til 200 procent, og siden virker på mobiltelefoner. Vi tester siderne automatisk for tilgængelighedsfejl, hver gang vi ændrer dem.

Kendte mangler: Dokumenter, som foreninger selv lægger op, kan være utilgængelige.

Oplever du problemer, så skriv til kontakt@eksempelby.example eller ring til os. Du kan også klage til Digitaliseringsstyrelsen."""

ACCESSIBILITY_EN = """Frivilligcenter Eksempelby wants everyone to be able to use this website. It is built to WCAG 2.1 level AA, the standard named by the Danish act on the accessibility of public sector websites and mobile applications.

The site works with a keyboard alone and with screen readers, text can be enlarged to 200 per cent, and the site works on mobile phones. We test the pages automatically for accessibility errors every time we change them.

Known shortcomings: documents that associations upload themselves may not be accessible.

If you meet a problem, write to kontakt@eksempelby.example or call us. You can also complain to the Agency for Digital Government."""

CENTRE = {
    "name": "Frivilligcenter Eksempelby",
    "tagline": "Vi hjælper dig med at finde fællesskab, frivilligt arbejde og foreninger.",
    "tagline_en": "We help you find community, volunteer work and associations.",
    "address": "Stationsvej 12",
    "postal_code": "9999",
    "city": "Eksempelby",
    "municipality": "Eksempelby",
    "phone": "+45 70 20 30 40",
    "email": "kontakt@eksempelby.example",
    "cvr": "12345674",
    "opening_hours": "Mandag-torsdag 10-16\nFredag 10-13\nLørdag og søndag lukket",
    "opening_hours_en": "Monday-Thursday 10-16\nFriday 10-13\nClosed on Saturday and Sunday",
    "about_text": ABOUT_DA,
    "about_text_en": ABOUT_EN,
    "privacy_policy": PRIVACY_DA,
    "privacy_policy_en": PRIVACY_EN,
    "accessibility_statement": ACCESSIBILITY_DA,
    "accessibility_statement_en": ACCESSIBILITY_EN,
    "facebook_url": "https://www.facebook.com/frivilligcenter.eksempelby",
}


def draw_logo() -> ContentFile:
    """A simple round logo (two joined hands in the centre's teal), drawn, not shipped."""
    size = 256
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, size - 8, size - 8), fill=(20, 98, 92, 255))
    draw.ellipse((60, 70, 150, 160), fill=(255, 255, 255, 255))
    draw.ellipse((106, 70, 196, 160), fill=(255, 210, 122, 255))
    draw.polygon([(68, 140), (188, 140), (128, 206)], fill=(255, 255, 255, 255))
    out = BytesIO()
    image.save(out, format="PNG")
    return ContentFile(out.getvalue(), name="logo.png")


def seed_centre() -> CentreProfile:
    centre, created = CentreProfile.objects.get_or_create(pk=1, defaults=CENTRE)
    if created or not centre.logo:
        centre.logo = draw_logo()
        centre.save()
    return centre


def seed_users() -> list[tuple[str, str]]:
    """One login per role; returns (username, role) for the ones that exist."""
    User = get_user_model()
    logins = []
    for username, first_name, last_name, role in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username,
                email=f"{username}@eksempelby.example",
                first_name=first_name,
                last_name=last_name,
                is_staff=role in (None, STAFF),
                is_superuser=role is None,
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
        if role:
            user.groups.add(Group.objects.get(name=role))
        logins.append((username, role or "Superbruger"))
    return logins
