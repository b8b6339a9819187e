package org.mirrorwatch.librarian;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/** A stored file. Its content never changes once stored, so its checksum and path stay valid. */
@Entity
@Table(name = "library_file")
public class LibraryFile {

    /** Where stored files are served, below the application's root. */
    public static final String DOWNLOAD_ROOT = "/api/v1/files/";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String filename;

    @Column(name = "mime_type", nullable = false)
    private String mimeType;

    @Column(name = "content_length", nullable = false)
    private long contentLength;

    @Column(nullable = false, length = 64)
    private String sha256;

    /* Not @Lob: Hibernate maps a @Lob byte[] to a PostgreSQL large object (an oid), not bytea. */
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    @Column(name = "date_created", nullable = false)
    private Instant dateCreated;

    protected LibraryFile() {
    }

    public LibraryFile(String filename, String mimeType, byte[] content, Instant dateCreated) {
        if (filename == null || filename.isBlank() || filename.contains("/")) {
            throw new IllegalArgumentException("A stored file needs a plain file name, not " + filename);
        }
        this.filename = filename;
        this.mimeType = Objects.requireNonNull(mimeType);
        this.content = content.clone();
        this.contentLength = content.length;
        this.sha256 = sha256(content);
        this.dateCreated = Objects.requireNonNull(dateCreated);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The path, below the application's root, that serves this file, e.g. {@code /api/v1/files/7/probe.log}. */
    public String getDownloadPath() {
        return DOWNLOAD_ROOT + id + "/" + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public Long getId() {
        return id;
    }

    public String getFilename() {
        return filename;
    }

    public String getMimeType() {
        return mimeType;
    }

    public long getContentLength() {
        return contentLength;
    }

    public String getSha256() {
        return sha256;
    }

    public byte[] getContent() {
        return content.clone();
    }

    public Instant getDateCreated() {
        return dateCreated;
    }
}
