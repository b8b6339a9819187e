package org.mirrorwatch.registry.entity;

/** How a mirror learns that it should sync. */
public enum MirrorPulseType {
    /** The primary archive pushes a trigger to the mirror. */
    PUSH,
    /** The mirror pulls on its own schedule. */
    PULL
}
