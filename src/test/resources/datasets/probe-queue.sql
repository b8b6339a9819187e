-- Mirrors in every state that getMirrorsToProbe distinguishes, for RegistryFacadeIT.
INSERT INTO person (name, display_name, email, date_created) VALUES
    ('owner', 'Mirror Owner', 'owner@example.org', '2020-01-01 00:00:00+00');
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
