"""Keep the stored search vectors (PostgreSQL) and the guide's caches current.

Also the signals this app sends for others to act on: foreninger may not use the centre's
accounts and invitations (frivillig), so it asks for them by signal.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import Signal, receiver

from .guide_cache import bump_guide_generation
from .models import Area, Association, Category, Membership, TargetGroup, VolunteerOpportunity
from .search import refresh_search_vector
from .vocabularies import vocabularies_changed

#: A person who registered an association has been made its contact but has no password
#: yet: someone (frivillig.receivers) should invite them to create a login.
#: Sent with ``association``, ``user`` and ``language`` (of the invitation email).
contact_invitation_needed = Signal()


@receiver(post_save, sender=Association, dispatch_uid="foreninger_association_search")
def association_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    bump_guide_generation()
    if update_fields is not None and set(update_fields) <= {"last_confirmed_at", "logo_thumbnail"}:
        return  # nothing searchable changed
    refresh_search_vector([instance.pk])


@receiver(
    m2m_changed, sender=Association.categories.through, dispatch_uid="foreninger_category_search"
)
def association_categories_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    bump_guide_generation()
    if not reverse:
        refresh_search_vector([instance.pk])
    elif pk_set:
        refresh_search_vector(pk_set)
    elif action == "post_clear":
        # category.associations.clear(): which ones were linked is no longer known.
        refresh_search_vector()


@receiver(post_save, sender=Category, dispatch_uid="foreninger_category_renamed")
def category_saved(sender, instance, created, **kwargs):
    if not created:
        refresh_search_vector(instance.associations.values_list("pk", flat=True))


@receiver(post_save, sender=Category, dispatch_uid="foreninger_vocabulary_category")
@receiver(post_save, sender=TargetGroup, dispatch_uid="foreninger_vocabulary_target_group")
@receiver(post_save, sender=Area, dispatch_uid="foreninger_vocabulary_area")
@receiver(post_delete, sender=Category, dispatch_uid="foreninger_vocabulary_category_del")
@receiver(post_delete, sender=TargetGroup, dispatch_uid="foreninger_vocabulary_target_group_del")
@receiver(post_delete, sender=Area, dispatch_uid="foreninger_vocabulary_area_del")
def vocabulary_changed(sender, **kwargs):
    vocabularies_changed()
    bump_guide_generation()


@receiver(pre_delete, sender=Category, dispatch_uid="foreninger_category_deleting")
def category_deleting(sender, instance, **kwargs):
    # Deleting a category removes its links without an m2m signal: remember whose stored
    # search vectors hold its name, and refresh them once it is gone.
    instance._linked_association_ids = list(instance.associations.values_list("pk", flat=True))


@receiver(post_delete, sender=Category, dispatch_uid="foreninger_category_deleted")
def category_deleted(sender, instance, **kwargs):
    refresh_search_vector(getattr(instance, "_linked_association_ids", None) or [])


@receiver(post_save, sender=Membership, dispatch_uid="foreninger_membership_saved")
@receiver(post_delete, sender=Membership, dispatch_uid="foreninger_membership_deleted")
@receiver(post_delete, sender=Association, dispatch_uid="foreninger_association_deleted")
@receiver(post_save, sender=VolunteerOpportunity, dispatch_uid="foreninger_opportunity_saved")
@receiver(post_delete, sender=VolunteerOpportunity, dispatch_uid="foreninger_opportunity_deleted")
@receiver(
    m2m_changed, sender=Association.target_groups.through, dispatch_uid="foreninger_tg_changed"
)
@receiver(
    m2m_changed,
    sender=VolunteerOpportunity.suitable_for.through,
    dispatch_uid="foreninger_suitable_for_changed",
)
def guide_changed(sender, **kwargs):
    bump_guide_generation()
