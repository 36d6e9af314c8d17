// Confirmation before destructive actions: <button data-confirm="Désactiver ce module ?">.
// Kept in a file (no inline script) so a strict Content-Security-Policy can forbid inline code.
document.addEventListener('submit', function (event) {
    var submitter = event.submitter;
    var message = (submitter && submitter.getAttribute('data-confirm')) || event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
        event.preventDefault();
    }
});

// Large uploads (CSV import): <form data-upload-progress> sends the file with XMLHttpRequest so the
// <progress> inside the form can show how much is sent, then shows the server's answer as a normal
// submit would. Without script the form submits as usual.
document.addEventListener('submit', function (event) {
    var form = event.target;
    if (event.defaultPrevented || !form.hasAttribute('data-upload-progress') || !window.FormData || !window.XMLHttpRequest) {
        return;
    }
    var file = form.querySelector('input[type=file]');
    if (!file || !file.files || file.files.length === 0) {
        return;
    }
    event.preventDefault();
    var bar = form.querySelector('progress');
    var status = form.querySelector('[data-upload-status]');
    var buttons = form.querySelectorAll('button[type=submit]');
    buttons.forEach(function (b) { b.disabled = true; });
    if (bar) { bar.hidden = false; bar.value = 0; }
    var request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable && bar) {
            bar.value = Math.round(e.loaded * 100 / e.total);
            if (status) { status.textContent = 'Envoi : ' + bar.value + ' %'; }
        }
    });
    request.upload.addEventListener('load', function () {
        if (status) { status.textContent = 'Fichier envoyé, vérification des lignes en cours…'; }
        if (bar) { bar.removeAttribute('value'); }
    });
    request.addEventListener('load', function () {
        document.open();
        document.write(request.responseText);
        document.close();
    });
    request.addEventListener('error', function () {
        if (status) { status.textContent = "L'envoi a échoué : vérifiez votre connexion et recommencez."; }
        buttons.forEach(function (b) { b.disabled = false; });
    });
    request.send(new FormData(form));
});

// Long network filters (hundreds of networks, NetworkFilter.cs): <select data-options-url> comes with
// « Tous les réseaux » and the chosen network only; the full list is loaded once — its URL names its
// version, so the browser keeps it across pages. Whatever is chosen meanwhile stays chosen. Without
// script, or if loading fails, the short list stays usable.
document.querySelectorAll('select[data-options-url]').forEach(function (select) {
    if (!window.fetch) {
        return;
    }
    fetch(select.getAttribute('data-options-url'), { credentials: 'same-origin' })
        .then(function (response) {
            if (!response.ok) {
                throw new Error('HTTP ' + response.status);
            }
            return response.text();
        })
        .then(function (html) {
            var loaded = document.createElement('select');
            loaded.innerHTML = html;
            var chosen = select.value;
            while (select.options.length > 1) {
                select.remove(1);
            }
            Array.prototype.slice.call(loaded.options).forEach(function (option) {
                select.add(option);
            });
            select.value = chosen;
            select.setAttribute('data-options-loaded', '');
        })
        .catch(function () { });
});
