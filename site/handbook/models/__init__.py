from handbook.models.guidance_page import GuidancePage
from handbook.models.home_page import HomePage

__all__ = ["GuidancePage", "HomePage"]
