package org.mirrorwatch.registry.control;

import java.util.Map;
import java.util.Optional;
import org.mirrorwatch.registry.entity.MirrorStatus;

/**
 * What a probe checks for one key, as pool paths shared by every mirror: the paths that prove each status,
 * freshest first, and the path of the newest publication, whose presence alone makes a mirror UP.
 */
public record UpdatenessPlan(Map<MirrorStatus, String> poolPaths, Optional<String> newestPoolPath) {
}
