package org.mirrorwatch.routing.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.mirrorwatch.platform.IpLiterals;

/**
 * What DNS says about the mirrors' hosts: the autonomous system of their address. Resolved in the
 * background, never on a client's request or while a snapshot is read; a host is looked up again after
 * {@link #TTL}. Until a host is resolved its mirrors stand in no network. (Which address families a mirror
 * serves is not DNS's to say but the prober's: see {@link AddressFamilies}.)
 */
@ApplicationScoped
public class MirrorHosts {

    private static final Logger LOG = Logger.getLogger(MirrorHosts.class.getName());
    static final Duration TTL = Duration.ofHours(6);
    private static final int RESOLVERS = 4;

    /** What is known of a host. */
    public record HostFacts(long autonomousSystem, Instant resolvedAt) {
    }

    private final Map<String, HostFacts> hosts = new ConcurrentHashMap<>();
    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final AtomicInteger resolvers = new AtomicInteger();

    @Inject
    GeoLocator geo;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    /**
     * What is known of the host of this URL. A host written as an address is known at once; a name that is
     * not known, or known too long ago, is queued to be resolved, and {@code onResolved} runs after each
     * name is (the snapshot's rebuild is coalesced anyway).
     */
    Optional<HostFacts> known(String url, Runnable onResolved) {
        String host = hostOf(url);
        if (host == null) {
            return Optional.empty();
        }
        HostFacts facts = hosts.get(host);
        if (facts == null) {
            Optional<InetAddress> literal = IpLiterals.parse(host);
            if (literal.isPresent()) {
                facts = factsOf(new InetAddress[] {literal.get()}, clock.instant());
                hosts.put(host, facts);
                return Optional.of(facts);
            }
        }
        if ((facts == null || facts.resolvedAt().plus(TTL).isBefore(clock.instant())) && queued.add(host)) {
            queue.add(host);
            startResolvers(onResolved);
        }
        return Optional.ofNullable(facts);
    }

    private static String hostOf(String url) {
        String host = URI.create(url).getHost();
        // URI.getHost() gives an IPv6 literal with its brackets.
        return host != null && host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /** Up to {@value #RESOLVERS} resolvers at a time, so that a few names that time out hold up no others. */
    private void startResolvers(Runnable onResolved) {
        while (true) {
            int running = resolvers.get();
            if (running >= Math.min(RESOLVERS, queue.size())) {
                return;
            }
            if (resolvers.compareAndSet(running, running + 1)) {
                executor.execute(() -> resolveQueued(onResolved));
            }
        }
    }

    private void resolveQueued(Runnable onResolved) {
        try {
            for (String host = queue.poll(); host != null; host = queue.poll()) {
                hosts.put(host, resolve(host));
                queued.remove(host);
                onResolved.run();
            }
        } finally {
            resolvers.decrementAndGet();
        }
        // A name queued while this resolver was finishing found it still counted; start one for it.
        startResolvers(onResolved);
    }

    private HostFacts resolve(String host) {
        Instant now = clock.instant();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            // FINE: a registry may hold many names that do not resolve from here; their mirrors still serve.
            LOG.fine(() -> "Mirror host " + host + " does not resolve; its mirrors stand in no network");
            return new HostFacts(0, now);
        }
        return factsOf(addresses, now);
    }

    private HostFacts factsOf(InetAddress[] addresses, Instant now) {
        long autonomousSystem = 0;
        for (InetAddress address : addresses) {
            if (autonomousSystem == 0) {
                OptionalLong found = geo.autonomousSystemOf(address);
                autonomousSystem = found.orElse(0);
            }
        }
        return new HostFacts(autonomousSystem, now);
    }
}
