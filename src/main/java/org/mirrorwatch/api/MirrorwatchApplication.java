package org.mirrorwatch.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API's root. Resources are discovered; the version sits in each resource's path. */
@ApplicationPath("/api")
public class MirrorwatchApplication extends Application {
}
