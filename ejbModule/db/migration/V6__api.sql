-- The REST API's needs: the publisher role, each mirror's freshness as of its last probe (kept by the
-- prober, so lists can filter and page on it without reading every content record), and the time of the
-- owner's last re-probe request, for its rate limit.

ALTER TABLE person ADD COLUMN publisher boolean NOT NULL DEFAULT false;

ALTER TABLE distribution_mirror
    ADD COLUMN probed_freshness      varchar(20) NOT NULL DEFAULT 'UNKNOWN',
    ADD COLUMN last_probed           timestamptz,
    ADD COLUMN reprobe_requested_at  timestamptz;

UPDATE distribution_mirror m SET last_probed = p.last
FROM (SELECT distribution_mirror_id, max(date_created) AS last FROM mirror_probe_record
      GROUP BY distribution_mirror_id) p
WHERE p.distribution_mirror_id = m.id;

UPDATE distribution_mirror m SET probed_freshness = s.overall
FROM (SELECT DISTINCT ON (distribution_mirror_id) distribution_mirror_id, overall FROM mirror_freshness_snapshot
      ORDER BY distribution_mirror_id, date_created DESC, id DESC) s
WHERE s.distribution_mirror_id = m.id;

-- The mirror list pages by name, filtered; these serve its common filters.
CREATE INDEX distribution_mirror_list_idx ON distribution_mirror (distribution_id, content, name);
CREATE INDEX distribution_mirror_freshness_idx ON distribution_mirror (probed_freshness);
