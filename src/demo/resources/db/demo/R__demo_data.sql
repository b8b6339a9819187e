-- Demo data for the README's run command only: tests and production never enable this location.
-- It is a repeatable migration, written to be re-applied safely: every insert skips what exists.

-- The demo accounts and their passwords (the README lists them): admin / admin-demo-password (a mirror
-- administrator), alice / alice-demo-password and bob / bob-demo-password (mirror owners), and
-- publisher / publisher-demo-password (the archive publisher, which may import publications). The hashes are
-- the container's PBKDF2WithHmacSHA512 at 210000 iterations. A password someone changed is kept.
INSERT INTO person (name, display_name, email, mirror_admin, email_verified, password_hash, date_created) VALUES
    ('admin', 'Mirror Admin', 'admin@mirrorwatch.example.org', true, true,
     'PBKDF2WithHmacSHA512:210000:1uXHsVRv0+5uvG7Gfz4D7OZmhN4BxFGGFqzTpU58/yU=:4VIFYURVG1HLgPn4laF2ewZsroIuLmEPIlI/s5taXyViGB/gaixb8inTTbnxcpP4Rmlik0noq4eikpEEZ2u1ug==', now()),
    ('alice', 'Alice Mirrorowner', 'alice@mirrors.example.org', false, true,
     'PBKDF2WithHmacSHA512:210000:pml8HhvAUXw9k4Enoy+0g17RuSBHM1Um5Tq5yEtidlA=:aue55ZwcpGyc2Pjku7ypeXer7efSDiCDUkFU36wWNQtKrvoENulveZT4/D0RMIkojKEEzsccMtZTwGMKS9HIlw==', now()),
    ('bob', 'Bob Mirrorowner', 'bob@mirrors.example.net', false, true,
     'PBKDF2WithHmacSHA512:210000:xfwm7TjtYTBnNGVQ2hymwhg6vZDYIgv2i9TSPyRmCMc=:km6K3x7m2uC6ySf3/3gBU6O1XmIUNDhiMSoXmMgGpkzDr7MawuFOmEsLoWlCpALd7yckBkmSDqfZLSlU7nA9dw==', now())
ON CONFLICT (name) DO UPDATE SET email_verified = true,
    password_hash = COALESCE(person.password_hash, EXCLUDED.password_hash);

INSERT INTO person (name, display_name, email, publisher, email_verified, password_hash, date_created) VALUES
    ('publisher', 'Archive Publisher', 'publisher@mirrorwatch.example.org', true, true,
     'PBKDF2WithHmacSHA512:210000:AWie3BR96n9zAzZ4QuiyWXSiN6uJwWf731U3or5nlb8=:x751yN/rw3amV9OmfgwulenLhXSMJpb8YrMyBiTzZfX0Sev5p5XX90KwjTlBRhktNYO8+dyHgiwPayYWQeU2WA==', now())
ON CONFLICT (name) DO UPDATE SET publisher = true, email_verified = true,
    password_hash = COALESCE(person.password_hash, EXCLUDED.password_hash);

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

-- The archive mirrors live on the run command's demo farm (DemoFarm, 127.0.1.x:18080): in sync, an hour,
-- eight hours and three days behind, without arm64, and one broken. The CD image mirrors are not probed.
INSERT INTO distribution_mirror (distribution_id, owner_id, name, display_name, speed, country_id, content,
                                 pulse_type, http_base_url, https_base_url, ftp_base_url, rsync_base_url, enabled,
                                 official_candidate, review_status, date_created)
SELECT d.id, p.id, m.name, m.display_name, m.speed, c.id, m.content, m.pulse, m.http, m.https, m.ftp, m.rsync,
       m.enabled, true, m.review, now()
FROM distribution d,
     (VALUES
        ('de.mirror.example.org', 'Example Mirror Germany', 'S10G', 'DE', 'ARCHIVE', 'PUSH', 'alice',
         'http://127.0.1.1:18080/ubuntu/', NULL, NULL, 'rsync://de.mirror.example.org/ubuntu/', true, 'OFFICIAL'),
        ('fr.mirror.example.org', 'Example Mirror France', 'S1G', 'FR', 'ARCHIVE', 'PULL', 'alice',
         'http://127.0.1.2:18080/ubuntu/', NULL, NULL, NULL, true, 'OFFICIAL'),
        ('br.mirror.example.net', 'Espelho Exemplo Brasil', 'S1G', 'BR', 'ARCHIVE', 'PULL', 'bob',
         'http://127.0.1.3:18080/ubuntu/', NULL, NULL, NULL, true, 'OFFICIAL'),
        ('jp.mirror.example.net', 'Example Mirror Japan', 'S10G', 'JP', 'ARCHIVE', 'PUSH', 'bob',
         'http://127.0.1.4:18080/ubuntu/', NULL, 'ftp://jp.mirror.example.net/pub/ubuntu/',
         'rsync://jp.mirror.example.net/ubuntu/', true, 'OFFICIAL'),
        ('za.mirror.example.org', 'Example Mirror South Africa', 'S1G', 'ZA', 'ARCHIVE', 'PULL', 'alice',
         'http://127.0.1.5:18080/ubuntu/', NULL, NULL, NULL, true, 'OFFICIAL'),
        ('au.mirror.example.org', 'Example Mirror Australia', 'S10G', 'AU', 'ARCHIVE', 'PUSH', 'bob',
         'http://127.0.1.6:18080/ubuntu/', NULL, NULL, NULL, true, 'OFFICIAL'),
        ('us-east.mirror.example.com', 'Example Mirror US East', 'S100G', 'US', 'ARCHIVE', 'PUSH', 'alice',
         'http://127.0.1.7:18080/ubuntu/', NULL, NULL, NULL, true, 'OFFICIAL'),
        ('de2.mirror.example.net', 'Community Mirror Berlin', 'S100M', 'DE', 'ARCHIVE', 'PULL', 'bob',
         'http://127.0.1.8:18080/ubuntu/', NULL, NULL, NULL, true, 'UNOFFICIAL'),
        ('in.mirror.example.org', 'Example Mirror India', 'S1G', 'IN', 'ARCHIVE', 'PULL', 'alice',
         'http://127.0.1.9:18080/ubuntu/', NULL, NULL, NULL, false, 'PENDING_REVIEW'),
        ('se.cdimage.example.org', 'Example CD Images Sweden', 'S10G', 'SE', 'RELEASE', 'PULL', 'alice',
         'http://se.cdimage.example.org/releases/', 'https://se.cdimage.example.org/releases/', NULL, NULL, true,
         'OFFICIAL'),
        ('ca.cdimage.example.net', 'Example CD Images Canada', 'S1G', 'CA', 'RELEASE', 'PULL', 'bob',
         'http://ca.cdimage.example.net/releases/', NULL, NULL, NULL, true, 'OFFICIAL')
     ) m (name, display_name, speed, country, content, pulse, owner, http, https, ftp, rsync, enabled, review),
     person p, country c
WHERE d.name = 'ubuntu' AND p.name = m.owner AND c.iso_code = m.country
ON CONFLICT DO NOTHING;

-- The publication history, relative to when the data is loaded: in -updates and -security of both series,
-- for both architectures and both components, one upload in each freshness window; in the release pocket,
-- an upload from two weeks ago.
INSERT INTO binary_package_publication (distro_arch_release_id, pocket, component_id, binary_package_name, version,
                                        source_package_name, status, date_published)
SELECT a.id, k.pocket, c.id, 'demo-' || lower(k.pocket), u.n || '~' || r.name, 'demo-' || lower(k.pocket),
       'PUBLISHED', now() - u.age
FROM distro_arch_release a JOIN distro_release r ON r.id = a.distro_release_id, component c,
     (VALUES ('UPDATES'), ('SECURITY')) k (pocket),
     (VALUES (1, interval '10 minutes'), (2, interval '1 hour'), (3, interval '2 hours'), (4, interval '5 hours'),
             (5, interval '20 hours'), (6, interval '40 hours'), (7, interval '100 hours')) u (n, age)
WHERE c.name IN ('main', 'universe')
UNION ALL
SELECT a.id, 'RELEASE', c.id, 'demo-release', '1~' || r.name, 'demo-release', 'PUBLISHED', now() - interval '14 days'
FROM distro_arch_release a JOIN distro_release r ON r.id = a.distro_release_id, component c
WHERE c.name IN ('main', 'universe')
ON CONFLICT DO NOTHING;

INSERT INTO binary_package_file (publication_id, filename, file_type)
SELECT p.id, p.binary_package_name || '_' || p.version || '_' || a.architecture_tag || '.deb', 'DEB'
FROM binary_package_publication p JOIN distro_arch_release a ON a.id = p.distro_arch_release_id
WHERE p.binary_package_name LIKE 'demo-%'
ON CONFLICT DO NOTHING;

INSERT INTO source_package_publication (distro_release_id, pocket, component_id, source_package_name, version, status,
                                        date_published)
SELECT r.id, k.pocket, c.id, 'demo-' || lower(k.pocket), u.n || '~' || r.name, 'PUBLISHED', now() - u.age
FROM distro_release r, component c, (VALUES ('UPDATES'), ('SECURITY')) k (pocket),
     (VALUES (1, interval '10 minutes'), (2, interval '1 hour'), (3, interval '2 hours'), (4, interval '5 hours'),
             (5, interval '20 hours'), (6, interval '40 hours'), (7, interval '100 hours')) u (n, age)
WHERE c.name IN ('main', 'universe')
ON CONFLICT DO NOTHING;

INSERT INTO source_package_file (publication_id, filename, file_type)
SELECT p.id, p.source_package_name || '_' || p.version || '.dsc', 'DSC'
FROM source_package_publication p WHERE p.source_package_name LIKE 'demo-%'
ON CONFLICT DO NOTHING;

-- Some content with freshness, so the first page shows a mix before the first round replaces it.
INSERT INTO mirror_distro_release_source (distribution_mirror_id, distro_release_id, pocket, component_id, freshness)
SELECT m.id, r.id, 'RELEASE', c.id, f.freshness
FROM (VALUES ('de.mirror.example.org', 'UP'), ('fr.mirror.example.org', 'ONEHOURBEHIND'),
             ('br.mirror.example.net', 'UP'), ('jp.mirror.example.net', 'SIXHOURSBEHIND'),
             ('za.mirror.example.org', 'ONEDAYBEHIND'), ('au.mirror.example.org', 'UP'),
             ('us-east.mirror.example.com', 'UP'), ('de2.mirror.example.net', 'TWODAYSBEHIND')) f (mirror, freshness),
     distribution_mirror m, distro_release r, component c
WHERE m.name = f.mirror AND r.name = 'noble' AND c.name = 'main'
ON CONFLICT DO NOTHING;
