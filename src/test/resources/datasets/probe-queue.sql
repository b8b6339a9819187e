-- Mirrors in every state that getMirrorsToProbe distinguishes, for RegistryFacadeIT.
-- Every person's password is TestLogin.PASSWORD ("test-password"), hashed with 1024 PBKDF2 iterations.
INSERT INTO person (name, display_name, email, mirror_admin, email_verified, password_hash, date_created) VALUES
    ('owner', 'Mirror Owner', 'owner@example.org', false, true, 'PBKDF2WithHmacSHA512:1024:muCPiAu/d8/sg6EkWHqK5b/dtBrSxxakK5pKnGug3Oc=:YDkOx5hrs/64anQTRDaoDJIgLk/HzZlFFkPe99XB/UOKr8PYMNijYQYDAm0dcfx7HI44FJ35LCjb1xXhKDtndQ==', '2020-01-01 00:00:00+00'),
    ('admin', 'Mirror Admin', 'admin@example.org', true, true, 'PBKDF2WithHmacSHA512:1024:muCPiAu/d8/sg6EkWHqK5b/dtBrSxxakK5pKnGug3Oc=:YDkOx5hrs/64anQTRDaoDJIgLk/HzZlFFkPe99XB/UOKr8PYMNijYQYDAm0dcfx7HI44FJ35LCjb1xXhKDtndQ==', '2020-01-01 00:00:00+00');
INSERT INTO distribution (name, display_name, main_archive_url, main_releases_url) VALUES
    ('ubuntu', 'Ubuntu', 'http://archive.ubuntu.com/ubuntu/', 'http://releases.ubuntu.com/');
INSERT INTO distribution_mirror (distribution_id, owner_id, name, speed, country_id, content, pulse_type,
                                 http_base_url, enabled, disabled_by, date_created)
VALUES
    (1, 1, 'a-enabled', 'S1G', 1, 'ARCHIVE', 'PULL', 'http://a.example.org/', true, NULL, '2020-01-01 00:00:00+00'),
    (1, 1, 'b-prober-disabled', 'S1G', 1, 'ARCHIVE', 'PULL', 'http://b.example.org/', false, 'PROBER', '2020-01-01 00:00:00+00'),
    (1, 1, 'c-admin-disabled', 'S1G', 1, 'ARCHIVE', 'PULL', 'http://c.example.org/', false, 'ADMIN', '2020-01-01 00:00:00+00'),
    (1, 1, 'd-never-enabled', 'S1G', 1, 'ARCHIVE', 'PULL', 'http://d.example.org/', false, NULL, '2020-01-01 00:00:00+00'),
    (1, 1, 'e-release', 'S1G', 1, 'RELEASE', 'PULL', 'http://e.example.org/', true, NULL, '2020-01-01 00:00:00+00'),
    (1, 1, 'f-enabled', 'S1G', 1, 'ARCHIVE', 'PULL', 'http://f.example.org/', true, NULL, '2020-01-01 00:00:00+00');
