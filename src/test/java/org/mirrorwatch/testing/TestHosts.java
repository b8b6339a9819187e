package org.mirrorwatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The test resolver hook: the shared server resolves every name from this hosts file, through the JDK's
 * own {@code -Djdk.net.hosts.file} (no test-only code in the application). The file starts as a copy of
 * the machine's /etc/hosts, with {@code localhost} and the machine's own name added if it lacks them, so
 * that everything else the server resolves (the database, the mail server, its own name) still works; a
 * test adds names with {@link #add}, which the JDK reads at the next lookup (it reads the file on every
 * lookup, and a name not seen before is in no cache). The file is set when the server starts, so it
 * lives at a fixed place for the run.
 */
public final class TestHosts {

    /** The system property the JDK reads its hosts file from, when set, instead of asking the system. */
    public static final String PROPERTY = "jdk.net.hosts.file";
    private static final Path FILE = Path.of("target", "test-hosts").toAbsolutePath();

    private TestHosts() {
    }

    /** Writes the file afresh (a server start does so) and returns its absolute path. */
    static synchronized String create() {
        List<String> lines = new ArrayList<>();
        Path system = Path.of("/etc/hosts");
        try {
            if (Files.isReadable(system)) {
                lines.addAll(Files.readAllLines(system, StandardCharsets.UTF_8));
            }
            String all = String.join("\n", lines).toLowerCase(Locale.ROOT);
            if (!all.matches("(?s).*\\blocalhost\\b.*")) {
                lines.add("127.0.0.1 localhost");
            }
            InetAddress self = InetAddress.getLocalHost();
            if (!all.matches("(?s).*\\s" + java.util.regex.Pattern.quote(self.getHostName().toLowerCase(Locale.ROOT))
                    + "(\\s.*|$)")) {
                lines.add(self.getHostAddress() + " " + self.getHostName());
            }
            Files.createDirectories(FILE.getParent());
            Files.write(FILE, lines, StandardCharsets.UTF_8);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("This machine's own name does not resolve", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return FILE.toString();
    }

    /** Makes {@code name} resolve to these addresses (IPv4 or IPv6 literals) on the shared server. */
    public static synchronized void add(String name, String... addresses) {
        StringBuilder lines = new StringBuilder();
        for (String address : addresses) {
            lines.append(address).append(' ').append(name).append('\n');
        }
        try {
            Files.writeString(FILE, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
