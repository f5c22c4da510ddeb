"""Test harness shared by the permission matrix and the IDOR walker: URLs, viewsets, data."""
