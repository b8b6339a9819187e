-- TLS (issue 15): what each probe found of a mirror's HTTPS certificate, the newest finding on the mirror
-- itself (for the client lists, the redirector, the pages and the metrics), and the notices already mailed.

-- The state is one of TlsState's names; the others describe the certificate the server sent (not after:
-- the earliest expiry in the chain it sent; fingerprint: the SHA-256 of its leaf, in hex). All are null
-- when the mirror has no HTTPS URL, and all but the state when no handshake completed.
ALTER TABLE mirror_probe_record
    ADD COLUMN tls_state       varchar(20),
    ADD COLUMN tls_not_after   timestamptz,
    ADD COLUMN tls_issuer      varchar(255),
    ADD COLUMN tls_protocol    varchar(20),
    ADD COLUMN tls_fingerprint char(64);

ALTER TABLE distribution_mirror
    ADD COLUMN tls_state       varchar(20),
    ADD COLUMN tls_not_after   timestamptz,
    ADD COLUMN tls_issuer      varchar(255),
    ADD COLUMN tls_protocol    varchar(20),
    ADD COLUMN tls_fingerprint char(64);

-- One row per notice mailed about a certificate of a mirror: the key makes "never twice for the same
-- threshold and certificate" hold even when two rounds record the same mirror at once.
CREATE TABLE tls_notice (
    distribution_mirror_id  bigint      NOT NULL REFERENCES distribution_mirror (id) ON DELETE CASCADE,
    fingerprint             char(64)    NOT NULL,
    notice                  varchar(30) NOT NULL,
    date_sent               timestamptz NOT NULL,
    PRIMARY KEY (distribution_mirror_id, fingerprint, notice)
);
