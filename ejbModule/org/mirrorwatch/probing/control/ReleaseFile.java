package org.mirrorwatch.probing.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A suite's {@code InRelease} (clearsigned) or {@code Release} file, as far as the suite-consistency
 * check needs it: the sizes its {@code SHA256} field promises for the suite's files, by their path below
 * {@code dists/<suite>/}. Parsed strictly and bounded, as any input from a mirror: UTF-8, at most
 * {@value #MAX_BYTES} bytes, {@value #MAX_LINES} lines of {@value #MAX_LINE_LENGTH} characters; deb822
 * rules (one paragraph; a field name of printable characters without a colon; continuation lines start
 * with a space or a tab; no field twice). The OpenPGP signature is not verified: the armour is checked for
 * its shape and taken off, nothing more.
 *
 * @param sizes  the size of each file the SHA256 field lists, by its path, e.g. {@code main/binary-amd64/Packages.gz}
 * @param date   the Date field, as written, when there is one (for the log)
 * @param signed whether it came clearsigned (InRelease)
 */
public record ReleaseFile(Map<String, Long> sizes, Optional<String> date, boolean signed) {

    /** Ubuntu's largest InRelease files are about 250 KiB; four times that leaves room and bounds memory. */
    public static final int MAX_BYTES = 1 << 20;
    static final int MAX_LINES = 30_000;
    static final int MAX_LINE_LENGTH = 1024;

    private static final String BEGIN_SIGNED = "-----BEGIN PGP SIGNED MESSAGE-----";
    private static final String BEGIN_SIGNATURE = "-----BEGIN PGP SIGNATURE-----";
    private static final String END_SIGNATURE = "-----END PGP SIGNATURE-----";
    private static final Pattern FIELD_NAME = Pattern.compile("[!-9;-~]+");
    private static final Pattern ARMOR_HEADER = Pattern.compile("[A-Za-z][A-Za-z0-9-]*: [ -~]+");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern SIZE = Pattern.compile("[0-9]{1,18}");
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9._~+@=,-]+(/[A-Za-z0-9._~+@=,-]+)*");

    public ReleaseFile {
        sizes = Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
    }

    /** The size promised for the file at this path below the suite, if the SHA256 field lists it. */
    public Optional<Long> sizeOf(String path) {
        return Optional.ofNullable(sizes.get(path));
    }

    /**
     * Parses an InRelease or a Release file.
     *
     * @throws IllegalArgumentException naming the first thing wrong, with its line number
     */
    public static ReleaseFile parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("larger than " + MAX_BYTES + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8");
        }
        List<String> lines = lines(text);
        boolean signed = !lines.isEmpty() && lines.get(0).equals(BEGIN_SIGNED);
        List<String> body = signed ? unarmored(lines) : lines;
        int firstLine = signed ? lines.indexOf("") + 2 : 1;
        Map<String, String> fields = fields(body, firstLine);
        String sha256 = fields.get("sha256");
        if (sha256 == null) {
            throw new IllegalArgumentException("no SHA256 field");
        }
        return new ReleaseFile(sizes(sha256), Optional.ofNullable(fields.get("date")).map(String::strip), signed);
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            String line = text.substring(start, end < 0 ? text.length() : end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (lines.size() == MAX_LINES) {
                throw new IllegalArgumentException("more than " + MAX_LINES + " lines");
            }
            if (line.length() > MAX_LINE_LENGTH) {
                throw new IllegalArgumentException("line " + (lines.size() + 1) + " is longer than "
                        + MAX_LINE_LENGTH + " characters");
            }
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c < ' ' && c != '\t' || c == 0x7f) {
                    throw new IllegalArgumentException("line " + (lines.size() + 1) + " holds a control character");
                }
            }
            lines.add(line);
            start = end < 0 ? text.length() : end + 1;
        }
        return lines;
    }

    /**
     * The signed text of a clearsigned message: after the armour headers ({@code Hash: SHA512}) and a
     * blank line, up to the signature, whose block must be there and closed; dash-escaped lines unescaped.
     */
    private static List<String> unarmored(List<String> lines) {
        int i = 1;
        while (i < lines.size() && !lines.get(i).isEmpty()) {
            if (!ARMOR_HEADER.matcher(lines.get(i)).matches()) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not an armour header such as \"Hash: SHA512\"");
            }
            i++;
        }
        if (i == lines.size()) {
            throw new IllegalArgumentException("no blank line after the armour headers");
        }
        int signature = lines.indexOf(BEGIN_SIGNATURE);
        if (signature < 0) {
            throw new IllegalArgumentException("no " + BEGIN_SIGNATURE + " line");
        }
        if (lines.subList(signature, lines.size()).stream().noneMatch(END_SIGNATURE::equals)) {
            throw new IllegalArgumentException("no " + END_SIGNATURE + " line");
        }
        List<String> body = new ArrayList<>();
        for (int n = i + 1; n < signature; n++) {
            String line = lines.get(n);
            if (line.startsWith("- ")) {
                body.add(line.substring(2));
            } else if (line.startsWith("-")) {
                throw new IllegalArgumentException("line " + (n + 1) + " starts with a dash that is not escaped");
            } else {
                body.add(line);
            }
        }
        return body;
    }

    /** One deb822 paragraph: field names lower-cased, continuation lines joined with newlines. */
    private static Map<String, String> fields(List<String> body, int firstLine) {
        Map<String, String> fields = new HashMap<>();
        String current = null;
        boolean ended = false;
        for (int n = 0; n < body.size(); n++) {
            String line = body.get(n);
            int number = firstLine + n;
            if (line.isBlank()) {
                ended = current != null;
                continue;
            }
            if (ended) {
                throw new IllegalArgumentException("line " + number + " begins a second paragraph");
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (current == null) {
                    throw new IllegalArgumentException("line " + number + " continues no field");
                }
                fields.merge(current, "\n" + line.strip(), String::concat);
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon);
            if (!FIELD_NAME.matcher(name).matches() || name.charAt(0) == '#' || name.charAt(0) == '-') {
                throw new IllegalArgumentException("line " + number + " is neither a field (Name: value) nor its"
                        + " continuation");
            }
            current = name.toLowerCase(java.util.Locale.ROOT);
            if (fields.putIfAbsent(current, line.substring(colon + 1).strip()) != null) {
                throw new IllegalArgumentException("line " + number + " repeats the field " + name);
            }
        }
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("no fields");
        }
        return fields;
    }

    /** The SHA256 field: one {@code <hex64> <size> <path>} per continuation line. */
    private static Map<String, Long> sizes(String field) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String entry : field.split("\n")) {
            if (entry.isEmpty()) {
                continue;
            }
            String[] parts = entry.split("[ \t]+");
            if (parts.length != 3 || !HEX64.matcher(parts[0]).matches() || !SIZE.matcher(parts[1]).matches()
                    || !PATH.matcher(parts[2]).matches() || List.of(parts[2].split("/")).contains("..")
                    || List.of(parts[2].split("/")).contains(".")) {
                throw new IllegalArgumentException("a SHA256 line is not \"<64 hex digits> <size> <path>\": "
                        + abbreviated(entry));
            }
            if (sizes.put(parts[2], Long.parseLong(parts[1])) != null) {
                throw new IllegalArgumentException("the SHA256 field lists " + parts[2] + " twice");
            }
        }
        return sizes;
    }

    private static String abbreviated(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
