package org.mirrorwatch.publishing.entity;

/**
 * Where the archive keeps a package's files: {@code pool/<component>/<prefix>/<source>/<file>}. The
 * prefix is the first letter of the source name, or "lib" and the next letter for lib* sources, so that
 * the hundreds of libraries do not crowd one directory.
 */
public final class PoolPath {

    private PoolPath() {
    }

    public static String of(String componentName, String sourcePackageName, String filename) {
        return "pool/" + componentName + "/" + prefix(sourcePackageName) + "/" + sourcePackageName + "/" + filename;
    }

    /** "a" for alsa-utils, "libc" for libcairo, "lib" for a source named just "lib". */
    public static String prefix(String sourcePackageName) {
        if (sourcePackageName == null || sourcePackageName.isEmpty()) {
            throw new IllegalArgumentException("A source package needs a name");
        }
        if (sourcePackageName.startsWith("lib")) {
            return sourcePackageName.substring(0, Math.min(4, sourcePackageName.length()));
        }
        return sourcePackageName.substring(0, 1);
    }
}
