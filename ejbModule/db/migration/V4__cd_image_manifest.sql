-- The CD-image manifest of a distribution: which image files each (series, flavour) has. An administrator
-- stores it, or names a URL it is fetched from at the start of each RELEASE round.
CREATE TABLE cd_image_manifest (
    distribution_id  bigint PRIMARY KEY REFERENCES distribution (id) ON DELETE CASCADE,
    source_url       varchar(500),
    content          text        NOT NULL DEFAULT '',
    date_updated     timestamptz NOT NULL
);
