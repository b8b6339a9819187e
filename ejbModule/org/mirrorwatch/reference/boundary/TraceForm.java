package org.mirrorwatch.reference.boundary;

import java.util.regex.Pattern;
import org.mirrorwatch.platform.FieldErrors;
import org.mirrorwatch.reference.entity.TraceFormat;

/**
 * Where a distribution's mirrors keep their trace file, in which format, and the name of the marker a sync
 * leaves at the archive root while it runs ({@code {host}} stands for the mirror's host name, as ftpsync
 * names its {@code Archive-Update-in-Progress-<host>} after the mirror). {@link #validate} reports every
 * broken rule at once.
 *
 * @param format     DEBIAN, ARCH_LASTSYNC or NONE
 * @param path       the trace file under a mirror's base URL, e.g. project/trace/ftp-master.debian.org; none
 *                   for NONE
 * @param syncMarker a file name at the archive root, e.g. Archive-Update-in-Progress-{host}; null for none
 */
public record TraceForm(TraceFormat format, String path, String syncMarker) {

    /** Path segments of letters, digits and . _ + ~ -, no segment "." or "..". */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._+~-]{1,100}");
    private static final Pattern MARKER = Pattern.compile("[A-Za-z0-9._+~-]*(\\{host\\})?[A-Za-z0-9._+~-]*");
    static final int MAX_LENGTH = 255;

    /** The checked form: empty values as null. */
    TraceForm validate() {
        FieldErrors errors = new FieldErrors();
        String validPath = path == null || path.isBlank() ? null : path;
        String validMarker = syncMarker == null || syncMarker.isBlank() ? null : syncMarker;
        if (format == null) {
            errors.add("format", "Choose the trace format: DEBIAN, ARCH_LASTSYNC or NONE.");
        } else if (format == TraceFormat.NONE && validPath != null) {
            errors.add("path", "A distribution without a trace file has no trace path; leave it empty.");
        } else if (format != TraceFormat.NONE && !isRelativePath(validPath)) {
            errors.add("path", "Enter the trace file's path under a mirror's base URL, in at most " + MAX_LENGTH
                    + " characters of letters, digits, \".\", \"_\", \"+\", \"~\", \"-\" and \"/\" between names,"
                    + " e.g. project/trace/ftp-master.debian.org or lastsync.");
        }
        if (validMarker != null && (validMarker.length() > MAX_LENGTH || !MARKER.matcher(validMarker).matches()
                || validMarker.equals("{host}") || validMarker.equals(".") || validMarker.equals(".."))) {
            errors.add("syncMarker", "Enter the name of the file a sync leaves at the archive root, with {host} at"
                    + " most once for the mirror's host name, e.g. Archive-Update-in-Progress-{host}, or leave it"
                    + " empty.");
        }
        errors.throwIfAny();
        return new TraceForm(format, validPath, validMarker);
    }

    private static boolean isRelativePath(String path) {
        if (path == null || path.length() > MAX_LENGTH) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
