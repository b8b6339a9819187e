package org.mirrorwatch.probing.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mirrorwatch.reference.entity.TraceFormat;

/**
 * Reads a trace file strictly, as a pure function: the time it names, or why it is refused.
 *
 * <p>Debian's ftpsync trace: UTF-8 text whose first line is {@code date -u}'s output in the POSIX locale,
 * {@code Sat Nov 28 21:08:46 UTC 2026} (the day of the month space-padded, the weekday agreeing with the
 * date), and whose other lines are empty or {@code Key: value} ({@code Date: …}, {@code Archive serial: …},
 * {@code Creator: ftpsync 20180513}, …). Arch's {@code lastsync}: one line of a Unix time in seconds. Line
 * ends are LF; control characters, other text and times more than {@link #FUTURE_SKEW} ahead of the probe are
 * refused, and so is a time before 1993, the year Debian began.
 */
public final class TraceParser {

    /** How far a mirror's clock may run ahead of ours before its trace counts as malformed. */
    public static final Duration FUTURE_SKEW = Duration.ofHours(1);
    private static final int EARLIEST_YEAR = 1993;

    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
            "Oct", "Nov", "Dec");
    private static final Pattern DEBIAN_DATE = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ( [1-9]|[0-3][0-9])"
                    + " ([0-2][0-9]):([0-5][0-9]):([0-5][0-9]) (UTC|GMT) ([0-9]{4})");
    private static final Pattern KEY_VALUE = Pattern.compile("[A-Za-z][A-Za-z0-9 _.-]{0,63}:( [^\\p{Cntrl}]*)?");
    private static final Pattern EPOCH = Pattern.compile("[1-9][0-9]{0,11}");

    private TraceParser() {
    }

    /** What a trace says: the time of the last sync, or why it cannot be read. */
    public sealed interface Reading {
    }

    /** @param time when the mirror last synced, by its trace */
    public record Synced(Instant time) implements Reading {
    }

    /** @param problem why the trace is refused, in plain words */
    public record Refused(String problem) implements Reading {
    }

    public static Reading parse(TraceFormat format, byte[] body, Instant now) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return new Refused("it is not UTF-8 text");
        }
        if (text.isEmpty()) {
            return new Refused("it is empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\n' && (Character.isISOControl(c) || c == '\uFEFF')) {
                return new Refused("it holds the control character U+" + String.format("%04X", (int) c));
            }
        }
        String content = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        List<String> lines = List.of(content.split("\n", -1));
        Reading reading = switch (format) {
            case DEBIAN -> debian(lines);
            case ARCH_LASTSYNC -> lastsync(lines);
            case NONE -> throw new IllegalArgumentException("A distribution without a trace has nothing to parse");
        };
        if (reading instanceof Synced synced) {
            if (synced.time().isAfter(now.plus(FUTURE_SKEW))) {
                return new Refused("it names " + synced.time() + ", more than " + FUTURE_SKEW.toMinutes()
                        + " minutes after the probe");
            }
            if (synced.time().atOffset(ZoneOffset.UTC).getYear() < EARLIEST_YEAR) {
                return new Refused("it names " + synced.time() + ", before " + EARLIEST_YEAR);
            }
        }
        return reading;
    }

    private static Reading debian(List<String> lines) {
        Matcher date = DEBIAN_DATE.matcher(lines.get(0));
        if (!date.matches()) {
            return new Refused("its first line is not a date such as \"Sat Nov 28 21:08:46 UTC 2026\": \""
                    + shortened(lines.get(0)) + "\"");
        }
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isEmpty() && !KEY_VALUE.matcher(lines.get(i)).matches()) {
                return new Refused("its line " + (i + 1) + " is not \"Key: value\": \"" + shortened(lines.get(i)) + "\"");
            }
        }
        LocalDateTime time;
        try {
            time = LocalDateTime.of(Integer.parseInt(date.group(8)), MONTHS.indexOf(date.group(2)) + 1,
                    Integer.parseInt(date.group(3).strip()), Integer.parseInt(date.group(4)),
                    Integer.parseInt(date.group(5)), Integer.parseInt(date.group(6)));
        } catch (DateTimeException e) {
            return new Refused("its first line names no real time: \"" + lines.get(0) + "\"");
        }
        DayOfWeek weekday = time.getDayOfWeek();
        if (!weekday.getDisplayName(TextStyle.SHORT, Locale.ROOT).equals(date.group(1))) {
            return new Refused("its first line names a " + date.group(1) + ", but " + time.toLocalDate() + " is a "
                    + weekday.getDisplayName(TextStyle.SHORT, Locale.ROOT));
        }
        return new Synced(time.toInstant(ZoneOffset.UTC));
    }

    private static Reading lastsync(List<String> lines) {
        if (lines.size() != 1 || !EPOCH.matcher(lines.get(0)).matches()) {
            return new Refused("it is not one line of a Unix time in seconds: \"" + shortened(lines.get(0)) + "\"");
        }
        return new Synced(Instant.ofEpochSecond(Long.parseLong(lines.get(0))));
    }

    private static String shortened(String line) {
        return line.length() <= 60 ? line : line.substring(0, 60) + "…";
    }
}
