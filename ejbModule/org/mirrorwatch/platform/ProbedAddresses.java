package org.mirrorwatch.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which hosts Mirrorwatch may probe: the one {@link AddressGuard}, with the allow-list of
 * {@code mirrorwatch.probe.allowed-cidrs}, for the prober at connect time and for the registry at the
 * door, when a mirror's URL is registered or changed.
 */
@ApplicationScoped
public class ProbedAddresses {

    private static final Logger LOG = Logger.getLogger(ProbedAddresses.class.getName());

    /** A name that takes longer than this to resolve is let in; the prober's guard still holds. */
    private static final long RESOLVE_SECONDS = 3;

    /** Address blocks the guard lets through although they are not public, comma-separated. */
    @Inject
    @ConfigProperty(name = "mirrorwatch.probe.allowed-cidrs")
    Optional<String> allowedCidrs;

    @Resource
    ManagedExecutorService executor;

    private AddressGuard guard;

    @PostConstruct
    void check() {
        try {
            guard = AddressGuard.allowing(Arrays.asList(allowedCidrs.orElse("").split(",")));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The setting mirrorwatch.probe.allowed-cidrs is wrong: " + e.getMessage(),
                    e);
        }
    }

    public AddressGuard guard() {
        return guard;
    }

    /**
     * Why a mirror on this host would never be probed, e.g. "localhost resolves to 127.0.0.1, a loopback
     * address, which Mirrorwatch does not probe", or empty. An address is judged as it is; a name by every
     * address it resolves to now. A name that does not resolve (yet) is let in: the mirror may not be
     * online yet, and its probes will say so.
     */
    public Optional<String> refusalOf(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        bare = bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
        if (bare.equalsIgnoreCase("localhost") || bare.toLowerCase(java.util.Locale.ROOT).endsWith(".localhost")) {
            // RFC 6761: such names are the loopback, whatever a resolver says.
            return guard.refusal(bare, InetAddress.getLoopbackAddress());
        }
        Optional<InetAddress> literal = IpLiterals.parse(bare);
        if (literal.isPresent()) {
            // An address is judged at once: asking the executor to "resolve" it could take longer than the
            // lookup's limit on a busy server, and a slow lookup is let in.
            return guard.refusal(bare, literal.get());
        }
        for (InetAddress address : resolve(bare)) {
            Optional<String> refusal = guard.refusal(bare, address);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    private List<InetAddress> resolve(String host) {
        CompletableFuture<List<InetAddress>> lookup = CompletableFuture.supplyAsync(() -> {
            try {
                return List.of(InetAddress.getAllByName(host));
            } catch (UnknownHostException e) {
                return List.of();
            }
        }, executor);
        try {
            return lookup.get(RESOLVE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            LOG.info(() -> "Resolving " + host + " took over " + RESOLVE_SECONDS + " s; its URL was let in");
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException e) {
            return List.of();
        }
    }
}
