package org.mirrorwatch.probing.http;

import org.mirrorwatch.platform.AddressGuard;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Resolves a host name, then keeps only the addresses the guard allows. Jetty connects to what this
 * returns, so the address checked is the address connected to, and every redirect hop passes here too.
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
        delegate.resolve(host, port, context, new Promise<>() {
            @Override
            public void succeeded(List<InetSocketAddress> addresses) {
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
                    promise.succeeded(allowed);
                }
            }

            @Override
            public void failed(Throwable failure) {
                promise.failed(failure);
            }
        });
    }
}
