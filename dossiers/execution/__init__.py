"""The plan of approach and its execution: plan items, logbook, contacts, UVOs and evaluations
(views, viewsets, services, selectors; the plan itself in ``plan_views``/``plan_services``);
the models stay in ``dossiers.models``."""
