package org.mirrorwatch.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * Fake mirrors for probe tests, each on its own address from 127.0.100.0/24 (Linux routes all of
 * 127.0.0.0/8 to loopback) and a random port. Tests allow that block to the prober's address guard, so
 * every other loopback address stays refused. The farm counts the peak of requests in progress across
 * all of its mirrors.
 */
public final class FakeMirrorFarm implements AutoCloseable {

    /** The farm's block, which the tests allow to the prober; other loopback addresses stay refused. */
    public static final String ALLOWED_CIDR = "127.0.100.0/24";
    private static final String ADDRESS_PREFIX = "127.0.100.";
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger();

    private final List<FakeMirror> mirrors = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    /** A new host on the next free loopback address. */
    public synchronized FakeMirror newMirror() {
        FakeMirror mirror = new FakeMirror(this, nextAddress());
        mirrors.add(mirror);
        return mirror;
    }

    /**
     * A new HTTPS host on the next free loopback address, with the TLS that {@code tlsFor} makes for that
     * address (e.g. a certificate issued for it, or for another name), and plain HTTP on a second port.
     */
    public synchronized FakeMirror newHttpsMirror(Function<String, SSLContext> tlsFor) {
        String address = nextAddress();
        FakeMirror mirror = new FakeMirror(this, address, tlsFor.apply(address));
        mirrors.add(mirror);
        return mirror;
    }

    /** The next address of the farm's block, for servers of other kinds (see {@link HostileServer}). */
    public static String nextAddress() {
        return ADDRESS_PREFIX + (2 + NEXT_ADDRESS.getAndIncrement() % 250);
    }

    void requestStarted() {
        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    void requestEnded() {
        inFlight.decrementAndGet();
    }

    /** The most requests in progress at once across the farm. */
    public int peakConcurrency() {
        return peak.get();
    }

    public void resetCounters() {
        peak.set(0);
        mirrors.forEach(FakeMirror::resetCounters);
    }

    public int requests() {
        return mirrors.stream().mapToInt(FakeMirror::requests).sum();
    }

    @Override
    public synchronized void close() {
        mirrors.forEach(FakeMirror::close);
        mirrors.clear();
    }
}
