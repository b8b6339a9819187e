/**
 * The registry's rules that need more than one entity: which publication URLs show how fresh a mirror's
 * copy is. Called by the registry's facades and by the prober; holds no transactions of its own.
 */
package org.mirrorwatch.registry.control;
