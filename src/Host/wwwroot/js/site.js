// Confirmation before destructive actions: <button data-confirm="Désactiver ce module ?">.
// Kept in a file (no inline script) so a strict Content-Security-Policy can forbid inline code.
document.addEventListener('submit', function (event) {
    var submitter = event.submitter;
    var message = (submitter && submitter.getAttribute('data-confirm')) || event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
        event.preventDefault();
    }
});
