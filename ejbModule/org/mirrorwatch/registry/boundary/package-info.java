/**
 * The registry's use cases, one transaction each: register mirrors, look them up, list the ones to probe,
 * and keep the records of what each mirror carries. Callers pass ids and validated forms.
 */
package org.mirrorwatch.registry.boundary;
