-- Suite consistency (issue 16): the suites whose index files a mirror serves with other sizes than the
-- suite's InRelease (or Release) promises, so that apt fails there with "File has unexpected size" or
-- "Hash Sum mismatch". A row lives as long as the inconsistency: the probe that finds it inserts it,
-- each further probe that still finds it counts one more, and the first probe that does not find it
-- (consistent again, or not checked) deletes it. That row is the episode: its notice is mailed once, when
-- the second probe in a row finds it, and a new episode after a consistent probe is mailed again.
CREATE TABLE suite_inconsistency (
    distribution_mirror_id  bigint        NOT NULL REFERENCES distribution_mirror (id) ON DELETE CASCADE,
    suite                   varchar(100)  NOT NULL,
    first_seen              timestamptz   NOT NULL,
    last_seen               timestamptz   NOT NULL,
    probes                  integer       NOT NULL CHECK (probes >= 1),
    detail                  varchar(1000) NOT NULL,
    date_notified           timestamptz,
    PRIMARY KEY (distribution_mirror_id, suite)
);
