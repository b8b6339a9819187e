package org.mirrorwatch.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Stub until the geo branch is merged. */
@ApplicationScoped
public class ClientAddresses {
    public InetAddress clientOf(HttpServletRequest request) {
        try {
            return InetAddress.getByName(request.getRemoteAddr());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
