"""The plan of approach and its execution: admin viewsets of plan items, logbook, contacts."""
