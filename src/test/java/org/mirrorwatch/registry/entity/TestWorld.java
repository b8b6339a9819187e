package org.mirrorwatch.registry.entity;

import org.mirrorwatch.identity.entity.Person;
import org.mirrorwatch.reference.entity.Component;
import org.mirrorwatch.reference.entity.Continent;
import org.mirrorwatch.reference.entity.Country;
import org.mirrorwatch.reference.entity.Distribution;
import org.mirrorwatch.reference.entity.DistroArchRelease;
import org.mirrorwatch.reference.entity.DistroRelease;
import org.mirrorwatch.reference.entity.DistroReleaseStatus;

import java.time.Instant;
import java.util.List;

/** The seed's world built in memory, for unit tests of entity rules. */
final class TestWorld {

    static final Instant NOW = Instant.parse("2005-06-22T00:00:00Z");

    final Person fooBar = new Person("name16", "Foo Bar", "foo.bar@canonical.com", NOW);
    final Country brazil = new Country("BR", "BRA", "Brazil", Continent.SOUTH_AMERICA);
    final Component main = new Component("main");
    final Component restricted = new Component("restricted");
    final Distribution ubuntu = new Distribution("ubuntu", "Ubuntu", "http://archive.ubuntu.com/ubuntu/",
            "http://releases.ubuntu.com/");
    final DistroRelease warty = new DistroRelease(ubuntu, "warty", "4.10", DistroReleaseStatus.CURRENT,
            List.of(main, restricted));
    final DistroRelease hoary = new DistroRelease(ubuntu, "hoary", "5.04", DistroReleaseStatus.DEVELOPMENT,
            List.of(main, restricted));
    final DistroArchRelease wartyI386 = new DistroArchRelease(warty, "i386", true);
    final DistroArchRelease hoaryI386 = new DistroArchRelease(hoary, "i386", true);

    DistributionMirror mirror(String name, MirrorContent content) {
        MirrorRegistration registration = new MirrorRegistration(new MirrorName(name), null, null, MirrorSpeed.S2M,
                brazil, content, MirrorPulseType.PUSH, MirrorUrls.http("http://" + name + ".example.org/pub"), false);
        return DistributionMirror.newMirror(ubuntu, fooBar, registration, NOW);
    }
}
