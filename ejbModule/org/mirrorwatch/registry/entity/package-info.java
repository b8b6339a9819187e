/**
 * The mirror registry's model: distributions and their series, people, countries, mirrors and the
 * content records that say what each mirror carries and how fresh it is. Entities guard their own
 * state changes; queries and transactions live in the boundary.
 */
package org.mirrorwatch.registry.entity;
