"""What the background exports (partner and listing) share on screen: the status answer the
progress page polls (static/reports/job_progress.js)."""

from django.http import JsonResponse


def job_status_response(job) -> JsonResponse:
    return JsonResponse(
        {
            "status": job.status,
            "running": job.is_running,
            "processed": job.processed,
            "total": job.total,
        }
    )
