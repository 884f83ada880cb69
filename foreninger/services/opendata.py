"""Open data: which rows are public, and each as an Open Referral HSDS record or a CSV row.

Only public fields. JSON field names follow Open Referral HSDS (organization, location,
phone, category) where they fit; the rest are named plainly.
"""

from ..models import Association, VolunteerOpportunity


def public_associations():
    return (
        Association.objects.published()
        .select_related("area")
        .prefetch_related("categories", "target_groups")
        .order_by("name", "pk")
    )


def public_opportunities():
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


def association_row(association, absolute):
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


def opportunity_row(opportunity, absolute):
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
