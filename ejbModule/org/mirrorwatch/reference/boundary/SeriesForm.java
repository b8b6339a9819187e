package org.mirrorwatch.reference.boundary;

import org.mirrorwatch.platform.PlainText;
import java.util.List;
import org.mirrorwatch.platform.FieldErrors;
import org.mirrorwatch.platform.LaunchpadNames;
import org.mirrorwatch.reference.entity.DistroReleaseStatus;

/**
 * A series as an administrator typed it. The components, in the order the series lists them (main first),
 * count only when the series is created.
 */
public record SeriesForm(String name, String version, DistroReleaseStatus status, List<String> components) {

    SeriesForm validate(boolean creating) {
        FieldErrors errors = new FieldErrors();
        String validName = name == null ? null : name.strip();
        if (creating && !LaunchpadNames.isValid(validName)) {
            errors.add("name", "Choose a name of 2 to 64 lower-case letters, digits, \"+\", \".\" and \"-\", e.g. noble.");
        }
        String validVersion = errors.requiredText("version", version, 32, PlainText.Lines.ONE,
                "Enter the version, e.g. 24.04, in at most 32 characters.");
        errors.require("status", status, "Choose the state of the series: " + List.of(DistroReleaseStatus.values()) + ".");
        if (creating && (components == null || components.isEmpty())) {
            errors.add("components", "List the components of the series, main first, e.g. [\"main\", \"universe\"].");
        }
        errors.throwIfAny();
        return new SeriesForm(validName, validVersion, status, components == null ? List.of() : List.copyOf(components));
    }
}
