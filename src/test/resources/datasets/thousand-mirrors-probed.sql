-- Loaded after thousand-mirrors.sql for the sorted lists (MirrorListApiIT, ConsoleMatrixBrowserIT): the
-- mirrors' speeds in five steps, and last probes at seven instants (with microseconds), shared by many
-- mirrors each, so that pages end inside ties; a third of the mirrors were never probed. Half of the probed
-- ones also have an older probe record, which their last probe must ignore.
UPDATE distribution_mirror SET speed = (ARRAY['S128K', 'S2M', 'S1G', 'S10G', 'S100G'])[1 + substr(name, 2)::int % 5]
WHERE name ~ '^m[0-9]{4}$';

INSERT INTO library_file (filename, mime_type, content_length, sha256, content, date_created)
VALUES ('thousand-mirrors-probed.log', 'text/plain; charset=UTF-8', 6, repeat('0', 64), convert_to('probed', 'UTF8'),
        '2026-02-01 00:00:00+00');

INSERT INTO mirror_probe_record (distribution_mirror_id, log_file_id, date_created)
SELECT m.id, f.id, timestamptz '2026-02-01 00:00:00.123456+00' + (substr(m.name, 2)::int % 7) * interval '1 hour'
FROM distribution_mirror m, library_file f
WHERE m.name ~ '^m[0-9]{4}$' AND substr(m.name, 2)::int % 3 <> 0 AND f.filename = 'thousand-mirrors-probed.log';

INSERT INTO mirror_probe_record (distribution_mirror_id, log_file_id, date_created)
SELECT m.id, f.id, timestamptz '2026-01-15 00:00:00+00'
FROM distribution_mirror m, library_file f
WHERE m.name ~ '^m[0-9]{4}$' AND substr(m.name, 2)::int % 3 <> 0 AND substr(m.name, 2)::int % 2 = 0
  AND f.filename = 'thousand-mirrors-probed.log';
