/**
 * The administrators' use cases on reference data: create and change distributions, their series and
 * architecture series, and components, each change audited. Mirrors are the registry's.
 */
package org.mirrorwatch.reference.boundary;
