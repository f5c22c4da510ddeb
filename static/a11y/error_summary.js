// The error summary (templates/includes/form_error_summary.html): after an invalid submit,
// focus moves to it so a screen reader reads it first and a keyboard user starts there; its
// links move focus to the field itself (a plain in-page link only scrolls), with the field's
// label in view.
(function () {
    "use strict";

    function focusField(id) {
        var field = document.getElementById(id);
        if (!field) {
            return false;
        }
        var wrapper = field.closest("[data-field-wrapper]") || field;
        wrapper.scrollIntoView({ block: "start" });
        field.focus({ preventScroll: true });
        return document.activeElement === field;
    }

    function init() {
        var summary = document.querySelector("[data-error-summary]");
        if (!summary) {
            return;
        }
        summary.focus();
        summary.addEventListener("click", function (event) {
            var link = event.target.closest("[data-error-summary-link]");
            if (link && focusField(link.getAttribute("data-error-summary-link"))) {
                event.preventDefault();
            }
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
