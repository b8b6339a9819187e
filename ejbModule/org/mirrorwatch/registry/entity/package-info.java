/**
 * The mirror registry's model: mirrors, their URLs and review state, and the content records that say
 * what each mirror carries and how fresh it is. Distributions and countries are reference data; owners are
 * identity's people. Entities guard their own
 * state changes; queries and transactions live in the boundary.
 */
package org.mirrorwatch.registry.entity;
