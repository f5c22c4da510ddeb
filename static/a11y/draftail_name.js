// Wagtail's rich-text editor (Draftail) renders a role="textbox" that has no accessible name:
// its field label points at a hidden input. Name each such textbox by its field's label,
// also for editors that StreamField adds later (issue 20, WCAG 4.1.2).
(function () {
    "use strict";

    var SELECTOR = '.public-DraftEditor-content[role="textbox"]';
    var counter = 0;

    function name(textbox) {
        if (textbox.hasAttribute("aria-label") || textbox.hasAttribute("aria-labelledby")) {
            return;
        }
        var wrapper = textbox.closest(".w-field__wrapper, [data-field-wrapper], .w-panel");
        var label = wrapper && wrapper.querySelector(".w-field__label, label, .w-panel__heading");
        if (!label) {
            return;
        }
        if (!label.id) {
            counter += 1;
            label.id = "draftail-label-" + counter;
        }
        textbox.setAttribute("aria-labelledby", label.id);
    }

    function nameAll() {
        document.querySelectorAll(SELECTOR).forEach(name);
    }

    function init() {
        nameAll();
        new MutationObserver(nameAll).observe(document.body, { childList: true, subtree: true });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
