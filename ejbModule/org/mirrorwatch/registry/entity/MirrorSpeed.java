package org.mirrorwatch.registry.entity;

/** A mirror's bandwidth, in Launchpad's steps. */
public enum MirrorSpeed {
    /** 128 Kbps. */
    S128K(128),
    /** 256 Kbps. */
    S256K(256),
    /** 512 Kbps. */
    S512K(512),
    /** 1 Mbps. */
    S1M(1_000),
    /** 2 Mbps. */
    S2M(2_000),
    /** 10 Mbps. */
    S10M(10_000),
    /** 45 Mbps. */
    S45M(45_000),
    /** 100 Mbps. */
    S100M(100_000),
    /** 1 Gbps. */
    S1G(1_000_000),
    /** 2 Gbps. */
    S2G(2_000_000),
    /** 4 Gbps. */
    S4G(4_000_000),
    /** 10 Gbps. */
    S10G(10_000_000),
    /** 20 Gbps. */
    S20G(20_000_000),
    /** 50 Gbps. */
    S50G(50_000_000),
    /** 100 Gbps. */
    S100G(100_000_000);

    private final long kilobitsPerSecond;

    MirrorSpeed(long kilobitsPerSecond) {
        this.kilobitsPerSecond = kilobitsPerSecond;
    }

    public long kilobitsPerSecond() {
        return kilobitsPerSecond;
    }

    /** The speed as people write it, e.g. "2 Mbps". */
    public String title() {
        String digits = name().substring(1, name().length() - 1);
        return switch (name().charAt(name().length() - 1)) {
            case 'K' -> digits + " Kbps";
            case 'M' -> digits + " Mbps";
            default -> digits + " Gbps";
        };
    }
}
