"""Demo data for the association guide: about 40 fictional associations in Eksempelby.

Used by ``manage.py seed_demo``; safe to run twice (rows are found by slug). Every name,
address, CVR number and email address here is invented.
"""

from __future__ import annotations

import colorsys
import hashlib
from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from frivillig.lib.validators import CVR_WEIGHTS, is_valid_cvr

from .guide_cache import bump_guide_generation
from .models import (
    Area,
    Association,
    AssociationContact,
    Category,
    Membership,
    TargetGroup,
    VolunteerOffer,
    VolunteerOpportunity,
)
from .services.listings import set_logo
from .slugs import danish_slug

DEMO_AREAS = [
    ("nordbyen", "Nordbyen", "Nordbyen (north)", 20),
    ("sydbyen", "Sydbyen", "Sydbyen (south)", 30),
    ("centrum", "Centrum", "The town centre", 40),
]

STREETS = {
    "nordbyen": ("Nordre Allé", "9991"),
    "sydbyen": ("Søndergade", "9992"),
    "centrum": ("Torvegade", "9999"),
    "hele-kommunen": ("Stationsvej", "9999"),
}

P, R, D, H = (
    Association.Status.PUBLISHED,
    Association.Status.AWAITING_REVIEW,
    Association.Status.DRAFT,
    Association.Status.HIDDEN,
)

# name, categories, target groups, area, short description, description (Markdown),
# meeting times, status, extra fields
ASSOCIATIONS: list[tuple] = [
    (
        "Sorggruppen Lysglimt",
        ["social", "sundhed"],
        ["voksne", "paaroerende"],
        "centrum",
        "Samtalegrupper for voksne, der har mistet en nær pårørende.",
        "Vi mødes i små grupper på 6-8 personer med to **uddannede frivillige**.\n\n"
        "- Tavshedspligt i gruppen\n- Gratis at deltage\n- Ingen henvisning nødvendig\n\n"
        "Ring eller skriv, så tager vi en snak om, hvad du har brug for.",
        "Hver anden tirsdag kl. 17-19",
        P,
        {"step_free_access": True, "hearing_loop": True, "accessible_toilet": True},
    ),
    (
        "Eksempelby Roklub",
        ["idraet"],
        ["unge", "voksne", "seniorer"],
        "sydbyen",
        "Motionsroning og kajak på fjorden for alle fra 12 år.",
        "Roklubben har både **inriggere**, kajakker og en stor bådehal.\n\n"
        "Nye medlemmer får et gratis introforløb i maj. Se mere på "
        "[vores hjemmeside](https://roklub.eksempelby.example).",
        "Mandag og onsdag kl. 17.30, lørdag kl. 9",
        P,
        {"looking_for_volunteers": True, "founded_year": 1898, "membership_fee": "900 kr. om året"},
    ),
    (
        "Foreningen Nydansk Netværk",
        ["internationalt", "social"],
        ["nydanskere", "familier"],
        "nordbyen",
        "Netværk, sprogcafé og hjælp til breve fra det offentlige.",
        "Vi er danskere og nydanskere, der mødes over en kop kaffe.\n\n"
        "**Sprogcafé** torsdag, **brevhjælp** mandag. Alle sprog er velkomne.",
        "Mandag kl. 15-17 og torsdag kl. 16-18",
        P,
        {
            "languages": "Dansk, engelsk, arabisk, tigrinya, ukrainsk",
            "looking_for_volunteers": True,
        },
    ),
    (
        "Senior Motion",
        ["idraet", "seniorer"],
        ["seniorer"],
        "hele-kommunen",
        "Gymnastik, stavgang og dans for seniorer i hele kommunen.",
        "Motion i godt selskab. Holdene er på forskellige niveauer, så *alle kan være med*.",
        "Tirsdag og fredag kl. 10",
        P,
        {
            "step_free_access": True,
            "accessible_toilet": True,
            "membership_fee": "250 kr. pr. halvår",
        },
    ),
    (
        "Skakklubben Springeren",
        ["kultur", "idraet"],
        ["boern", "unge", "voksne"],
        "centrum",
        "Skak for begyndere og øvede, turneringer og juniorhold.",
        "Vi spiller hver onsdag. **Juniorer** har egen træner fra kl. 17.",
        "Onsdag kl. 17-22",
        P,
        {"founded_year": 1952},
    ),
    (
        "1. Eksempelby Spejdergruppe",
        ["boern-unge", "natur-miljoe"],
        ["boern", "unge"],
        "nordbyen",
        "Spejderliv med bål, ture og lejre for børn fra 6 år.",
        "Vi er en gruppe med fire enheder: *mikro, mini, junior og trop*.\n\n"
        "Vi mangler altid voksne ledere, også hvis du kun har tid en gang om måneden.",
        "Tirsdag kl. 18-19.30",
        P,
        {"looking_for_volunteers": True, "founded_year": 1931},
    ),
    (
        "Naturgruppen Mosen",
        ["natur-miljoe"],
        ["alle"],
        "sydbyen",
        "Naturpleje, fugleture og høslæt i Eksempelby Mose.",
        "Vi passer mosen sammen med kommunen. **Fugleture** første søndag i måneden.",
        "Første søndag i måneden kl. 9",
        P,
        {"looking_for_volunteers": True},
    ),
    (
        "Hjerteforeningen Eksempelby",
        ["sundhed"],
        ["voksne", "seniorer", "paaroerende"],
        "hele-kommunen",
        "Lokalafdeling for hjertepatienter og deres pårørende.",
        "Vi tilbyder **hjertemotion**, foredrag og en samtalegruppe for pårørende.",
        "Se kalenderen",
        P,
        {"step_free_access": True, "hearing_loop": True},
    ),
    (
        "Foreningerne i Nordbyen",
        ["lokalsamfund"],
        ["alle"],
        "nordbyen",
        "Paraplyforening for foreningerne i Nordbyen.",
        "Vi samler 23 foreninger om *fælles arrangementer*, lokaler og byfest.\n\n"
        "Er din forening i Nordbyen? Så er I velkomne i fællesskabet.",
        "Fællesmøde første mandag i kvartalet",
        P,
        {},
    ),
    (
        "Lektiecaféen Blyanten",
        ["boern-unge", "uddannelse"],
        ["boern", "unge", "nydanskere"],
        "centrum",
        "Gratis lektiehjælp for skoleelever på biblioteket.",
        "Frivillige hjælper med **dansk, matematik og engelsk**. Ingen tilmelding.",
        "Mandag-torsdag kl. 15-17",
        P,
        {"looking_for_volunteers": True, "step_free_access": True},
    ),
    (
        "Eksempelby Kirkes Besøgstjeneste",
        ["tro", "social", "seniorer"],
        ["seniorer"],
        "hele-kommunen",
        "Frivillige besøgsvenner for ældre, der sidder alene.",
        "En besøgsven kommer en time om ugen til kaffe og snak, en gåtur eller et spil kort.",
        "Efter aftale",
        P,
        {"looking_for_volunteers": True},
    ),
    (
        "Eksempelby Kammerkor",
        ["kultur"],
        ["voksne"],
        "centrum",
        "Et blandet kor med omkring 40 sangere.",
        "Vi synger alt fra *Carl Nielsen* til nye nordiske værker. Optagelse efter en kort prøve.",
        "Torsdag kl. 19-21.30",
        P,
        {"founded_year": 1978, "membership_fee": "600 kr. om året"},
    ),
    (
        "Sydbyens Boldklub",
        ["idraet", "boern-unge"],
        ["boern", "unge", "voksne"],
        "sydbyen",
        "Fodbold for børn, unge og voksne; pigehold fra 6 år.",
        "Vi har hold i alle årgange og søger **trænere og holdledere**.",
        "Træning hverdage kl. 16.30-19",
        P,
        {"looking_for_volunteers": True, "founded_year": 1946},
    ),
    (
        "Gigtforeningen, lokalafdeling Eksempelby",
        ["sundhed"],
        ["voksne", "seniorer"],
        "hele-kommunen",
        "Varmtvandstræning og netværk for mennesker med gigt.",
        "Vi har **varmtvandstræning** i svømmehallen og foredrag om smertehåndtering.",
        "Fredag kl. 10-11",
        P,
        {"step_free_access": True, "accessible_toilet": True},
    ),
    (
        "Madklubben Fælles Bord",
        ["social"],
        ["alle"],
        "nordbyen",
        "Fællesspisning for alle, der ikke vil spise alene.",
        "Vi laver mad sammen og spiser sammen. Pris 40 kr., børn 20 kr.",
        "Onsdag kl. 17.30",
        P,
        {"step_free_access": True, "looking_for_volunteers": True},
    ),
    (
        "Eksempelby Lokalhistoriske Forening",
        ["kultur", "uddannelse"],
        ["voksne", "seniorer"],
        "centrum",
        "Byvandringer, arkiv og foredrag om byens historie.",
        "Arkivet har åbent for alle. **Byvandringer** hver sommer.",
        "Arkivet: tirsdag kl. 14-17",
        P,
        {"founded_year": 1967},
    ),
    (
        "Ungdomsklubben Boksen",
        ["boern-unge"],
        ["unge"],
        "sydbyen",
        "Klub for unge 13-17 år med musik, gaming og ture.",
        "Drevet af frivillige og unge sammen. *Alle er velkomne*.",
        "Mandag, onsdag og fredag kl. 18-22",
        P,
        {"looking_for_volunteers": True},
    ),
    (
        "Ensomme Gamles Værn, Eksempelby",
        ["seniorer", "social"],
        ["seniorer"],
        "hele-kommunen",
        "Udflugter og julefrokost for ældre, der sidder alene.",
        "Vi arrangerer **udflugter** med bus, og frivillige henter dem, der har brug for det.",
        "Efter program",
        P,
        {"step_free_access": True},
    ),
    (
        "Foreningen Pårørende til Psykisk Syge",
        ["sundhed", "social"],
        ["paaroerende"],
        "hele-kommunen",
        "Samtalegrupper og rådgivning for pårørende.",
        "Du er ikke alene. Vi har **samtalegrupper** og telefonrådgivning.",
        "Sidste torsdag i måneden kl. 19",
        P,
        {},
    ),
    (
        "Eksempelby Badmintonklub",
        ["idraet"],
        ["boern", "unge", "voksne"],
        "centrum",
        "Badminton for motionister og turneringsspillere.",
        "Baner i hallen hver aften. Motionister kan leje bane uden medlemskab.",
        "Hverdage kl. 16-22",
        P,
        {},
    ),
    (
        "Børnenes Teaterværksted",
        ["kultur", "boern-unge"],
        ["boern"],
        "nordbyen",
        "Teater, sang og forestillinger for børn 8-13 år.",
        "Vi sætter en **forestilling** op hvert forår.",
        "Lørdag kl. 10-13",
        P,
        {"looking_for_volunteers": True},
    ),
    (
        "Repair Café Eksempelby",
        ["natur-miljoe", "lokalsamfund"],
        ["alle"],
        "centrum",
        "Vi reparerer cykler, tøj, lamper og små apparater sammen.",
        "Tag det med, der er gået i stykker. Frivillige hjælper dig med at *reparere det selv*.",
        "Anden lørdag i måneden kl. 10-14",
        P,
        {"looking_for_volunteers": True, "step_free_access": True},
    ),
    (
        "Ukrainsk Forening i Eksempelby",
        ["internationalt", "kultur"],
        ["nydanskere", "familier"],
        "sydbyen",
        "Fællesskab, kultur og hjælp til nyankomne fra Ukraine.",
        "Vi holder **danskundervisning**, børneaktiviteter og kulturaftener.",
        "Søndag kl. 14-17",
        P,
        {"languages": "Ukrainsk, russisk, dansk, engelsk"},
    ),
    (
        "Diabetesforeningen Eksempelby",
        ["sundhed"],
        ["voksne", "boern", "familier"],
        "hele-kommunen",
        "Netværk og viden for familier med diabetes.",
        "Madkurser, gåture og en **familiegruppe** for børn med type 1-diabetes.",
        "Se kalenderen",
        P,
        {},
    ),
    (
        "Motionsløberne Eksempelby",
        ["idraet"],
        ["voksne"],
        "hele-kommunen",
        "Løbefællesskab med hold fra 5 til 21 km.",
        "Vi løber fra Stationspladsen. *Begynderhold* hvert forår.",
        "Tirsdag og torsdag kl. 18, søndag kl. 9",
        P,
        {"membership_fee": "200 kr. om året"},
    ),
    (
        "Moské- og Kulturforeningen Al-Noor",
        ["tro", "internationalt"],
        ["alle"],
        "nordbyen",
        "Bøn, lektiehjælp og åbent hus for naboer.",
        "Vi holder **åbent hus** hvert år i september. Alle er velkomne til te.",
        "Dagligt; åbent hus efter aftale",
        P,
        {"languages": "Arabisk, somali, dansk"},
    ),
    (
        "Handicapidræt Eksempelby",
        ["idraet", "sundhed"],
        ["handicap"],
        "centrum",
        "Idræt for mennesker med fysisk eller psykisk handicap.",
        "Boccia, svømning og kørestolsbasket. **Hjælpere** er altid velkomne.",
        "Mandag og torsdag kl. 17-19",
        P,
        {"step_free_access": True, "accessible_toilet": True, "hearing_loop": True},
    ),
    (
        "Haveforeningen Solsikken",
        ["natur-miljoe", "lokalsamfund"],
        ["familier", "seniorer"],
        "sydbyen",
        "Kolonihaver og en fælleshave med plads til nye.",
        "Fælleshaven er åben for alle, også uden egen have.",
        "Arbejdsdag første lørdag i måneden",
        P,
        {},
    ),
    (
        "Eksempelby Kunstforening",
        ["kultur"],
        ["voksne"],
        "centrum",
        "Udstillinger, kunstudlodning og ture til museer.",
        "Medlemmer deltager i den årlige **kunstudlodning**.",
        "Udstillinger weekender kl. 12-16",
        P,
        {"founded_year": 1959},
    ),
    (
        "Støtteforeningen for Kvindekrisecentret",
        ["social"],
        ["voksne", "familier"],
        "hele-kommunen",
        "Frivillige støtter krisecentrets kvinder og børn.",
        "Vi laver **børneaktiviteter** og praktisk hjælp ved udflytning.",
        "Efter aftale",
        P,
        {"looking_for_volunteers": True},
    ),
    (
        "Eksempelby Cykelklub",
        ["idraet"],
        ["voksne", "seniorer"],
        "hele-kommunen",
        "Landevejscykling og turture i roligt tempo.",
        "Turhold i *roligt tempo* og træningshold for de hurtige.",
        "Onsdag kl. 18 og søndag kl. 9",
        P,
        {},
    ),
    (
        "Folkeoplysningsforeningen Kundskab",
        ["uddannelse"],
        ["voksne", "seniorer"],
        "centrum",
        "Aftenskole med sprog, IT og kreative hold.",
        "Vi har **IT-hjælp for seniorer** og sprogkurser på alle niveauer.",
        "Hverdage kl. 17-21",
        P,
        {"step_free_access": True},
    ),
    (
        "Kræftens Bekæmpelse, Eksempelby",
        ["sundhed"],
        ["voksne", "paaroerende"],
        "hele-kommunen",
        "Netværksgrupper og indsamling i Eksempelby.",
        "Vi har en **netværksgruppe** for kræftramte og pårørende og står for landsindsamlingen.",
        "Se kalenderen",
        P,
        {},
    ),
    (
        "Nordbyens Beboerforening",
        ["lokalsamfund"],
        ["alle"],
        "nordbyen",
        "Beboerne i Nordbyen arbejder for et trygt og levende kvarter.",
        "Fællesspisning, loppemarked og **nabohjælp**.",
        "Bestyrelsesmøde anden tirsdag i måneden",
        P,
        {},
    ),
    (
        "Eksempelby Strikkecafé",
        ["kultur", "social"],
        ["alle"],
        "centrum",
        "Strik, hækl og snak i caféen på biblioteket.",
        "Vi strikker også til *nyfødte på sygehuset*.",
        "Torsdag kl. 14-16",
        R,
        {"step_free_access": True},
    ),
    (
        "Nordbyens Lektiecafé for Voksne",
        ["uddannelse", "internationalt"],
        ["nydanskere", "voksne"],
        "nordbyen",
        "Hjælp til danskopgaver, jobansøgninger og breve.",
        "Frivillige hjælper voksne med **dansk og jobansøgninger**.",
        "Tirsdag kl. 17-19",
        R,
        {"looking_for_volunteers": True},
    ),
    (
        "Sydbyens Petanqueklub",
        ["idraet", "seniorer"],
        ["seniorer"],
        "sydbyen",
        "Petanque på banerne ved Søndergade.",
        "Kom og prøv, vi låner dig kugler.",
        "Mandag og torsdag kl. 13",
        D,
        {},
    ),
    (
        "Eksempelby Modeljernbaneklub",
        ["kultur", "andet"],
        ["voksne", "boern"],
        "centrum",
        "Klubbens anlæg fylder hele kælderen under stationen.",
        "Åbent hus hver første søndag i december.",
        "Onsdag kl. 19",
        H,
        {},
    ),
    (
        "Bisamfundet Eksempelby",
        ["natur-miljoe", "andet"],
        ["voksne"],
        "hele-kommunen",
        "Biavlere, der deler viden og udstyr.",
        "Begynderkursus hvert forår; **slyngerum** til fælles brug.",
        "Efter program",
        P,
        {},
    ),
    (
        "Frivillige Førstehjælpere Eksempelby",
        ["sundhed", "lokalsamfund"],
        ["voksne"],
        "hele-kommunen",
        "Førstehjælpsvagter ved byens arrangementer.",
        "Vi uddanner dig og tager vagter ved **byfest, koncerter og løb**.",
        "Øvelsesaften første onsdag i måneden",
        P,
        {"looking_for_volunteers": True},
    ),
    (
        "Andet Liv, netværk for nye pensionister",
        ["seniorer", "social", "andet"],
        ["seniorer"],
        "centrum",
        "Netværk og projekter for dig, der lige er gået på pension.",
        "Vi starter projekter sammen, fx *haveklub, vandreture og frivilligt arbejde*.",
        "Hver anden fredag kl. 10",
        P,
        {},
    ),
]

# (association name, title, description, time commitment, when, where, suitable for)
OPPORTUNITIES: list[tuple] = [
    (
        "Sorggruppen Lysglimt",
        "Frivillig samtaleleder",
        "Led en sorggruppe sammen med en erfaren frivillig. Du får et kursus først.",
        "3 timer hver anden uge",
        "Tirsdag aften",
        "Frivilligcentret",
        ["voksne"],
    ),
    (
        "Eksempelby Roklub",
        "Instruktør for nye roere",
        "Lær nye medlemmer at ro inrigger. Du skal selv være styrmand.",
        "2 timer om ugen i sæsonen",
        "Maj-september",
        "Bådehallen",
        ["voksne", "seniorer"],
    ),
    (
        "Eksempelby Roklub",
        "Hjælp til bådeværkstedet",
        "Vedligehold af både om vinteren. Ingen erfaring nødvendig.",
        "3 timer om ugen",
        "Lørdag formiddag, oktober-marts",
        "Bådehallen",
        ["seniorer"],
    ),
    (
        "Foreningen Nydansk Netværk",
        "Sprogven i sprogcaféen",
        "Tal dansk med nydanskere over en kop kaffe.",
        "2 timer om ugen",
        "Torsdag kl. 16-18",
        "Nordbyens bibliotek",
        ["unge", "seniorer"],
    ),
    (
        "Foreningen Nydansk Netværk",
        "Brevhjælper",
        "Hjælp med at forstå breve fra kommunen og Skat.",
        "2 timer om ugen",
        "Mandag kl. 15-17",
        "Nordbyens bibliotek",
        ["voksne"],
    ),
    (
        "1. Eksempelby Spejdergruppe",
        "Spejderleder for minier",
        "Vær med til at lave spejdermøder for børn på 8-10 år.",
        "2 timer om ugen og nogle weekender",
        "Tirsdag kl. 18-19.30",
        "Spejderhytten",
        ["unge", "voksne"],
    ),
    (
        "Naturgruppen Mosen",
        "Naturplejer",
        "Slå hø og fjern opvækst i mosen sammen med andre.",
        "En lørdag om måneden",
        "Første lørdag kl. 9-12",
        "Eksempelby Mose",
        ["alle"],
    ),
    (
        "Lektiecaféen Blyanten",
        "Lektiehjælper i matematik",
        "Hjælp elever i 4.-9. klasse med matematik.",
        "2 timer om ugen",
        "Mandag-torsdag kl. 15-17",
        "Hovedbiblioteket",
        ["unge", "seniorer"],
    ),
    (
        "Eksempelby Kirkes Besøgstjeneste",
        "Besøgsven",
        "Besøg en ældre, der sidder alene, en time om ugen.",
        "1-2 timer om ugen",
        "Efter aftale",
        "Hos den ældre",
        ["voksne", "seniorer"],
    ),
    (
        "Sydbyens Boldklub",
        "Træner for U8 piger",
        "Træn et pigehold sammen med to andre forældre.",
        "3 timer om ugen",
        "Tirsdag og torsdag kl. 16.30",
        "Sydbyens stadion",
        ["unge", "voksne"],
    ),
    (
        "Madklubben Fælles Bord",
        "Kok til fællesspisning",
        "Lav mad til 40 personer sammen med et hold.",
        "4 timer hver anden uge",
        "Onsdag kl. 14-18",
        "Nordbyens medborgerhus",
        ["alle"],
    ),
    (
        "Ungdomsklubben Boksen",
        "Voksen i klubben",
        "Vær en tryg voksen i klubben og hjælp med aktiviteter.",
        "4 timer om ugen",
        "Fredag kl. 18-22",
        "Boksen, Søndergade",
        ["voksne"],
    ),
    (
        "Børnenes Teaterværksted",
        "Syerske til kostumer",
        "Sy kostumer til forårets forestilling.",
        "Efter behov",
        "Januar-april",
        "Hjemme eller i værkstedet",
        ["seniorer"],
    ),
    (
        "Repair Café Eksempelby",
        "Reparatør",
        "Hjælp besøgende med at reparere cykler, lamper eller tøj.",
        "4 timer om måneden",
        "Anden lørdag kl. 10-14",
        "Biblioteket",
        ["alle"],
    ),
    (
        "Handicapidræt Eksempelby",
        "Hjælper til boccia",
        "Hjælp med opstilling og spil til bocciatræningen.",
        "2 timer om ugen",
        "Mandag kl. 17-19",
        "Idrætshallen",
        ["unge", "voksne"],
    ),
    (
        "Støtteforeningen for Kvindekrisecentret",
        "Børneaktivitetsmedarbejder",
        "Lav aktiviteter for børn på krisecentret.",
        "3 timer om ugen",
        "Weekender",
        "Krisecentret (adressen er hemmelig)",
        ["voksne"],
    ),
    (
        "Frivillige Førstehjælpere Eksempelby",
        "Førstehjælper ved arrangementer",
        "Tag vagter ved byens arrangementer. Vi uddanner dig.",
        "2-3 vagter om året",
        "Weekender",
        "Rundt i byen",
        ["unge", "voksne"],
    ),
    (
        "Folkeoplysningsforeningen Kundskab",
        "IT-hjælper for seniorer",
        "Hjælp seniorer med MitID, e-Boks og telefonen.",
        "2 timer om ugen",
        "Onsdag kl. 10-12",
        "Kundskabs lokaler",
        ["unge"],
    ),
    (
        "Nordbyens Lektiecafé for Voksne",
        "Hjælper til jobansøgninger",
        "Hjælp voksne med at skrive en god ansøgning.",
        "2 timer om ugen",
        "Tirsdag kl. 17-19",
        "Nordbyens bibliotek",
        ["voksne"],
    ),
    (
        "Ensomme Gamles Værn, Eksempelby",
        "Chauffør til udflugter",
        "Hent og bring ældre til udflugter i din egen bil.",
        "4 gange om året",
        "Weekender",
        "Hele kommunen",
        ["voksne", "seniorer"],
    ),
    (
        "1. Eksempelby Spejdergruppe",
        "Kasserer",
        "Hold styr på gruppens regnskab og kontingenter. Du får hjælp af den gamle kasserer.",
        "2 timer om måneden",
        "Efter aftale",
        "Hjemme og i spejderhytten",
        ["voksne", "seniorer"],
    ),
    (
        "Madklubben Fælles Bord",
        "Opvasker og oprydder",
        "Hjælp med at rydde op efter fællesspisningen.",
        "2 timer hver anden uge",
        "Onsdag kl. 19-21",
        "Nordbyens medborgerhus",
        ["alle"],
    ),
]

#: The demo login "forening" is a contact of these.
DEMO_CONTACT_OF = ["Eksempelby Roklub", "Foreningen Nydansk Netværk"]

PALETTE_SEED = "eksempelby"


def demo_cvr(number: int) -> str:
    """The ``number``-th valid, invented CVR number (checked with modulus 11)."""
    candidate = 31_000_00 + number * 7
    while True:
        digits = str(candidate)
        remainder = sum(int(d) * w for d, w in zip(digits, CVR_WEIGHTS[:7], strict=True)) % 11
        check = (11 - remainder) % 11
        if check < 10:
            cvr = digits + str(check)
            assert is_valid_cvr(cvr)
            return cvr
        candidate += 1


def initials(name: str) -> str:
    words = [word for word in name.replace(",", " ").split() if word[:1].isalpha()]
    skip = {"i", "for", "og", "til", "Foreningen", "Eksempelby"}
    useful = [word for word in words if word not in skip] or words
    return "".join(word[0].upper() for word in useful[:2])


def draw_logo(name: str) -> ContentFile:
    """A simple logo: a coloured shape and the association's initials."""
    digest = hashlib.sha256(f"{PALETTE_SEED}{name}".encode()).digest()
    hue = digest[0] / 255
    red, green, blue = (round(c * 255) for c in colorsys.hls_to_rgb(hue, 0.36, 0.55))
    accent = tuple(round(c * 255) for c in colorsys.hls_to_rgb((hue + 0.45) % 1, 0.7, 0.7))
    size = 320
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    shape = digest[1] % 3
    if shape == 0:
        draw.ellipse((8, 8, size - 8, size - 8), fill=(red, green, blue, 255))
    elif shape == 1:
        draw.rounded_rectangle((8, 8, size - 8, size - 8), radius=60, fill=(red, green, blue, 255))
    else:
        draw.regular_polygon((size / 2, size / 2, size / 2 - 8), 6, fill=(red, green, blue, 255))
    draw.arc((40, 40, size - 40, size - 40), 200, 340, fill=(*accent, 255), width=14)
    try:
        font = ImageFont.load_default(size=120)
    except (TypeError, OSError):  # Pillow without FreeType
        font = ImageFont.load_default()
    draw.text((size / 2, size / 2 + 14), initials(name), font=font, fill="white", anchor="mm")
    out = BytesIO()
    image.save(out, format="PNG")
    return ContentFile(out.getvalue(), name=f"{danish_slug(name)}.png")


def seed_areas() -> dict[str, Area]:
    for slug, name, name_en, order in DEMO_AREAS:
        Area.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "order": order}
        )
    return {area.slug: area for area in Area.objects.all()}


@transaction.atomic
def seed_associations(*, logos: bool = True) -> int:
    """Create the demo associations and opportunities that are missing; returns how many new."""
    areas = seed_areas()
    categories = {category.slug: category for category in Category.objects.all()}
    target_groups = {group.slug: group for group in TargetGroup.objects.all()}
    now = timezone.now()
    created_count = 0
    by_name = {}
    for number, row in enumerate(ASSOCIATIONS):
        name, cats, targets, area, short, description, times, status, extra = row
        street, postal_code = STREETS[area]
        slug = danish_slug(name)
        association, created = Association.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "short_description": short,
                "description": description,
                "meeting_times": times,
                "status": status,
                "area": areas.get(area),
                "address": f"{street} {number + 3}",
                "postal_code": postal_code,
                "city": "Eksempelby",
                "email": f"kontakt@{slug[:40]}.example",
                "phone": f"+45 20 {30 + number:02d} {40 + number:02d} {50 + number:02d}",
                "website": f"https://{slug[:40]}.example",
                "cvr": demo_cvr(number) if number % 5 else "",
                "trusted": number % 4 == 0,
                # A few have not confirmed their listing for more than a year (stale).
                "last_confirmed_at": now
                - timedelta(days=400 + number if number % 13 == 5 else number * 9),
                **extra,
            },
        )
        by_name[name] = association
        if created:
            created_count += 1
            association.categories.set([categories[s] for s in cats if s in categories])
            association.target_groups.set([target_groups[s] for s in targets if s in target_groups])
        if logos and not association.logo and number % 6 != 3:
            set_logo(association=association, upload=draw_logo(name))
    for name, title, description, commitment, when, where, suitable in OPPORTUNITIES:
        association = by_name[name]
        opportunity, created = VolunteerOpportunity.objects.get_or_create(
            association=association,
            title=title,
            defaults={
                "description": description,
                "time_commitment": commitment,
                "when": when,
                "where": where,
                "contact_name": "Frivilligansvarlig",
                "contact_email": association.email,
            },
        )
        if created:
            opportunity.suitable_for.set([target_groups[s] for s in suitable if s in target_groups])
    seed_memberships(by_name)
    seed_offers(by_name)
    return created_count


#: Membership fee per type (kr. a year).
DEMO_FEES = {
    Membership.Type.ORDINARY: Decimal("500.00"),
    Membership.Type.SUPPORTING: Decimal("250.00"),
    Membership.Type.INSTITUTION: Decimal("1500.00"),
}


def demo_membership_plan(position: int, year: int) -> dict[int, dict]:
    """Which years the ``position``-th member association was a member, and how.

    Over three years: most are members throughout, some joined last year or this year,
    some left, one leaves during this year, and a quarter have not paid this year's dues.
    """
    today = timezone.localdate()
    years = [year - 2, year - 1, year]
    if position >= 28:
        years = [year]  # new this year
    elif position % 10 == 7:
        years = [year - 1, year]  # joined last year
    elif position % 11 == 4 or position == 13:
        years = [year - 2, year - 1]  # did not renew this year (13 left during last year)
    if position == 0 or position % 12 == 5:
        membership_type = Membership.Type.SUPPORTING
    elif position == 16:
        membership_type = Membership.Type.INSTITUTION
    else:
        membership_type = Membership.Type.ORDINARY
    plan = {}
    for member_year in years:
        first, last = member_year == years[0], member_year == years[-1]
        unpaid = member_year == year and position % 4 == 1
        left_on = None
        if last and position == 13:
            left_on = date(member_year, 6, 30)
        elif last and position == 20:
            left_on = date(year, 3, 31)  # leaves during this year
        plan[member_year] = {
            "type": membership_type,
            "fee": DEMO_FEES[membership_type],
            "paid_on": None if unpaid else min(date(member_year, 2, 1 + position % 25), today),
            "joined_on": date(member_year, 1, 10 + position % 15) if first else None,
            "left_on": left_on,
        }
    return plan


#: How many of the demo associations are members of the centre.
DEMO_MEMBER_COUNT = 31


def seed_memberships(by_name: dict[str, Association], *, year: int | None = None) -> int:
    """About 30 member associations over the last three years; returns how many rows new.

    Rows are found by association and year, so existing records (and what staff changed
    in them) are kept.
    """
    year = year or timezone.localdate().year
    members = [by_name[row[0]] for row in ASSOCIATIONS if row[7] == P][:DEMO_MEMBER_COUNT]
    existing = set(
        Membership.objects.filter(
            association__in=members, year__in=[year - 2, year - 1, year]
        ).values_list("association_id", "year")
    )
    new = [
        Membership(association=association, year=member_year, **fields)
        for position, association in enumerate(members)
        for member_year, fields in demo_membership_plan(position, year).items()
        if (association.pk, member_year) not in existing
    ]
    Membership.objects.bulk_create(new)
    bump_guide_generation()  # bulk_create sends no signals
    return len(new)


# (association, opportunity title, name, days ago, answered after days or None)
DEMO_OFFERS: list[tuple] = [
    ("Eksempelby Roklub", "Instruktør for nye roere", "Maja Eksempel", 30, 1),
    ("Eksempelby Roklub", "Hjælp til bådeværkstedet", "Jonas Prøvesen", 21, 3),
    ("Eksempelby Roklub", "Instruktør for nye roere", "Amina Demo", 2, None),
    ("Foreningen Nydansk Netværk", "Sprogven i sprogcaféen", "Søren Fiktiv", 40, 2),
    ("Foreningen Nydansk Netværk", "Brevhjælper", "Olga Opdigtet", 12, None),  # overdue
    ("Lektiecaféen Blyanten", "Lektiehjælper i matematik", "Ida Testesen", 25, 6),
    ("Sydbyens Boldklub", "Træner for U8 piger", "Karim Eksempel", 18, 5),
    ("Madklubben Fælles Bord", "Kok til fællesspisning", "Birthe Påhit", 1, None),
]


def _demo_email(name: str) -> str:
    return danish_slug(name).replace("-", ".") + "@example.org"


def seed_offers(by_name: dict[str, Association]) -> int:
    """A few invented offers to help: most answered within days, some not yet, one overdue."""
    now = timezone.now()
    made = 0
    for association_name, title, name, days_ago, answered_after in DEMO_OFFERS:
        opportunity = VolunteerOpportunity.objects.filter(
            association=by_name[association_name], title=title
        ).first()
        if opportunity is None:
            continue
        email = _demo_email(name)
        if VolunteerOffer.objects.filter(opportunity=opportunity, email=email).exists():
            continue
        created_at = now - timedelta(days=days_ago, hours=3)
        offer = VolunteerOffer.objects.create(
            opportunity=opportunity,
            name=name,
            email=email,
            message="Hej! Jeg vil gerne hjælpe. Jeg har tid på hverdage efter kl. 16.",
            consent_at=created_at,
        )
        # created_at is set on insert; move it (and the answer) back in time.
        VolunteerOffer.objects.filter(pk=offer.pk).update(
            created_at=created_at,
            answered_at=created_at + timedelta(days=answered_after, hours=2)
            if answered_after is not None
            else None,
        )
        made += 1
    return made


def link_demo_contact(*, username: str = "forening") -> int:
    """Make the demo contact login a contact of ``DEMO_CONTACT_OF``; returns how many links."""
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        return 0
    for association in Association.objects.filter(
        slug__in=[danish_slug(n) for n in DEMO_CONTACT_OF]
    ):
        AssociationContact.objects.get_or_create(
            association=association,
            user=user,
            defaults={"role": AssociationContact.Role.CONTACT},
        )
    return AssociationContact.objects.filter(user=user).count()


# Synthetic names for `make bench`: varied enough that searching means something.
BENCH_PREFIXES = [
    "Eksempelby",
    "Nordbyens",
    "Sydbyens",
    "Centrums",
    "Havnens",
    "Skovbakkens",
    "Fjordens",
    "Lysglimt",
    "Fællesskabets",
    "Kvarterets",
    "Stationsbyens",
    "Engens",
]
BENCH_KINDS = [
    ("Sorggruppe", "social", "Samtalegruppe for mennesker i sorg"),
    ("Roklub", "idraet", "Roning og kajak for alle aldre"),
    ("Skakklub", "kultur", "Skak for begyndere og øvede"),
    ("Spejdergruppe", "boern-unge", "Spejderliv med bål og lejre"),
    ("Naturgruppe", "natur-miljoe", "Naturpleje og ture i det fri"),
    ("Patientforening", "sundhed", "Netværk og viden for patienter og pårørende"),
    ("Seniorklub", "seniorer", "Motion og hygge for seniorer"),
    ("Lektiecafé", "uddannelse", "Gratis lektiehjælp til skoleelever"),
    ("Menighedsråd", "tro", "Kirkeligt fællesskab og besøgstjeneste"),
    ("Sprogcafé", "internationalt", "Dansk sprogtræning for nydanskere"),
    ("Beboerforening", "lokalsamfund", "Et trygt og levende kvarter"),
    ("Kor", "kultur", "Korsang for alle stemmer"),
    ("Boldklub", "idraet", "Fodbold for børn, unge og voksne"),
    ("Madklub", "social", "Fællesspisning for alle"),
    ("Strikkeklub", "andet", "Strik, hækl og snak"),
    ("Løbeklub", "idraet", "Løbefællesskab for motionister"),
]
BENCH_SUFFIXES = ["", "Øst", "Vest", "af 1972", "for Unge", "for Familier", "Plus", "2000"]


def bench_association_name(number: int) -> str:
    prefix = BENCH_PREFIXES[number % len(BENCH_PREFIXES)]
    kind, _category, _text = BENCH_KINDS[(number // len(BENCH_PREFIXES)) % len(BENCH_KINDS)]
    suffix = BENCH_SUFFIXES[(number // (len(BENCH_PREFIXES) * len(BENCH_KINDS))) % 8]
    return " ".join(part for part in (prefix, kind, suffix, f"{number}") if part)


@transaction.atomic
def seed_bench_associations(count: int) -> int:
    """Make ``count`` synthetic published associations (slug ``bench-NNNNN``); returns how many new.

    Bulk inserts: no signals run, so the caller refreshes search vectors afterwards.
    """
    areas = list(seed_areas().values())
    categories = {category.slug: category for category in Category.objects.all()}
    target_groups = list(TargetGroup.objects.all())
    existing = set(
        Association.objects.filter(slug__startswith="bench-").values_list("slug", flat=True)
    )
    now = timezone.now()
    new = []
    for number in range(count):
        slug = f"bench-{number:05d}"
        if slug in existing:
            continue
        name = bench_association_name(number)
        _kind, _category, text = BENCH_KINDS[(number // len(BENCH_PREFIXES)) % len(BENCH_KINDS)]
        new.append(
            Association(
                name=name,
                slug=slug,
                short_description=f"{text} i {name.split()[0].rstrip('s')}.",
                description=f"**{name}** er en forening for alle. {text}.\n\n- Nye er velkomne",
                status=Association.Status.PUBLISHED,
                area=areas[number % len(areas)],
                city="Eksempelby",
                postal_code="9999",
                looking_for_volunteers=number % 3 == 0,
                step_free_access=number % 4 == 0,
                last_confirmed_at=now - timedelta(days=number % 500),
            )
        )
    Association.objects.bulk_create(new, batch_size=1000)
    new_slugs = {association.slug for association in new}
    ids = {
        slug: pk
        for slug, pk in Association.objects.filter(slug__startswith="bench-").values_list(
            "slug", "id"
        )
        if slug in new_slugs
    }
    category_links = []
    target_links = []
    CategoryLink = Association.categories.through
    TargetLink = Association.target_groups.through
    for slug, pk in ids.items():
        number = int(slug.removeprefix("bench-"))
        _kind, category_slug, _text = BENCH_KINDS[
            (number // len(BENCH_PREFIXES)) % len(BENCH_KINDS)
        ]
        chosen = {category_slug, list(categories)[number % len(categories)]}
        category_links += [
            CategoryLink(association_id=pk, category_id=categories[s].pk)
            for s in chosen
            if s in categories
        ]
        target_links.append(
            TargetLink(
                association_id=pk, targetgroup_id=target_groups[number % len(target_groups)].pk
            )
        )
    CategoryLink.objects.bulk_create(category_links, batch_size=2000, ignore_conflicts=True)
    TargetLink.objects.bulk_create(target_links, batch_size=2000, ignore_conflicts=True)
    _seed_bench_opportunities_and_memberships(ids)
    # bulk_create sends no signals: retire every worker's cached guide pages.
    bump_guide_generation()
    return len(new)


def _seed_bench_opportunities_and_memberships(ids: dict[str, int]) -> None:
    """For the new bench associations: one volunteer opportunity for every third (those
    looking for volunteers) and a membership this year for every second, so that
    /frivillig/ and /medlemmer/ are measured with thousands of rows too."""
    year = timezone.localdate().year
    target_groups = list(TargetGroup.objects.all())
    opportunities, memberships = [], []
    for slug, pk in ids.items():
        number = int(slug.removeprefix("bench-"))
        if number % 3 == 0:
            kind, _category, text = BENCH_KINDS[(number // len(BENCH_PREFIXES)) % len(BENCH_KINDS)]
            opportunities.append(
                VolunteerOpportunity(
                    association_id=pk,
                    title=f"Frivillig til {kind.lower()} nr. {number}",
                    description=f"{text}. Vi søger en frivillig, der vil være med.",
                    time_commitment="2-3 timer om ugen",
                    when="Hverdage efter kl. 16",
                    where="Eksempelby",
                )
            )
        if number % 2 == 0:
            memberships.append(
                Membership(
                    association_id=pk,
                    year=year,
                    type=Membership.Type.ORDINARY,
                    fee=DEMO_FEES[Membership.Type.ORDINARY],
                )
            )
    VolunteerOpportunity.objects.bulk_create(opportunities, batch_size=1000)
    Membership.objects.bulk_create(memberships, batch_size=1000, ignore_conflicts=True)
    SuitableLink = VolunteerOpportunity.suitable_for.through
    SuitableLink.objects.bulk_create(
        [
            SuitableLink(
                volunteeropportunity_id=opportunity.pk,
                targetgroup_id=target_groups[index % len(target_groups)].pk,
            )
            for index, opportunity in enumerate(opportunities)
            if opportunity.pk and target_groups
        ],
        batch_size=2000,
    )
