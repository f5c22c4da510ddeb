from snippets.models.organisation import Organisation, OrganisationKind

__all__ = ["Organisation", "OrganisationKind"]
