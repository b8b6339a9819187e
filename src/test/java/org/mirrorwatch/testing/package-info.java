/**
 * The test infrastructure: the embedded PostgreSQL started once per run, database resets and datasets,
 * the shared server for black-box tests (Payara Micro, or WildFly under -Pwildfly), the check of
 * WildFly's log after them, and the Arquillian deployment.
 */
package org.mirrorwatch.testing;
