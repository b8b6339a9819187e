package org.mirrorwatch.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Each setting has one default, in one place: META-INF/microprofile-config.properties. */
class SettingsTest {

    @Test
    void everySetting_hasItsDefaultInThePropertiesFile_andNoneInTheCode() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }
        List<String> problems = new ArrayList<>();
        for (JavaField field : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mirrorwatch").stream().flatMap(type -> type.getFields().stream())
                .filter(field -> field.isAnnotatedWith(ConfigProperty.class)).toList()) {
            ConfigProperty setting = field.reflect().getAnnotation(ConfigProperty.class);
            if (!setting.defaultValue().equals(ConfigProperty.UNCONFIGURED_VALUE)) {
                problems.add(setting.name() + " has a default in " + field.getFullName());
            }
            boolean optional = field.getRawType().isEquivalentTo(Optional.class);
            if (!optional && !defaults.containsKey(setting.name())) {
                problems.add(setting.name() + " (" + field.getFullName() + ") is not in the properties file");
            }
        }
        assertEquals(List.of(), problems);
    }
}
