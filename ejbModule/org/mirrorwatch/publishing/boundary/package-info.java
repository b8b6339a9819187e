/**
 * Reads the publication history for people and tests; the publisher's import (a later issue) writes it.
 */
package org.mirrorwatch.publishing.boundary;
