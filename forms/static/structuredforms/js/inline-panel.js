// Starts every CSP-safe inline panel (forms.panels.CspInlinePanel) from its JSON options.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('script[id$="-OPTIONS"]').forEach((element) => {
    if (element.dataset.started || typeof window.InlinePanel !== 'function') return;
    element.dataset.started = 'true';
    // The options were serialised twice (options_json is already a JSON string).
    const options = JSON.parse(JSON.parse(element.textContent));
    new window.InlinePanel(options); // eslint-disable-line no-new
  });
});
