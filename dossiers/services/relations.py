"""Family links between subjects (risk group 5, the family approach)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from dossiers import access
from dossiers.models import Dossier, SubjectRelation


def relation_may_add(*, dossier: Dossier, user) -> bool:
    """Case directors on their own open dossiers and the Voorportaal during duiding."""
    if not access.changeable_dossiers_for(user).filter(pk=dossier.pk).exists():
        return False
    if dossier.case_director_id == user.pk:
        return True
    return access.has_permission(user, "dossiers.assess_signal")


def subject_relation_add(
    *, dossier: Dossier, related_reference: str, kind: str, by, note: str = ""
) -> SubjectRelation:
    """Link the dossier's subject to the subject of another dossier the user may see."""
    if not relation_may_add(dossier=dossier, user=by):
        raise ValidationError(_("U kunt dit dossier niet wijzigen."))
    related = access.dossiers_for(by).filter(reference=related_reference.strip()).first()
    if related is None or related.subject_id is None:
        raise ValidationError(
            {
                "related_reference": [
                    _("Geen toegankelijk dossier met een bekende persoon gevonden.")
                ]
            }
        )
    if dossier.subject_id is None:
        raise ValidationError(_("De persoon van dit dossier is nog niet vastgelegd."))
    if related.subject_id == dossier.subject_id:
        raise ValidationError(
            {"related_reference": [_("Een persoon kan niet aan zichzelf worden gekoppeld.")]}
        )
    relation, created = SubjectRelation.objects.get_or_create(
        subject_id=dossier.subject_id,
        related_id=related.subject_id,
        defaults={"kind": kind, "note": note},
    )
    if not created:
        raise ValidationError({"related_reference": [_("Deze familierelatie bestaat al.")]})
    return relation
