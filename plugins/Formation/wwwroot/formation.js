// « Imprimer » buttons: the site's Content-Security-Policy forbids inline handlers.
document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-print]');
    if (button) {
        window.print();
    }
});
