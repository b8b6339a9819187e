/**
 * The probe benchmark of issue 4: a farm of fake mirrors, the deployed application's own prober doing a
 * timer round against it, and a report of wall time, requests, concurrency, heap and threads. See
 * bench/README.md. Also the API benchmark of issue 6 and the HTTP load benchmark of issue 14 (wrk against the
 * server beside nginx). Nothing here is part of the WAR.
 */
package org.mirrorwatch.bench;
