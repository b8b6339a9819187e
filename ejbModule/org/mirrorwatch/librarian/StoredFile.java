package org.mirrorwatch.librarian;

/** A stored file as it is served: read, content included, inside the transaction that found it. */
public record StoredFile(long id, String filename, String mimeType, byte[] content, String sha256) {

    public static StoredFile of(LibraryFile file) {
        return new StoredFile(file.getId(), file.getFilename(), file.getMimeType(), file.getContent(),
                file.getSha256());
    }
}
