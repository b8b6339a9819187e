-- Demo data for the README's run command only: tests and production never enable this location.
-- It is a repeatable migration, written to be re-applied safely: every insert skips what exists.

INSERT INTO person (name, display_name, email, mirror_admin, date_created) VALUES
    ('admin', 'Mirror Admin', 'admin@mirrorwatch.example.org', true, now()),
    ('alice', 'Alice Mirrorowner', 'alice@mirrors.example.org', false, now()),
    ('bob', 'Bob Mirrorowner', 'bob@mirrors.example.net', false, now())
ON CONFLICT DO NOTHING;

INSERT INTO distribution (name, display_name, main_archive_url, main_releases_url, mirror_admin_address) VALUES
    ('ubuntu', 'Ubuntu', 'http://archive.ubuntu.com/ubuntu/', 'http://releases.ubuntu.com/',
     'mirror-admins@mirrorwatch.example.org')
ON CONFLICT DO NOTHING;

INSERT INTO component (name) VALUES ('main'), ('restricted'), ('universe'), ('multiverse') ON CONFLICT DO NOTHING;

INSERT INTO distro_release (distribution_id, name, version, status)
SELECT d.id, s.name, s.version, s.status
FROM distribution d, (VALUES ('jammy', '22.04', 'SUPPORTED'), ('noble', '24.04', 'CURRENT')) s (name, version, status)
WHERE d.name = 'ubuntu'
ON CONFLICT DO NOTHING;

INSERT INTO distro_release_component (distro_release_id, component_id, position)
SELECT r.id, c.id, p.position
FROM distro_release r, component c,
     (VALUES ('main', 0), ('restricted', 1), ('universe', 2), ('multiverse', 3)) p (name, position)
WHERE c.name = p.name AND r.name IN ('jammy', 'noble')
ON CONFLICT DO NOTHING;

INSERT INTO distro_arch_release (distro_release_id, architecture_tag, official)
SELECT r.id, a.tag, true FROM distro_release r, (VALUES ('amd64'), ('arm64')) a (tag)
WHERE r.name IN ('jammy', 'noble')
ON CONFLICT DO NOTHING;

INSERT INTO distribution_mirror (distribution_id, owner_id, name, display_name, speed, country_id, content,
                                 pulse_type, http_base_url, https_base_url, ftp_base_url, rsync_base_url, enabled,
                                 official_candidate, review_status, date_created)
SELECT d.id, p.id, m.name, m.display_name, m.speed, c.id, m.content, m.pulse, m.http, m.https, m.ftp, m.rsync,
       m.enabled, true, m.review, now()
FROM distribution d,
     (VALUES
        ('de.mirror.example.org', 'Example Mirror Germany', 'S10G', 'DE', 'ARCHIVE', 'PUSH', 'alice',
         'http://de.mirror.example.org/ubuntu/', 'https://de.mirror.example.org/ubuntu/', NULL,
         'rsync://de.mirror.example.org/ubuntu/', true, 'OFFICIAL'),
        ('fr.mirror.example.org', 'Example Mirror France', 'S1G', 'FR', 'ARCHIVE', 'PULL', 'alice',
         'http://fr.mirror.example.org/ubuntu/', NULL, NULL, NULL, true, 'OFFICIAL'),
        ('br.mirror.example.net', 'Espelho Exemplo Brasil', 'S1G', 'BR', 'ARCHIVE', 'PULL', 'bob',
         'http://br.mirror.example.net/ubuntu/', 'https://br.mirror.example.net/ubuntu/', NULL, NULL, true,
         'OFFICIAL'),
        ('jp.mirror.example.net', 'Example Mirror Japan', 'S10G', 'JP', 'ARCHIVE', 'PUSH', 'bob',
         'http://jp.mirror.example.net/ubuntu/', NULL, 'ftp://jp.mirror.example.net/pub/ubuntu/',
         'rsync://jp.mirror.example.net/ubuntu/', true, 'OFFICIAL'),
        ('za.mirror.example.org', 'Example Mirror South Africa', 'S1G', 'ZA', 'ARCHIVE', 'PULL', 'alice',
         'http://za.mirror.example.org/ubuntu/', NULL, NULL, NULL, true, 'OFFICIAL'),
        ('au.mirror.example.org', 'Example Mirror Australia', 'S10G', 'AU', 'ARCHIVE', 'PUSH', 'bob',
         'http://au.mirror.example.org/ubuntu/', 'https://au.mirror.example.org/ubuntu/', NULL, NULL, true,
         'OFFICIAL'),
        ('us-east.mirror.example.com', 'Example Mirror US East', 'S100G', 'US', 'ARCHIVE', 'PUSH', 'alice',
         'http://us-east.mirror.example.com/ubuntu/', 'https://us-east.mirror.example.com/ubuntu/', NULL, NULL,
         true, 'OFFICIAL'),
        ('de2.mirror.example.net', 'Community Mirror Berlin', 'S100M', 'DE', 'ARCHIVE', 'PULL', 'bob',
         'http://de2.mirror.example.net/ubuntu/', NULL, NULL, NULL, true, 'UNOFFICIAL'),
        ('in.mirror.example.org', 'Example Mirror India', 'S1G', 'IN', 'ARCHIVE', 'PULL', 'alice',
         'http://in.mirror.example.org/ubuntu/', NULL, NULL, NULL, false, 'PENDING_REVIEW'),
        ('se.cdimage.example.org', 'Example CD Images Sweden', 'S10G', 'SE', 'RELEASE', 'PULL', 'alice',
         'http://se.cdimage.example.org/releases/', 'https://se.cdimage.example.org/releases/', NULL, NULL, true,
         'OFFICIAL'),
        ('ca.cdimage.example.net', 'Example CD Images Canada', 'S1G', 'CA', 'RELEASE', 'PULL', 'bob',
         'http://ca.cdimage.example.net/releases/', NULL, NULL, NULL, true, 'OFFICIAL')
     ) m (name, display_name, speed, country, content, pulse, owner, http, https, ftp, rsync, enabled, review),
     person p, country c
WHERE d.name = 'ubuntu' AND p.name = m.owner AND c.iso_code = m.country
ON CONFLICT DO NOTHING;

-- Some content with freshness, so the first page already shows a mix; the prober refreshes it.
INSERT INTO mirror_distro_release_source (distribution_mirror_id, distro_release_id, pocket, component_id, freshness)
SELECT m.id, r.id, 'RELEASE', c.id, f.freshness
FROM (VALUES ('de.mirror.example.org', 'UP'), ('fr.mirror.example.org', 'ONEHOURBEHIND'),
             ('br.mirror.example.net', 'UP'), ('jp.mirror.example.net', 'SIXHOURSBEHIND'),
             ('za.mirror.example.org', 'ONEDAYBEHIND'), ('au.mirror.example.org', 'UP'),
             ('us-east.mirror.example.com', 'UP'), ('de2.mirror.example.net', 'TWODAYSBEHIND')) f (mirror, freshness),
     distribution_mirror m, distro_release r, component c
WHERE m.name = f.mirror AND r.name = 'noble' AND c.name = 'main'
ON CONFLICT DO NOTHING;
