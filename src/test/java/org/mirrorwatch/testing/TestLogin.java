package org.mirrorwatch.testing;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Logs in inside an in-container test, through the application's authentication mechanism and identity
 * store, exactly as the console's login form does; facades then see that caller.
 */
public final class TestLogin {

    /** The password of every person in the test datasets. */
    public static final String PASSWORD = "test-password";

    private TestLogin() {
    }

    /** Logs in as the named person, first logging out whoever was logged in. */
    public static void as(String name) {
        logout();
        AuthenticationStatus status = CDI.current().select(SecurityContext.class).get().authenticate(
                CurrentExchange.request(), CurrentExchange.response(), AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(name, PASSWORD)).newAuthentication(true));
        if (status != AuthenticationStatus.SUCCESS) {
            throw new IllegalStateException("Logging in as " + name + " failed: " + status);
        }
    }

    /** Logs in as the first mirror administrator of the dataset loaded last. */
    public static void asAdmin() {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement();
                ResultSet admin = statement.executeQuery(
                        "SELECT name FROM person WHERE mirror_admin ORDER BY id LIMIT 1")) {
            if (!admin.next()) {
                throw new IllegalStateException("The dataset has no mirror administrator");
            }
            as(admin.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Back to an anonymous caller. */
    public static void logout() {
        try {
            CurrentExchange.request().logout();
        } catch (ServletException e) {
            throw new IllegalStateException(e);
        }
    }
}
