package org.mirrorwatch.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;
import java.util.Optional;
import org.mirrorwatch.platform.AddressFamily;

/**
 * What one probe found of a mirror on each address family: a {@link FamilyState} per family, and for an
 * unreachable one the first failure's reason (it comes from the mirror's answer, so it is cut to fit).
 * A mirror is degraded when it publishes an address of a family that does not work; degraded is not
 * disabled: the mirror stays enabled, and only the clients of the failing family are sent elsewhere.
 */
@Embeddable
public class FamilyReachability {

    static final int REASON_LENGTH = 255;

    @Enumerated(EnumType.STRING)
    @Column(name = "ipv4_state")
    private FamilyState ipv4;

    @Column(name = "ipv4_failure")
    private String ipv4Failure;

    @Enumerated(EnumType.STRING)
    @Column(name = "ipv6_state")
    private FamilyState ipv6;

    @Column(name = "ipv6_failure")
    private String ipv6Failure;

    protected FamilyReachability() {
    }

    /**
     * @param ipv4Failure why IPv4 is unreachable; required exactly when it is
     * @param ipv6Failure the same for IPv6
     */
    public FamilyReachability(FamilyState ipv4, String ipv4Failure, FamilyState ipv6, String ipv6Failure) {
        this.ipv4 = Objects.requireNonNull(ipv4);
        this.ipv6 = Objects.requireNonNull(ipv6);
        this.ipv4Failure = failure(ipv4, ipv4Failure);
        this.ipv6Failure = failure(ipv6, ipv6Failure);
        if (ipv4 == FamilyState.NOT_PUBLISHED && ipv6 == FamilyState.NOT_PUBLISHED) {
            throw new IllegalArgumentException("A host that was probed publishes an address of some family");
        }
    }

    private static String failure(FamilyState state, String reason) {
        if (state != FamilyState.UNREACHABLE) {
            return null;
        }
        String printable = Objects.requireNonNull(reason, "an unreachable family has a reason").replaceAll(
                "\\p{Cntrl}", "?");
        return printable.length() <= REASON_LENGTH ? printable : printable.substring(0, REASON_LENGTH - 1) + "…";
    }

    public FamilyState state(AddressFamily family) {
        return family == AddressFamily.IPV4 ? ipv4 : ipv6;
    }

    /** Why the family is unreachable; empty unless it is. */
    public Optional<String> failure(AddressFamily family) {
        return Optional.ofNullable(family == AddressFamily.IPV4 ? ipv4Failure : ipv6Failure);
    }

    /** Whether the mirror answered on this family: only then are its clients sent to it. */
    public boolean answeredOn(AddressFamily family) {
        return state(family) == FamilyState.REACHABLE;
    }

    /** Published on this family but unreachable over it. */
    public boolean degradedOn(AddressFamily family) {
        return state(family) == FamilyState.UNREACHABLE;
    }

    /** Whether either family is published but unreachable. */
    public boolean isDegraded() {
        return degradedOn(AddressFamily.IPV4) || degradedOn(AddressFamily.IPV6);
    }

    /** Whether the state was read from columns that hold one (a provider may give an empty embeddable). */
    boolean isKnown() {
        return ipv4 != null && ipv6 != null;
    }

    /** A copy, so that the probe record and the mirror never share one embedded instance. */
    public FamilyReachability copy() {
        FamilyReachability copy = new FamilyReachability();
        copy.ipv4 = ipv4;
        copy.ipv4Failure = ipv4Failure;
        copy.ipv6 = ipv6;
        copy.ipv6Failure = ipv6Failure;
        return copy;
    }

    /** One line for logs, e.g. "IPv4 REACHABLE, IPv6 UNREACHABLE (connection refused)". */
    public String describe() {
        return describe(AddressFamily.IPV4) + ", " + describe(AddressFamily.IPV6);
    }

    private String describe(AddressFamily family) {
        return family.title() + " " + state(family) + failure(family).map(why -> " (" + why + ")").orElse("");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FamilyReachability that && ipv4 == that.ipv4 && ipv6 == that.ipv6
                && Objects.equals(ipv4Failure, that.ipv4Failure) && Objects.equals(ipv6Failure, that.ipv6Failure);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ipv4, ipv6);
    }

    @Override
    public String toString() {
        return describe();
    }
}
