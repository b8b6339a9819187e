-- Loaded after access-world.sql for the mirror lists and the redirector (RoutingIT): fresh official
-- mirrors in Germany (one without arm64), France, Brazil and Japan, and three that must never be handed
-- out: a stale one, a disabled one and an unofficial one. alice-mirror and bob-mirror of access-world
-- were never probed (UNKNOWN), so they are not handed out either.
INSERT INTO distro_arch_release (distro_release_id, architecture_tag, official) VALUES (1, 'arm64', true);

INSERT INTO distribution_mirror (distribution_id, owner_id, name, speed, country_id, content, pulse_type,
                                 http_base_url, https_base_url, enabled, official_candidate, review_status,
                                 date_created, probed_freshness)
VALUES
    (1, 2, 'de-amd64-only', 'S10G', (SELECT id FROM country WHERE iso_code = 'DE'), 'ARCHIVE', 'PULL',
     'http://de-amd64.example.org/ubuntu/', NULL, true, true, 'OFFICIAL', '2026-01-06 00:00:00+00', 'UP'),
    (1, 2, 'de-all', 'S1G', (SELECT id FROM country WHERE iso_code = 'DE'), 'ARCHIVE', 'PULL',
     'http://de-all.example.org/ubuntu/', 'https://de-all.example.org/ubuntu/', true, true, 'OFFICIAL',
     '2026-01-06 00:00:00+00', 'UP'),
    (1, 2, 'fr-all', 'S1G', (SELECT id FROM country WHERE iso_code = 'FR'), 'ARCHIVE', 'PULL',
     'http://fr-all.example.org/ubuntu/', NULL, true, true, 'OFFICIAL', '2026-01-06 00:00:00+00', 'ONEHOURBEHIND'),
    (1, 3, 'br-amd64-only', 'S1G', (SELECT id FROM country WHERE iso_code = 'BR'), 'ARCHIVE', 'PULL',
     'http://br.example.org/ubuntu/', NULL, true, true, 'OFFICIAL', '2026-01-06 00:00:00+00', 'UP'),
    (1, 3, 'jp-all', 'S1G', (SELECT id FROM country WHERE iso_code = 'JP'), 'ARCHIVE', 'PULL',
     'http://jp.example.org/ubuntu/', NULL, true, true, 'OFFICIAL', '2026-01-06 00:00:00+00', 'UP'),
    (1, 3, 'us-stale', 'S10G', (SELECT id FROM country WHERE iso_code = 'US'), 'ARCHIVE', 'PULL',
     'http://us-stale.example.org/ubuntu/', NULL, true, true, 'OFFICIAL', '2026-01-06 00:00:00+00',
     'ONEWEEKBEHIND'),
    (1, 3, 'us-disabled', 'S10G', (SELECT id FROM country WHERE iso_code = 'US'), 'ARCHIVE', 'PULL',
     'http://us-disabled.example.org/ubuntu/', NULL, false, true, 'OFFICIAL', '2026-01-06 00:00:00+00', 'UP');
UPDATE distribution_mirror SET probed_freshness = 'UP' WHERE name = 'bob-unofficial';

-- What each carries, fresh: noble main amd64 everywhere, arm64 where the name says "all".
INSERT INTO mirror_distro_arch_release (distribution_mirror_id, distro_arch_release_id, pocket, component_id, freshness)
SELECT m.id, a.id, 'RELEASE', 1, 'UP' FROM distribution_mirror m, distro_arch_release a
WHERE m.name IN ('de-amd64-only', 'de-all', 'fr-all', 'br-amd64-only', 'jp-all', 'us-stale', 'us-disabled',
                 'bob-unofficial')
  AND (a.architecture_tag = 'amd64' OR m.name LIKE '%-all' OR m.name IN ('us-stale', 'us-disabled', 'bob-unofficial'));
-- de-amd64-only also lists arm64, but a week behind: not fresh enough to be sent arm64 clients.
INSERT INTO mirror_distro_arch_release (distribution_mirror_id, distro_arch_release_id, pocket, component_id, freshness)
SELECT m.id, a.id, 'RELEASE', 1, 'ONEWEEKBEHIND' FROM distribution_mirror m, distro_arch_release a
WHERE m.name = 'de-amd64-only' AND a.architecture_tag = 'arm64';
INSERT INTO mirror_distro_release_source (distribution_mirror_id, distro_release_id, pocket, component_id, freshness)
SELECT id, 1, 'RELEASE', 1, 'UP' FROM distribution_mirror WHERE name IN ('de-all', 'jp-all');
