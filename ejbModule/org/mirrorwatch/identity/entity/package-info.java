/**
 * What identity and access keep: people, the one-time links mailed to them, their API tokens and the
 * audit trail. Each knows whether it is still good to use; who may do what is decided in the control package.
 */
package org.mirrorwatch.identity.entity;
