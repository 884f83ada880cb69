"""Open data: the published guide as JSON and CSV, for the municipality and anyone else.

Only public fields. JSON field names follow Open Referral HSDS (organization, location,
phone, category) where they fit; the rest are named plainly. CSV is UTF-8 with a byte-order
mark so that Excel shows æ, ø and å.
"""

import csv

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .models import Association, VolunteerOpportunity

JSON_PAGE_SIZE = 100


def _open(response):
    # Open data may be read from other sites' pages.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _public_associations():
    return (
        Association.objects.published()
        .select_related("area")
        .prefetch_related("categories", "target_groups")
        .order_by("name", "pk")
    )


def _public_opportunities():
    return (
        VolunteerOpportunity.objects.open_to_the_public()
        .select_related("association")
        .prefetch_related("suitable_for")
        .order_by("-created_at", "pk")
    )


def association_record(association: Association, absolute) -> dict:
    return {
        "id": association.slug,
        "name": association.name,
        "description": association.short_description,
        "url": absolute(association.get_absolute_url()),
        "website": association.website,
        "email": association.email,
        "tax_id": association.cvr,
        "year_incorporated": association.founded_year,
        "phones": [{"number": association.phone}] if association.phone else [],
        "locations": [
            {
                "name": association.meeting_place,
                "addresses": [
                    {
                        "address_1": association.address,
                        "postal_code": association.postal_code,
                        "city": association.city,
                        "country": "DK",
                    }
                ],
                "accessibility": {
                    "step_free_access": association.step_free_access,
                    "hearing_loop": association.hearing_loop,
                    "accessible_toilet": association.accessible_toilet,
                },
            }
        ],
        "categories": [category.slug for category in association.categories.all()],
        "target_groups": [group.slug for group in association.target_groups.all()],
        "area": association.area.slug if association.area else None,
        "schedule": association.meeting_times,
        "fees": association.membership_fee,
        "languages": association.languages,
        "looking_for_volunteers": association.looking_for_volunteers,
        "logo": absolute(association.logo.url) if association.logo else None,
        "last_modified": association.updated_at.isoformat(),
    }


def opportunity_record(opportunity: VolunteerOpportunity, absolute) -> dict:
    return {
        "id": opportunity.pk,
        "name": opportunity.title,
        "description": opportunity.description,
        "organization": {
            "id": opportunity.association.slug,
            "name": opportunity.association.name,
            "url": absolute(opportunity.association.get_absolute_url()),
        },
        "time_commitment": opportunity.time_commitment,
        "when": opportunity.when,
        "where": opportunity.where,
        "suitable_for": [group.slug for group in opportunity.suitable_for.all()],
        "application_deadline": opportunity.closes_on.isoformat()
        if opportunity.closes_on
        else None,
        "last_modified": opportunity.updated_at.isoformat(),
    }


def _json_page(request, queryset, record):
    paginator = Paginator(queryset, JSON_PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except (PageNotAnInteger, EmptyPage):
        return _open(JsonResponse({"detail": "No such page."}, status=404))

    def link(number):
        return request.build_absolute_uri(f"{request.path}?page={number}")

    absolute = request.build_absolute_uri
    return _open(
        JsonResponse(
            {
                "count": paginator.count,
                "next": link(page.next_page_number()) if page.has_next() else None,
                "previous": link(page.previous_page_number()) if page.has_previous() else None,
                "results": [record(item, absolute) for item in page.object_list],
            },
            json_dumps_params={"ensure_ascii": False},
        )
    )


class _Echo:
    def write(self, value):
        return value


def _csv(filename, header, rows):
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff"  # the byte-order mark Excel needs to read UTF-8
        yield writer.writerow(header)
        for row in rows:
            yield writer.writerow([safe_cell(value) for value in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return _open(response)


def safe_cell(value):
    # A cell starting with = + - @ is run as a formula by spreadsheets: CSV injection.
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


ASSOCIATION_COLUMNS = [
    "id",
    "name",
    "description",
    "url",
    "website",
    "email",
    "phone",
    "tax_id",
    "year_incorporated",
    "address_1",
    "postal_code",
    "city",
    "meeting_place",
    "categories",
    "target_groups",
    "area",
    "schedule",
    "fees",
    "languages",
    "step_free_access",
    "hearing_loop",
    "accessible_toilet",
    "looking_for_volunteers",
    "last_modified",
]


def _association_row(association, absolute):
    record = association_record(association, absolute)
    location = record["locations"][0]
    address = location["addresses"][0]
    return [
        record["id"],
        record["name"],
        record["description"],
        record["url"],
        record["website"],
        record["email"],
        association.phone,
        record["tax_id"],
        record["year_incorporated"],
        address["address_1"],
        address["postal_code"],
        address["city"],
        location["name"],
        "|".join(record["categories"]),
        "|".join(record["target_groups"]),
        record["area"],
        record["schedule"],
        record["fees"],
        record["languages"],
        location["accessibility"]["step_free_access"],
        location["accessibility"]["hearing_loop"],
        location["accessibility"]["accessible_toilet"],
        record["looking_for_volunteers"],
        record["last_modified"],
    ]


OPPORTUNITY_COLUMNS = [
    "id",
    "name",
    "description",
    "organization_id",
    "organization_name",
    "time_commitment",
    "when",
    "where",
    "suitable_for",
    "application_deadline",
    "last_modified",
]


def _opportunity_row(opportunity, absolute):
    record = opportunity_record(opportunity, absolute)
    return [
        record["id"],
        record["name"],
        record["description"],
        record["organization"]["id"],
        record["organization"]["name"],
        record["time_commitment"],
        record["when"],
        record["where"],
        "|".join(record["suitable_for"]),
        record["application_deadline"],
        record["last_modified"],
    ]


@require_GET
@cache_control(max_age=300, public=True)
def api_index(request):
    absolute = request.build_absolute_uri
    endpoints = {
        "associations": absolute(reverse("foreninger:api_associations_json")),
        "associations_csv": absolute(reverse("foreninger:api_associations_csv")),
        "volunteer_opportunities": absolute(reverse("foreninger:api_opportunities_json")),
        "volunteer_opportunities_csv": absolute(reverse("foreninger:api_opportunities_csv")),
    }
    return _open(JsonResponse({"endpoints": endpoints, "page_size": JSON_PAGE_SIZE}))


@require_GET
@cache_control(max_age=300, public=True)
def associations_json(request):
    return _json_page(request, _public_associations(), association_record)


@require_GET
@cache_control(max_age=300, public=True)
def opportunities_json(request):
    return _json_page(request, _public_opportunities(), opportunity_record)


@require_GET
def associations_csv(request):
    absolute = request.build_absolute_uri
    rows = (_association_row(item, absolute) for item in _public_associations().iterator(500))
    return _csv("foreninger.csv", ASSOCIATION_COLUMNS, rows)


@require_GET
def opportunities_csv(request):
    absolute = request.build_absolute_uri
    rows = (_opportunity_row(item, absolute) for item in _public_opportunities().iterator(500))
    return _csv("frivilligopgaver.csv", OPPORTUNITY_COLUMNS, rows)
