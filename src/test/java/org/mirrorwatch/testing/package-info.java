/**
 * The test infrastructure: the embedded PostgreSQL started once per run, database resets and datasets,
 * the shared Payara Micro server for black-box tests, and the Arquillian deployment.
 */
package org.mirrorwatch.testing;
