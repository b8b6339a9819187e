package org.mirrorwatch.publishing.boundary;

/**
 * What an import changed: publications created, publications whose status or date changed, the rest
 * unchanged (a replay changes nothing), and files added.
 */
public record ImportResult(int received, int created, int updated, int unchanged, int filesAdded) {
}
