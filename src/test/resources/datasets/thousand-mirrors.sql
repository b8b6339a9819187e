-- Loaded after access-world.sql for the mirror list tests (MirrorListApiIT): 1,000 more mirrors, named
-- m0001 to m1000, spread over three countries, both contents, four freshness states, and enabled or not.
INSERT INTO distribution_mirror (distribution_id, owner_id, name, speed, country_id, content, pulse_type,
                                 http_base_url, enabled, official_candidate, review_status, probed_freshness,
                                 date_created)
SELECT 1, CASE WHEN n % 2 = 0 THEN 2 ELSE 3 END, 'm' || lpad(n::text, 4, '0'), 'S1G',
       (SELECT id FROM country WHERE iso_code = (ARRAY['FR', 'DE', 'BR'])[1 + n % 3]),
       CASE WHEN n % 4 = 0 THEN 'RELEASE' ELSE 'ARCHIVE' END, 'PULL',
       'http://m' || n || '.example.org/ubuntu/', n % 10 <> 0, true,
       CASE WHEN n % 5 = 0 THEN 'PENDING_REVIEW' ELSE 'OFFICIAL' END,
       (ARRAY['UP', 'ONEHOURBEHIND', 'ONEDAYBEHIND', 'UNKNOWN'])[1 + n % 4],
       '2026-01-01 00:00:00+00'
FROM generate_series(1, 1000) AS n;
