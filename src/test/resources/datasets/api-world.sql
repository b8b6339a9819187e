-- Loaded after access-world.sql for the API tests (ApiIT): the archive publisher's account, what the
-- mirrors carry and how fresh their last probes found them, and two probes' history of alice-mirror.
-- The publisher's password is TestLogin.PASSWORD too.
INSERT INTO person (name, display_name, email, mirror_admin, publisher, email_verified, password_hash, date_created)
VALUES ('publisher', 'Archive Publisher', 'publisher@example.org', false, true, true, 'PBKDF2WithHmacSHA512:1024:muCPiAu/d8/sg6EkWHqK5b/dtBrSxxakK5pKnGug3Oc=:YDkOx5hrs/64anQTRDaoDJIgLk/HzZlFFkPe99XB/UOKr8PYMNijYQYDAm0dcfx7HI44FJ35LCjb1xXhKDtndQ==',
        '2026-01-01 00:00:00+00');

-- A mirror in Germany, official and fresh, for the continent fallback of the client lists.
INSERT INTO distribution_mirror (distribution_id, owner_id, name, speed, country_id, content, pulse_type,
                                 https_base_url, enabled, official_candidate, review_status, date_created)
VALUES (1, 3, 'bob-de', 'S10G', (SELECT id FROM country WHERE iso_code = 'DE'), 'ARCHIVE', 'PULL',
        'https://de.example.org/ubuntu/', true, true, 'OFFICIAL', '2026-01-06 00:00:00+00');

UPDATE distribution_mirror SET probed_freshness = 'UP' WHERE name IN ('alice-mirror', 'bob-de');
UPDATE distribution_mirror SET probed_freshness = 'ONEWEEKBEHIND' WHERE name = 'bob-mirror';

-- Their last probe: a mirror was last probed when its newest probe record was made.
INSERT INTO library_file (filename, mime_type, content_length, sha256, content, date_created)
VALUES ('api-world-probe.log', 'text/plain; charset=UTF-8', 6, repeat('0', 64), convert_to('probed', 'UTF8'),
        '2026-01-10 12:00:00+00');
INSERT INTO mirror_probe_record (distribution_mirror_id, log_file_id, date_created)
SELECT m.id, f.id, '2026-01-10 12:00:00+00' FROM distribution_mirror m, library_file f
WHERE m.name IN ('alice-mirror', 'bob-de', 'bob-mirror') AND f.filename = 'api-world-probe.log';

INSERT INTO mirror_distro_release_source (distribution_mirror_id, distro_release_id, pocket, component_id, freshness)
SELECT id, 1, 'RELEASE', 1, 'UP' FROM distribution_mirror WHERE name = 'alice-mirror';
INSERT INTO mirror_distro_arch_release (distribution_mirror_id, distro_arch_release_id, pocket, component_id, freshness)
SELECT id, 1, pocket, 1, freshness FROM distribution_mirror,
       (VALUES ('RELEASE', 'UP'), ('UPDATES', 'TWOHOURSBEHIND')) AS records (pocket, freshness)
WHERE name = 'alice-mirror';

INSERT INTO mirror_freshness_snapshot (distribution_mirror_id, date_created, overall, up, one_hour_behind,
                                       two_hours_behind, six_hours_behind, one_day_behind, two_days_behind,
                                       one_week_behind, unknown)
SELECT m.id, s.date_created, s.overall, s.up, 0, s.two_hours, 0, 0, 0, 0, 0 FROM distribution_mirror m,
       (VALUES (timestamptz '2026-01-09 12:00:00+00', 'UP', 3, 0),
               (timestamptz '2026-01-10 12:00:00+00', 'TWOHOURSBEHIND', 2, 1)) AS s (date_created, overall, up, two_hours)
WHERE m.name = 'alice-mirror';
