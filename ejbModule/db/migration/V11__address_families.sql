-- Address families (issue 15): what each probe found of a mirror on IPv4 and on IPv6 (a sample of the files
-- it found, asked for again pinned to one address of each family), the newest finding on the mirror itself
-- (for the client lists, the redirector, the pages and the metrics), and the degradations already told.

-- The states are FamilyState's names: REACHABLE, UNREACHABLE, NOT_PUBLISHED; null when not checked. The
-- failure is the first failed sample request's reason, only for UNREACHABLE.
ALTER TABLE mirror_probe_record
    ADD COLUMN ipv4_state   varchar(20),
    ADD COLUMN ipv4_failure varchar(255),
    ADD COLUMN ipv6_state   varchar(20),
    ADD COLUMN ipv6_failure varchar(255);

ALTER TABLE distribution_mirror
    ADD COLUMN ipv4_state   varchar(20),
    ADD COLUMN ipv4_failure varchar(255),
    ADD COLUMN ipv6_state   varchar(20),
    ADD COLUMN ipv6_failure varchar(255);

-- One row per degradation told: a mirror unreachable on a family it publishes. The row is written with the
-- notice (ON CONFLICT DO NOTHING, so two rounds cannot both mail) and deleted when the family works again,
-- which ends the episode; the next degradation is told again.
CREATE TABLE family_notice (
    distribution_mirror_id  bigint      NOT NULL REFERENCES distribution_mirror (id) ON DELETE CASCADE,
    family                  varchar(10) NOT NULL,
    date_sent               timestamptz NOT NULL,
    PRIMARY KEY (distribution_mirror_id, family)
);
