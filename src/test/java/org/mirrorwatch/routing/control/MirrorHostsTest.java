package org.mirrorwatch.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.routing.control.MirrorHosts.HostFacts;

/** What the routing knows of mirror hosts, with the bundled geolocation data and a queue run by hand. */
class MirrorHostsTest {

    private static GeoLocator geo;
    private final List<Runnable> background = new ArrayList<>();
    private final AtomicInteger resolved = new AtomicInteger();

    @BeforeAll
    static void loadTheBundledDatabases() {
        geo = GeoLocatorTest.locator(Optional.empty(), Optional.empty());
        geo.load();
    }

    private MirrorHosts hosts() {
        MirrorHosts hosts = new MirrorHosts();
        hosts.geo = geo;
        hosts.clock = Clock.fixed(Instant.parse("2026-11-30T00:00:00Z"), ZoneOffset.UTC);
        hosts.executor = new DirectExecutor(background);
        return hosts;
    }

    @Test
    void aHostWrittenAsAnAddress_isKnownAtOnce_withItsNetwork() {
        MirrorHosts hosts = hosts();

        HostFacts telekom = hosts.known("http://80.156.86.78/ubuntu/", resolved::incrementAndGet).orElseThrow();
        assertEquals(3320, telekom.autonomousSystem());
        HostFacts ipv6 = hosts.known("https://[2003:de:2016::1]/ubuntu/", resolved::incrementAndGet).orElseThrow();
        assertEquals(3320, ipv6.autonomousSystem());
        assertTrue(background.isEmpty(), "nothing to look up");
    }

    @Test
    void aName_isLookedUpInTheBackground_once_andTheCallerIsToldAfterwards() {
        MirrorHosts hosts = hosts();

        assertEquals(Optional.empty(), hosts.known("http://localhost/ubuntu/", resolved::incrementAndGet));
        assertEquals(Optional.empty(), hosts.known("http://localhost:8080/other/", resolved::incrementAndGet));
        assertEquals(1, background.size(), "one resolver for the queue, the name queued once");
        background.remove(0).run();

        assertEquals(1, resolved.get());
        HostFacts localhost = hosts.known("http://localhost/ubuntu/", resolved::incrementAndGet).orElseThrow();
        assertEquals(0, localhost.autonomousSystem(), "a loopback address is in no public network");
        assertTrue(background.isEmpty(), "known now, and not too old: no second lookup");
    }

    /** An executor whose tasks the test runs when it wants. */
    private record DirectExecutor(List<Runnable> tasks) implements jakarta.enterprise.concurrent.ManagedExecutorService {
        @Override
        public void execute(Runnable command) {
            tasks.add(command);
        }

        // The rest of the interface is not used by MirrorHosts.
        @Override public void shutdown() { throw new UnsupportedOperationException(); }
        @Override public List<Runnable> shutdownNow() { throw new UnsupportedOperationException(); }
        @Override public boolean isShutdown() { return false; }
        @Override public boolean isTerminated() { return false; }
        @Override public boolean awaitTermination(long timeout, java.util.concurrent.TimeUnit unit) { return false; }
        @Override public <T> java.util.concurrent.Future<T> submit(java.util.concurrent.Callable<T> task) { throw new UnsupportedOperationException(); }
        @Override public <T> java.util.concurrent.Future<T> submit(Runnable task, T result) { throw new UnsupportedOperationException(); }
        @Override public java.util.concurrent.Future<?> submit(Runnable task) { throw new UnsupportedOperationException(); }
        @Override public <T> List<java.util.concurrent.Future<T>> invokeAll(java.util.Collection<? extends java.util.concurrent.Callable<T>> tasks) { throw new UnsupportedOperationException(); }
        @Override public <T> List<java.util.concurrent.Future<T>> invokeAll(java.util.Collection<? extends java.util.concurrent.Callable<T>> tasks, long timeout, java.util.concurrent.TimeUnit unit) { throw new UnsupportedOperationException(); }
        @Override public <T> T invokeAny(java.util.Collection<? extends java.util.concurrent.Callable<T>> tasks) { throw new UnsupportedOperationException(); }
        @Override public <T> T invokeAny(java.util.Collection<? extends java.util.concurrent.Callable<T>> tasks, long timeout, java.util.concurrent.TimeUnit unit) { throw new UnsupportedOperationException(); }
        @Override public <U> java.util.concurrent.CompletableFuture<U> completedFuture(U value) { throw new UnsupportedOperationException(); }
        @Override public <U> java.util.concurrent.CompletionStage<U> completedStage(U value) { throw new UnsupportedOperationException(); }
        @Override public <T> java.util.concurrent.CompletableFuture<T> copy(java.util.concurrent.CompletableFuture<T> stage) { throw new UnsupportedOperationException(); }
        @Override public <T> java.util.concurrent.CompletionStage<T> copy(java.util.concurrent.CompletionStage<T> stage) { throw new UnsupportedOperationException(); }
        @Override public <U> java.util.concurrent.CompletableFuture<U> failedFuture(Throwable ex) { throw new UnsupportedOperationException(); }
        @Override public <U> java.util.concurrent.CompletionStage<U> failedStage(Throwable ex) { throw new UnsupportedOperationException(); }
        @Override public jakarta.enterprise.concurrent.ContextService getContextService() { throw new UnsupportedOperationException(); }
        @Override public <U> java.util.concurrent.CompletableFuture<U> newIncompleteFuture() { throw new UnsupportedOperationException(); }
        @Override public java.util.concurrent.CompletableFuture<Void> runAsync(Runnable runnable) { throw new UnsupportedOperationException(); }
        @Override public <U> java.util.concurrent.CompletableFuture<U> supplyAsync(java.util.function.Supplier<U> supplier) { throw new UnsupportedOperationException(); }
    }
}
