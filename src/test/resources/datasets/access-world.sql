-- A world for the access rules (AccessRulesIT in the container, AccessHttpIT over HTTP): a mirror
-- administrator, two owners with mirrors in several review states, and one account whose address was
-- never confirmed. Every password is TestLogin.PASSWORD ("test-password"), hashed with 1024 iterations.
INSERT INTO person (name, display_name, email, mirror_admin, email_verified, password_hash, date_created) VALUES
    ('admin', 'Mirror Admin', 'admin@example.org', true, true, 'PBKDF2WithHmacSHA512:1024:muCPiAu/d8/sg6EkWHqK5b/dtBrSxxakK5pKnGug3Oc=:YDkOx5hrs/64anQTRDaoDJIgLk/HzZlFFkPe99XB/UOKr8PYMNijYQYDAm0dcfx7HI44FJ35LCjb1xXhKDtndQ==', '2026-01-01 00:00:00+00'),
    ('alice', 'Alice Owner', 'alice@example.org', false, true, 'PBKDF2WithHmacSHA512:1024:muCPiAu/d8/sg6EkWHqK5b/dtBrSxxakK5pKnGug3Oc=:YDkOx5hrs/64anQTRDaoDJIgLk/HzZlFFkPe99XB/UOKr8PYMNijYQYDAm0dcfx7HI44FJ35LCjb1xXhKDtndQ==', '2026-01-01 00:00:00+00'),
    ('bob', 'Bob Owner', 'bob@example.org', false, true, 'PBKDF2WithHmacSHA512:1024:muCPiAu/d8/sg6EkWHqK5b/dtBrSxxakK5pKnGug3Oc=:YDkOx5hrs/64anQTRDaoDJIgLk/HzZlFFkPe99XB/UOKr8PYMNijYQYDAm0dcfx7HI44FJ35LCjb1xXhKDtndQ==', '2026-01-01 00:00:00+00'),
    ('carol', 'Carol Unconfirmed', 'carol@example.org', false, false, 'PBKDF2WithHmacSHA512:1024:muCPiAu/d8/sg6EkWHqK5b/dtBrSxxakK5pKnGug3Oc=:YDkOx5hrs/64anQTRDaoDJIgLk/HzZlFFkPe99XB/UOKr8PYMNijYQYDAm0dcfx7HI44FJ35LCjb1xXhKDtndQ==', '2026-01-01 00:00:00+00');

INSERT INTO distribution (name, display_name, main_archive_url, main_releases_url) VALUES
    ('ubuntu', 'Ubuntu', 'http://archive.ubuntu.com/ubuntu/', 'http://releases.ubuntu.com/');
INSERT INTO component (name) VALUES ('main');
INSERT INTO distro_release (distribution_id, name, version, status) VALUES (1, 'noble', '24.04', 'CURRENT');
INSERT INTO distro_release_component (distro_release_id, component_id, position) VALUES (1, 1, 0);
INSERT INTO distro_arch_release (distro_release_id, architecture_tag, official) VALUES (1, 'amd64', true);

INSERT INTO distribution_mirror (distribution_id, owner_id, name, speed, country_id, content, pulse_type,
                                 http_base_url, ftp_base_url, enabled, official_candidate, review_status, date_created)
VALUES
    (1, 2, 'alice-mirror', 'S1G', (SELECT id FROM country WHERE iso_code = 'FR'), 'ARCHIVE', 'PULL',
     'http://alice.example.org/ubuntu/', NULL, true, true, 'OFFICIAL', '2026-01-01 00:00:00+00'),
    (1, 2, 'alice-pending', 'S100M', (SELECT id FROM country WHERE iso_code = 'FR'), 'RELEASE', 'PULL',
     'http://127.0.0.2/releases/', NULL, true, true, 'PENDING_REVIEW', '2026-01-02 00:00:00+00'),
    (1, 3, 'bob-mirror', 'S1G', (SELECT id FROM country WHERE iso_code = 'FR'), 'ARCHIVE', 'PULL',
     'http://bob.example.org/ubuntu/', NULL, true, true, 'OFFICIAL', '2026-01-03 00:00:00+00'),
    (1, 3, 'bob-broken', 'S10M', (SELECT id FROM country WHERE iso_code = 'DE'), 'ARCHIVE', 'PULL',
     NULL, 'ftp://bob.example.org/broken/', false, true, 'BROKEN', '2026-01-04 00:00:00+00'),
    (1, 3, 'bob-unofficial', 'S10M', (SELECT id FROM country WHERE iso_code = 'DE'), 'ARCHIVE', 'PULL',
     'http://unofficial.example.org/ubuntu/', NULL, true, false, 'UNOFFICIAL', '2026-01-05 00:00:00+00');

-- One CD image, so a RELEASE round has something to check on alice-pending. That mirror's address is a
-- loopback outside the allowed block: its probe is refused at once, with no network involved.
INSERT INTO cd_image_manifest (distribution_id, content, date_updated) VALUES
    (1, E'ubuntu\tnoble\tnoble/ubuntu-24.04-desktop-amd64.iso\t6114656256\n', '2026-01-01 00:00:00+00');
