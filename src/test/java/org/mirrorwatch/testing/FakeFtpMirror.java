package org.mirrorwatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;

/**
 * A real FTP server (Apache MINA FtpServer) on a loopback address of the farm's block and a random port,
 * serving a directory of empty files to anonymous users, as an FTP-only mirror does.
 */
public final class FakeFtpMirror implements AutoCloseable {

    private final Path root;
    private final FtpServer server;
    private final String address;
    private final int port;

    public FakeFtpMirror() {
        try {
            root = Files.createTempDirectory("fake-ftp-mirror");
            address = FakeMirrorFarm.nextAddress();
            FtpServerFactory factory = new FtpServerFactory();
            ListenerFactory listener = new ListenerFactory();
            listener.setServerAddress(address);
            listener.setPort(0);
            factory.addListener("default", listener.createListener());
            ConnectionConfigFactory connections = new ConnectionConfigFactory();
            connections.setAnonymousLoginEnabled(true);
            connections.setMaxAnonymousLogins(50);
            connections.setMaxLogins(50);
            factory.setConnectionConfig(connections.createConnectionConfig());
            BaseUser anonymous = new BaseUser();
            anonymous.setName("anonymous");
            anonymous.setHomeDirectory(root.toString());
            factory.getUserManager().save(anonymous);
            server = factory.createServer();
            server.start();
            port = factory.getListener("default").getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FtpException e) {
            throw new IllegalStateException("The fake FTP mirror did not start", e);
        }
    }

    /** The root URL, e.g. ftp://127.0.100.30:40123/. */
    public String baseUrl() {
        return "ftp://" + address + ":" + port + "/";
    }

    /** Creates these files (paths relative to the root). */
    public FakeFtpMirror serve(Collection<String> paths) {
        try {
            for (String path : paths) {
                Path file = root.resolve(path);
                Files.createDirectories(file.getParent());
                Files.write(file, new byte[] {1});
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The library jars the container needs to run this server. */
    public static List<Class<?>> libraries() {
        return List.of(FtpServer.class, org.apache.ftpserver.ftplet.Ftplet.class,
                org.apache.mina.core.service.IoAcceptor.class);
    }
}
