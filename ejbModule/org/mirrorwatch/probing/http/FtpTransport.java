package org.mirrorwatch.probing.http;

import org.mirrorwatch.platform.AddressGuard;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Probes FTP-only mirrors with Apache Commons Net: SIZE on each path over the control connection, and
 * MLST where the server does not know SIZE. Commons Net blocks, so FTP is the one exception to
 * non-blocking probing: requests run on a small pool of the container's threads, capped at
 * {@code threads}, with the same per-host limit, deadline and address guard as HTTP.
 */
final class FtpTransport implements AutoCloseable {

    private final ProbeLimits limits;
    private final AddressGuard guard;
    private final Scheduler scheduler;
    private final ThreadPoolExecutor pool;

    FtpTransport(ProbeLimits limits, AddressGuard guard, ThreadFactory threads, int maxThreads, Scheduler scheduler) {
        this.limits = limits;
        this.guard = guard;
        this.scheduler = scheduler;
        this.pool = new ThreadPoolExecutor(maxThreads, maxThreads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                threads);
        this.pool.allowCoreThreadTimeOut(true);
    }

    void send(URI uri, Consumer<Answer> done) {
        pool.execute(() -> done.accept(size(uri)));
    }

    private Answer size(URI uri) {
        FTPClient ftp = new FTPClient();
        int timeout = (int) limits.timeout().toMillis();
        ftp.setConnectTimeout(timeout);
        ftp.setDefaultTimeout(timeout);
        AtomicBoolean expired = new AtomicBoolean();
        Scheduler.Task deadline = scheduler.schedule(() -> {
            expired.set(true);
            disconnect(ftp);
        }, limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            ftp.connect(vetted(uri.getHost()), uri.getPort() == -1 ? 21 : uri.getPort());
            ftp.setSoTimeout(timeout);
            if (!FTPReply.isPositiveCompletion(ftp.getReplyCode())) {
                return Answer.ftp(false, ftp.getReplyString());
            }
            if (!ftp.login("anonymous", "mirrorwatch@")) {
                return Answer.ftp(false, ftp.getReplyString());
            }
            String path = uri.getPath();
            int reply = ftp.sendCommand("SIZE", path);
            if (reply == 500 || reply == 502) {
                reply = ftp.sendCommand("MLST", path);
            }
            return Answer.ftp(FTPReply.isPositiveCompletion(reply), ftp.getReplyString());
        } catch (RefusedAddressException e) {
            return Answer.failed(e);
        } catch (IOException e) {
            return Answer.failed(expired.get() ? new TimeoutException("FTP deadline") : e);
        } finally {
            deadline.cancel();
            disconnect(ftp);
        }
    }

    /** The first address of the host that the guard allows; the client connects to exactly that one. */
    private InetAddress vetted(String host) throws IOException {
        String refusal = null;
        for (InetAddress address : InetAddress.getAllByName(host)) {
            Optional<String> why = guard.refusal(host, address);
            if (why.isEmpty()) {
                return address;
            }
            if (refusal == null) {
                refusal = why.get();
            }
        }
        throw new RefusedAddressException("refused: " + (refusal == null ? host + " has no address" : refusal));
    }

    private static void disconnect(FTPClient ftp) {
        if (ftp.isConnected()) {
            try {
                ftp.disconnect();
            } catch (IOException e) {
                // Closing a connection that already failed; nothing is left to tell.
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
