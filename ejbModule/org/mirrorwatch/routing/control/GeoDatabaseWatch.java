package org.mirrorwatch.routing.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Has the {@link GeoLocator} read the operator's database files again when they change: every
 * {@code mirrorwatch.geoip.reload-check}, on a container timer that is not persistent (each instance
 * watches its own files). Without configured files (the bundled databases) there is nothing to watch.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GeoDatabaseWatch {

    private static final Logger LOG = Logger.getLogger(GeoDatabaseWatch.class.getName());

    @Resource
    TimerService timers;

    @Inject
    GeoLocator locator;

    @PostConstruct
    void schedule() {
        if (locator.watchesFiles()) {
            Duration every = locator.reloadCheck();
            timers.createIntervalTimer(every.toMillis(), every.toMillis(),
                    new TimerConfig("mirrorwatch-geoip-reload", false));
            LOG.info(() -> "The IP geolocation files are checked for changes every " + every);
        }
    }

    @Timeout
    void checkFiles() {
        locator.reloadChanged();
    }
}
