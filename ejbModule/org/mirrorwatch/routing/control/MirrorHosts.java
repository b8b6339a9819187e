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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * What DNS says about the mirrors' hosts: the autonomous system of their address and the address
 * families they have addresses in. Resolved in the background, never on a client's request or while a
 * snapshot is read; a host is looked up again after {@link #TTL}. Until a host is resolved its mirrors
 * are offered to every client and stand in no network.
 */
@ApplicationScoped
public class MirrorHosts {

    private static final Logger LOG = Logger.getLogger(MirrorHosts.class.getName());
    static final Duration TTL = Duration.ofHours(6);

    /** What is known of a host. */
    public record HostFacts(long autonomousSystem, AddressFamilies families, Instant resolvedAt) {
    }

    private final Map<String, HostFacts> hosts = new ConcurrentHashMap<>();
    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean resolving = new AtomicBoolean();

    @Inject
    GeoLocator geo;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    /**
     * What is known of the host of this URL; when nothing is, or it is old, the host is queued to be
     * resolved, and {@code onResolved} runs once the queue is empty.
     */
    Optional<HostFacts> known(String url, Runnable onResolved) {
        String host = URI.create(url).getHost();
        if (host == null) {
            return Optional.empty();
        }
        HostFacts facts = hosts.get(host);
        if ((facts == null || facts.resolvedAt().plus(TTL).isBefore(clock.instant())) && queued.add(host)) {
            queue.add(host);
            resolveQueued(onResolved);
        }
        return Optional.ofNullable(facts);
    }

    private void resolveQueued(Runnable onResolved) {
        if (!resolving.compareAndSet(false, true)) {
            return;
        }
        executor.execute(() -> {
            try {
                for (String host = queue.poll(); host != null; host = queue.poll()) {
                    hosts.put(host, resolve(host));
                    queued.remove(host);
                }
            } finally {
                resolving.set(false);
            }
            if (!queue.isEmpty()) {
                resolveQueued(onResolved);
            } else {
                onResolved.run();
            }
        });
    }

    private HostFacts resolve(String host) {
        Instant now = clock.instant();
        InetAddress[] addresses;
        try {
            // A bracketed IPv6 literal comes from URI.getHost() with its brackets.
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            LOG.info(() -> "Mirror host " + host + " does not resolve; its mirrors are offered to every client");
            return new HostFacts(0, AddressFamilies.UNKNOWN, now);
        }
        boolean ipv4 = false;
        boolean ipv6 = false;
        long autonomousSystem = 0;
        for (InetAddress address : addresses) {
            ipv4 |= address instanceof java.net.Inet4Address;
            ipv6 |= address instanceof java.net.Inet6Address;
            if (autonomousSystem == 0) {
                OptionalLong found = geo.autonomousSystemOf(address);
                autonomousSystem = found.orElse(0);
            }
        }
        return new HostFacts(autonomousSystem, AddressFamilies.of(ipv4, ipv6), now);
    }
}
