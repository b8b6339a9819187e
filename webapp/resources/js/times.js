// The console writes each time relative to now, with its exact moment in UTC in the tooltip. This puts the
// tooltip in the reader's own time zone and manner; without script the UTC one stays, and it is readable.
(function () {
    'use strict';
    var format = new Intl.DateTimeFormat(undefined, {day: 'numeric', month: 'short', year: 'numeric',
        hour: '2-digit', minute: '2-digit', timeZoneName: 'short'});

    function localise(time) {
        var moment = new Date(time.getAttribute('datetime'));
        if (!isNaN(moment.getTime())) {
            time.title = format.format(moment);
        }
    }

    // Only times with a tooltip: a chart's day (datetime="2026-11-30") is a UTC day, not a moment.
    document.querySelectorAll('time[datetime][title]').forEach(localise);
    // For the probe page's live panel, which adds a time after the page has loaded.
    window.mirrorwatch = window.mirrorwatch || {};
    window.mirrorwatch.localiseTime = localise;
}());
