/**
 * The README's run command: it starts PostgreSQL (embedded unless configured) and Payara Micro with the
 * demo data, and stops both on Ctrl-C. Nothing here is part of the WAR.
 */
package org.mirrorwatch.demo;
