"""Open data: the published guide as JSON and CSV, for the municipality and anyone else.

CSV is written by ``frivillig.lib.csv``: UTF-8 with a byte-order mark, formulas disarmed.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from frivillig.lib.csv import csv_response

from ..services.opendata import (
    ASSOCIATION_COLUMNS,
    OPPORTUNITY_COLUMNS,
    association_record,
    association_row,
    opportunity_record,
    opportunity_row,
    public_associations,
    public_opportunities,
)

JSON_PAGE_SIZE = 100


def _open(response):
    # Open data may be read from other sites' pages.
    response["Access-Control-Allow-Origin"] = "*"
    return response


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


def _csv(filename, header, rows):
    # Programs read open data, so the separator is the comma.
    return _open(csv_response(filename=filename, header=header, rows=rows))


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
    return _json_page(request, public_associations(), association_record)


@require_GET
@cache_control(max_age=300, public=True)
def opportunities_json(request):
    return _json_page(request, public_opportunities(), opportunity_record)


@require_GET
def associations_csv(request):
    absolute = request.build_absolute_uri
    rows = (association_row(item, absolute) for item in public_associations().iterator(500))
    return _csv("foreninger.csv", ASSOCIATION_COLUMNS, rows)


@require_GET
def opportunities_csv(request):
    absolute = request.build_absolute_uri
    rows = (opportunity_row(item, absolute) for item in public_opportunities().iterator(500))
    return _csv("frivilligopgaver.csv", OPPORTUNITY_COLUMNS, rows)
