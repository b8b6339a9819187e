// Follows the running probe rounds on the probe page without a reload. Once a second, while any round on the
// page runs, it reads the latest rounds from the API and updates each round's progress bar and figures; a
// round that started meanwhile (the CD images' beside the archive's) gets its own panel, archive first.
(function () {
    'use strict';
    var live = document.getElementById('live');
    if (!live) {
        return;
    }
    var url = live.getAttribute('data-api');

    function panels() {
        return Array.prototype.slice.call(live.querySelectorAll('section.live[data-round]'));
    }

    function show(panel, name, value) {
        var element = panel.querySelector('.' + name);
        if (element) {
            element.textContent = String(value);
        }
    }

    // As ProbeRunSummary.percentDone: a running round with no mirrors planned yet is at 0.
    function percent(round) {
        if (round.mirrorsTotal === 0) {
            return round.state === 'RUNNING' ? 0 : 100;
        }
        return Math.round(100 * round.mirrorsDone / round.mirrorsTotal);
    }

    function kind(round) {
        return (round.content === 'ARCHIVE' ? 'archive' : 'CD images') + (round.trigger === 'MIRROR' ? ', one mirror' : '');
    }

    function update(panel, round) {
        var done = percent(round);
        var progress = panel.querySelector('.live-progress');
        progress.value = done;
        progress.textContent = done + '%';
        show(panel, 'live-percent', done);
        show(panel, 'live-state', round.state);
        show(panel, 'live-done', round.mirrorsDone);
        show(panel, 'live-total', round.mirrorsTotal);
        show(panel, 'live-requests', round.requests);
        show(panel, 'live-failures', round.failures);
        show(panel, 'live-current', round.currentMirror || '\u2014');
        show(panel, 'live-queued', round.claimsQueued);
        showInstances(panel, round.instances || []);
        panel.setAttribute('data-state', round.state);
    }

    // Each instance's share of the round's host claims, as the page renders it.
    function showInstances(panel, instances) {
        var list = panel.querySelector('.live-instances');
        if (!list) {
            return;
        }
        while (list.firstChild) {
            list.removeChild(list.firstChild);
        }
        instances.forEach(function (instance) {
            var item = document.createElement('li');
            var name = document.createElement('span');
            name.className = 'instance-name';
            name.textContent = instance.instance;
            item.appendChild(name);
            item.appendChild(document.createTextNode(': holds ' + instance.claimsHeld + ', did ' + instance.claimsDone
                + ', last heartbeat ' + (instance.lastHeartbeat || '\u2014')));
            list.appendChild(item);
        });
    }

    // A new round's panel is a copy of one on the page, with its own ids.
    function addPanel(round) {
        var model = panels()[0];
        var panel = model.cloneNode(true);
        panel.id = 'live-' + round.id;
        panel.setAttribute('data-round', round.id);
        panel.setAttribute('data-content', round.content);
        panel.setAttribute('aria-labelledby', 'live-title-' + round.id);
        panel.querySelector('h2').id = 'live-title-' + round.id;
        panel.querySelector('.live-progress').setAttribute('aria-label', 'Mirrors probed in round ' + round.id);
        show(panel, 'live-id', round.id);
        show(panel, 'live-kind', kind(round));
        update(panel, round);
        var firstRelease = panels().filter(function (p) { return p.getAttribute('data-content') !== 'ARCHIVE'; })[0];
        live.insertBefore(panel, round.content === 'ARCHIVE' && firstRelease ? firstRelease : null);
    }

    function anyRunning() {
        return panels().some(function (panel) { return panel.getAttribute('data-state') === 'RUNNING'; });
    }

    function poll() {
        fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
            .then(function (response) { return response.json(); })
            .then(function (rounds) {
                var shown = {};
                panels().forEach(function (panel) { shown[panel.getAttribute('data-round')] = panel; });
                // Oldest first, so that two new rounds of one content keep the order in which they started.
                rounds.slice().reverse().forEach(function (round) {
                    var panel = shown[String(round.id)];
                    if (panel) {
                        update(panel, round);
                    } else if (round.state === 'RUNNING') {
                        addPanel(round);
                    }
                });
                if (anyRunning()) {
                    window.setTimeout(poll, 1000);
                }
            })
            .catch(function () { window.setTimeout(poll, 3000); });
    }

    if (anyRunning()) {
        poll();
    }
}());
