// The copy buttons: a button with data-copy="id" puts the text of that element on the clipboard. Without
// script the text stays selectable, and the button stays hidden.
(function () {
    'use strict';
    document.querySelectorAll('button[data-copy]').forEach(function (button) {
        if (!navigator.clipboard) {
            return;
        }
        button.hidden = false;
        button.addEventListener('click', function () {
            var source = document.getElementById(button.getAttribute('data-copy'));
            navigator.clipboard.writeText(source.textContent).then(function () {
                button.textContent = 'Copied';
            });
        });
    });
}());
