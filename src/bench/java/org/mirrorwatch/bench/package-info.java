/**
 * The probe benchmark of issue 4: a farm of fake mirrors, the deployed application's own prober doing a
 * timer round against it, and a report of wall time, requests, concurrency, heap and threads. See
 * bench/README.md. Nothing here is part of the WAR.
 */
package org.mirrorwatch.bench;
