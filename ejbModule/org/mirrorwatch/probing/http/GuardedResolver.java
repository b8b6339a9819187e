package org.mirrorwatch.probing.http;

import org.mirrorwatch.platform.AddressFamily;
import org.mirrorwatch.platform.AddressGuard;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.client.Destination;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Resolves a host name, then keeps only the addresses the guard allows. Jetty connects to what this
 * returns, so the address checked is the address connected to, and every redirect hop passes here too.
 *
 * <p>A request tagged with an {@link AddressFamily} (Jetty keeps requests with different tags on
 * different destinations, so their connections are never shared) is pinned to the first allowed address of
 * that family; a host without an address of that family fails it with {@link NoAddressOfFamilyException}.
 */
final class GuardedResolver implements SocketAddressResolver {

    private final SocketAddressResolver delegate;
    private final AddressGuard guard;

    GuardedResolver(SocketAddressResolver delegate, AddressGuard guard) {
        this.delegate = delegate;
        this.guard = guard;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context,
            Promise<List<InetSocketAddress>> promise) {
        AddressFamily family = familyOf(context);
        delegate.resolve(host, port, context, new Promise<>() {
            @Override
            public void succeeded(List<InetSocketAddress> resolved) {
                List<InetSocketAddress> addresses = family == null ? resolved
                        : resolved.stream().filter(address -> family.holds(address.getAddress())).toList();
                if (addresses.isEmpty() && family != null) {
                    promise.failed(new NoAddressOfFamilyException(host, family));
                    return;
                }
                List<InetSocketAddress> allowed = new ArrayList<>();
                String refusal = null;
                for (InetSocketAddress address : addresses) {
                    Optional<String> why = guard.refusal(host, address.getAddress());
                    if (why.isEmpty()) {
                        allowed.add(address);
                    } else if (refusal == null) {
                        refusal = why.get();
                    }
                }
                if (allowed.isEmpty()) {
                    promise.failed(new RefusedAddressException("refused: " + (refusal == null
                            ? host + " has no address" : refusal)));
                } else {
                    promise.succeeded(family == null ? allowed : List.of(allowed.get(0)));
                }
            }

            @Override
            public void failed(Throwable failure) {
                promise.failed(failure);
            }
        });
    }

    /** The family a request was pinned to: its destination's tag, or null for any family. */
    private static AddressFamily familyOf(Map<String, Object> context) {
        return context != null && context.get(Destination.CONTEXT_KEY) instanceof Destination destination
                && destination.getOrigin().getTag() instanceof AddressFamily family ? family : null;
    }
}
