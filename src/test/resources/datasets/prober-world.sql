-- A world for ProberIT, seen from T0 = 2026-01-10 12:00 UTC. Mirrors are registered by each test, at
-- the fake farm's addresses. Keys with publications:
--   noble amd64 main UPDATES (binaries) and noble main UPDATES (sources): one upload in each freshness
--     window, at T0 - 5 min, 1 h, 2 h, 5 h, 20 h, 40 h and 100 h;
--   noble arm64 universe RELEASE (binaries): one old upload, at T0 - 300 h, outside every window.
-- Every person's password is TestLogin.PASSWORD ("test-password"), hashed with 1024 PBKDF2 iterations.
INSERT INTO person (name, display_name, email, mirror_admin, email_verified, password_hash, date_created) VALUES
    ('owner', 'Mirror Owner', 'owner@example.org', false, true, 'PBKDF2WithHmacSHA512:1024:muCPiAu/d8/sg6EkWHqK5b/dtBrSxxakK5pKnGug3Oc=:YDkOx5hrs/64anQTRDaoDJIgLk/HzZlFFkPe99XB/UOKr8PYMNijYQYDAm0dcfx7HI44FJ35LCjb1xXhKDtndQ==', '2025-01-01 00:00:00+00'),
    ('admin', 'Mirror Admin', 'admin@example.org', true, true, 'PBKDF2WithHmacSHA512:1024:muCPiAu/d8/sg6EkWHqK5b/dtBrSxxakK5pKnGug3Oc=:YDkOx5hrs/64anQTRDaoDJIgLk/HzZlFFkPe99XB/UOKr8PYMNijYQYDAm0dcfx7HI44FJ35LCjb1xXhKDtndQ==', '2025-01-01 00:00:00+00');
INSERT INTO distribution (name, display_name, main_archive_url, main_releases_url) VALUES
    ('ubuntu', 'Ubuntu', 'http://archive.ubuntu.com/ubuntu/', 'http://releases.ubuntu.com/');
INSERT INTO component (name) VALUES ('main'), ('universe');
INSERT INTO distro_release (distribution_id, name, version, status) VALUES (1, 'noble', '24.04', 'CURRENT');
INSERT INTO distro_release_component (distro_release_id, component_id, position) VALUES (1, 1, 0), (1, 2, 1);
INSERT INTO distro_arch_release (distro_release_id, architecture_tag, official) VALUES (1, 'amd64', true), (1, 'arm64', true);

INSERT INTO binary_package_publication (distro_arch_release_id, pocket, component_id, binary_package_name, version,
                                        source_package_name, status, date_published)
SELECT 1, 'UPDATES', 1, 'hello', '2.10-' || n, 'hello', 'PUBLISHED', timestamptz '2026-01-10 12:00:00+00' - age
FROM (VALUES (1, interval '5 minutes'), (2, interval '1 hour'), (3, interval '2 hours'), (4, interval '5 hours'),
             (5, interval '20 hours'), (6, interval '40 hours'), (7, interval '100 hours')) AS uploads (n, age);
INSERT INTO binary_package_file (publication_id, filename, file_type)
SELECT id, 'hello_' || version || '_amd64.deb', 'DEB' FROM binary_package_publication WHERE binary_package_name = 'hello';

INSERT INTO binary_package_publication (distro_arch_release_id, pocket, component_id, binary_package_name, version,
                                        source_package_name, status, date_published)
VALUES (2, 'RELEASE', 2, 'cowsay', '3.03', 'cowsay', 'PUBLISHED', timestamptz '2026-01-10 12:00:00+00' - interval '300 hours');
INSERT INTO binary_package_file (publication_id, filename, file_type)
SELECT id, 'cowsay_3.03_all.deb', 'DEB' FROM binary_package_publication WHERE binary_package_name = 'cowsay';

INSERT INTO source_package_publication (distro_release_id, pocket, component_id, source_package_name, version, status,
                                        date_published)
SELECT 1, 'UPDATES', 1, 'hello', '2.10-' || n, 'PUBLISHED', timestamptz '2026-01-10 12:00:00+00' - age
FROM (VALUES (1, interval '5 minutes'), (2, interval '1 hour'), (3, interval '2 hours'), (4, interval '5 hours'),
             (5, interval '20 hours'), (6, interval '40 hours'), (7, interval '100 hours')) AS uploads (n, age);
INSERT INTO source_package_file (publication_id, filename, file_type)
SELECT id, 'hello_' || version || '.dsc', 'DSC' FROM source_package_publication WHERE source_package_name = 'hello';
