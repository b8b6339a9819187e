-- The seed's world (shared/seed/000_f5a690c4450d85bd.txt), loaded the same way by every test that uses it.
-- Rows are inserted in the seed's order after a reset, so ids match the seed's get(1), mirrorset[1], ...
-- The publication dates are the only ones that reproduce the seed's printed {status: url} maps.

-- Every person's password is TestLogin.PASSWORD ("test-password"), hashed with 1024 PBKDF2 iterations.
INSERT INTO person (name, display_name, email, mirror_admin, email_verified, password_hash, date_created) VALUES
    ('name16', 'Foo Bar', 'foo.bar@canonical.com', true, true, 'PBKDF2WithHmacSHA512:1024:muCPiAu/d8/sg6EkWHqK5b/dtBrSxxakK5pKnGug3Oc=:YDkOx5hrs/64anQTRDaoDJIgLk/HzZlFFkPe99XB/UOKr8PYMNijYQYDAm0dcfx7HI44FJ35LCjb1xXhKDtndQ==', '2005-06-01 00:00:00+00');

-- No mirror admin contact address, so the seed's mail test sees exactly one mail.
INSERT INTO distribution (name, display_name, main_archive_url, main_releases_url, mirror_admin_address) VALUES
    ('ubuntu', 'Ubuntu', 'http://archive.ubuntu.com/ubuntu/', 'http://releases.ubuntu.com/', NULL);

INSERT INTO component (name) VALUES ('main'), ('restricted');

INSERT INTO distro_release (distribution_id, name, version, status) VALUES
    (1, 'warty', '4.10', 'CURRENT'),
    (1, 'hoary', '5.04', 'DEVELOPMENT');

INSERT INTO distro_release_component (distro_release_id, component_id, position) VALUES
    (1, 1, 0), (1, 2, 1),
    (2, 1, 0), (2, 2, 1);

INSERT INTO distro_arch_release (distro_release_id, architecture_tag, official) VALUES
    (1, 'i386', true),
    (2, 'i386', true);

-- The four mirrors. The two that are not due for an ARCHIVE probe carry CD images.
INSERT INTO distribution_mirror (distribution_id, owner_id, name, speed, country_id, content, pulse_type,
                                 http_base_url, enabled, official_candidate, review_status, date_created)
VALUES
    (1, 1, 'valid-mirror', 'S2M', (SELECT id FROM country WHERE iso_code = 'AF'), 'ARCHIVE', 'PUSH',
     '${mirrorBase}valid-mirror/', true, true, 'OFFICIAL', '2005-06-01 00:00:00+00'),
    (1, 1, 'invalid-mirror', 'S2M', (SELECT id FROM country WHERE iso_code = 'IO'), 'RELEASE', 'PUSH',
     '${mirrorBase}invalid-mirror/', true, true, 'PENDING_REVIEW', '2005-06-01 00:00:00+00'),
    (1, 1, 'unreachable-mirror', 'S2M', (SELECT id FROM country WHERE iso_code = 'IO'), 'RELEASE', 'PUSH',
     '${mirrorBase}unreachable-mirror/', true, true, 'PENDING_REVIEW', '2005-06-01 00:00:00+00'),
    (1, 1, 'archive-404-mirror', 'S2M', (SELECT id FROM country WHERE iso_code = 'IO'), 'ARCHIVE', 'PUSH',
     '${mirrorBase}archive-404-mirror/', true, true, 'PENDING_REVIEW', '2005-06-01 00:00:00+00');

-- warty i386 main RELEASE binaries: mozilla-firefox 0.9 on 2005-06-18, then on 2005-06-20 between 00:00 and
-- 00:01 a .udeb (first by id) and pmount. The SUPERSEDED 0.8 must never count.
INSERT INTO binary_package_publication (distro_arch_release_id, pocket, component_id, binary_package_name, version,
                                        source_package_name, status, date_published)
VALUES
    (1, 'RELEASE', 1, 'mozilla-firefox', '0.8', 'mozilla-firefox', 'SUPERSEDED', '2005-06-19 12:00:00+00'),
    (1, 'RELEASE', 1, 'mozilla-firefox', '0.9', 'mozilla-firefox', 'PUBLISHED', '2005-06-18 08:00:00+00'),
    (1, 'RELEASE', 1, 'cdrkit-udeb', '0.1-1', 'cdrkit', 'PUBLISHED', '2005-06-20 00:00:20+00'),
    (1, 'RELEASE', 1, 'pmount', '2:1.9-1', 'pmount', 'PUBLISHED', '2005-06-20 00:00:40+00');

INSERT INTO binary_package_file (publication_id, filename, file_type) VALUES
    (1, 'mozilla-firefox_0.8_i386.deb', 'DEB'),
    (2, 'mozilla-firefox_0.9_i386.deb', 'DEB'),
    (3, 'cdrkit-udeb_0.1-1_i386.udeb', 'UDEB'),
    (4, 'pmount_1.9-1_all.deb', 'DEB');

-- warty main RELEASE sources: alsa-utils 1.0.8-1ubuntu1 on 2005-09-15 before 23:30, and 1.0.9a-4 between
-- 2005-09-15 23:30 and 2005-09-16 17:30.
INSERT INTO source_package_publication (distro_release_id, pocket, component_id, source_package_name, version,
                                        status, date_published)
VALUES
    (1, 'RELEASE', 1, 'alsa-utils', '1.0.8-1ubuntu1', 'PUBLISHED', '2005-09-15 10:00:00+00'),
    (1, 'RELEASE', 1, 'alsa-utils', '1.0.9a-4', 'PUBLISHED', '2005-09-16 12:00:00+00');

INSERT INTO source_package_file (publication_id, filename, file_type) VALUES
    (1, 'alsa-utils_1.0.8-1ubuntu1.dsc', 'DSC'),
    (2, 'alsa-utils_1.0.9a-4.dsc', 'DSC');
