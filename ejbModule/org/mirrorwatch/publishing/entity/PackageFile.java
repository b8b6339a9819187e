package org.mirrorwatch.publishing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/** A file that a publication put in the pool. */
@Embeddable
public class PackageFile {

    @Column(nullable = false)
    private String filename;

    @Enumerated(EnumType.STRING)
    @Column(name = "file_type", nullable = false)
    private PackageFileType fileType;

    protected PackageFile() {
    }

    public PackageFile(String filename, PackageFileType fileType) {
        if (filename == null || filename.isBlank() || filename.contains("/")) {
            throw new IllegalArgumentException("A pool file needs a plain file name, not " + filename);
        }
        this.filename = filename;
        this.fileType = Objects.requireNonNull(fileType);
    }

    public String getFilename() {
        return filename;
    }

    public PackageFileType getFileType() {
        return fileType;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PackageFile file && filename.equals(file.filename) && fileType == file.fileType;
    }

    @Override
    public int hashCode() {
        return Objects.hash(filename, fileType);
    }

    @Override
    public String toString() {
        return filename;
    }
}
