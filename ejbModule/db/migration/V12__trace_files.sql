-- Trace files (issue 16): a second freshness signal beside the pool files, and the sign that a mirror is
-- syncing right now.

-- Per distribution: the trace file's format and path under a mirror's base URL, and the name of the marker
-- ftpsync leaves at the archive root while it runs, with {host} standing for the mirror's host name.
-- NONE means no trace is fetched; then there is no path. Without a marker name, no marker is looked for.
ALTER TABLE distribution
    ADD COLUMN trace_format  varchar(20)  NOT NULL DEFAULT 'NONE',
    ADD COLUMN trace_path    varchar(255),
    ADD COLUMN sync_marker   varchar(255),
    ADD CONSTRAINT distribution_trace_format CHECK (trace_format IN ('NONE', 'DEBIAN', 'ARCH_LASTSYNC')),
    ADD CONSTRAINT distribution_trace_path CHECK ((trace_format = 'NONE') = (trace_path IS NULL));

-- Per probe, and the newest on the mirror: what the trace said (state, the archive's time it names, its age
-- at the probe, why it was refused), whether it disagrees with the pool files' freshness by more than
-- mirrorwatch.probe.trace-gap (partial sync), and whether a sync marker was found (state and age).
-- All are null (partial_sync false) when the distribution has no trace or marker configured.
ALTER TABLE mirror_probe_record
    ADD COLUMN trace_state              varchar(20),
    ADD COLUMN trace_time               timestamptz,
    ADD COLUMN trace_age_seconds        bigint,
    ADD COLUMN trace_problem            varchar(300),
    ADD COLUMN trace_partial_sync       boolean NOT NULL DEFAULT false,
    ADD COLUMN sync_state               varchar(20),
    ADD COLUMN sync_marker_age_seconds  bigint;

ALTER TABLE distribution_mirror
    ADD COLUMN trace_state              varchar(20),
    ADD COLUMN trace_time               timestamptz,
    ADD COLUMN trace_age_seconds        bigint,
    ADD COLUMN trace_problem            varchar(300),
    ADD COLUMN trace_partial_sync       boolean NOT NULL DEFAULT false,
    ADD COLUMN sync_state               varchar(20),
    ADD COLUMN sync_marker_age_seconds  bigint;
