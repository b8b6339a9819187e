// Follows the newest probe round on the probe page without a reload: it reads the round's live counters
// from the API once a second until the round has ended, and updates the progress bar, the figures and, at
// the end, when the round finished.
(function () {
    'use strict';
    var live = document.getElementById('live');
    if (!live) {
        return;
    }
    var url = live.getAttribute('data-api') + live.getAttribute('data-round');

    function show(id, value) {
        var element = document.getElementById(id);
        if (element) {
            element.textContent = String(value);
        }
    }

    function update(round) {
        var percent = round.mirrorsTotal === 0 ? 100 : Math.round(100 * round.mirrorsDone / round.mirrorsTotal);
        var progress = document.getElementById('live-progress');
        progress.value = percent;
        progress.textContent = percent + '%';
        show('live-percent', percent);
        show('live-state', round.state);
        show('live-done', round.mirrorsDone);
        show('live-total', round.mirrorsTotal);
        show('live-requests', round.requests);
        show('live-failures', round.failures);
        show('live-current', round.currentMirror || '\u2014');
        live.setAttribute('data-state', round.state);
        if (round.finished) {
            showFinished(round.finished);
        }
        return round.state === 'RUNNING';
    }

    // The page said when the round started; the end it learns here, as it happens, so "just now" is true.
    function showFinished(instant) {
        var part = document.getElementById('live-finished-part');
        var time = document.getElementById('live-finished');
        if (!part || !time || !part.hidden) {
            return;
        }
        // The API gives microseconds; a datetime attribute takes at most milliseconds, and the page seconds.
        time.setAttribute('datetime', instant.replace(/\.\d+Z$/, 'Z'));
        time.textContent = 'just now';
        if (window.mirrorwatch && window.mirrorwatch.localiseTime) {
            window.mirrorwatch.localiseTime(time);
        }
        part.hidden = false;
    }

    function poll() {
        fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
            .then(function (response) { return response.json(); })
            .then(function (round) {
                if (update(round)) {
                    window.setTimeout(poll, 1000);
                }
            })
            .catch(function () { window.setTimeout(poll, 3000); });
    }

    if (live.getAttribute('data-state') === 'RUNNING') {
        poll();
    }
}());
