package org.mirrorwatch.demo;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mirrorwatch.testing.DatabaseServer;
import org.mirrorwatch.testing.FreePorts;
import org.mirrorwatch.testing.ServerProperties;

/**
 * Runs Mirrorwatch on Payara Micro at http://localhost:8080/ (or MIRRORWATCH_PORT) with the demo data,
 * against MIRRORWATCH_DB_URL or an embedded PostgreSQL, until Ctrl-C.
 */
public final class RunMirrorwatch {

    private RunMirrorwatch() {
    }

    public static void main(String[] args) throws Exception {
        File root = new File(System.getProperty("mirrorwatch.project.dir", ".")).getCanonicalFile();
        requireBuilt(root);
        String port = System.getenv().getOrDefault("MIRRORWATCH_PORT", "8080");
        long start = System.nanoTime();

        DatabaseServer database = DatabaseServer.start();
        System.out.printf("Mirrorwatch: %s PostgreSQL at %s%n", database.isEmbedded() ? "embedded" : "external",
                database.plainUrl());
        int smtpPort = FreePorts.next();
        DemoMailbox mailbox = new DemoMailbox(smtpPort);
        System.setProperty("mirrorwatch.mail.port", String.valueOf(smtpPort));
        ServerProperties.forDatabase(database).forEach(System::setProperty);
        DemoFarm farm = new DemoFarm(database);
        System.out.printf("Mirrorwatch: demo mailbox on port %d, %d demo mirrors on %s port %d%n", smtpPort,
                DemoFarm.SITES.size(), DemoFarm.ADDRESS_RANGE, DemoFarm.PORT);

        List<String> command = new ArrayList<>();
        command.add(new File(System.getProperty("java.home"), "bin/java").getPath());
        command.add("-Xmx1g");
        command.add("-Duser.timezone=UTC");
        command.addAll(ServerProperties.asJvmOptions());
        command.add("-Dmirrorwatch.flyway.extra-locations=filesystem:"
                + new File(root, "src/demo/resources/db/demo").getPath());
        command.add("-Dmirrorwatch.base-url=http://localhost:" + port);
        // Rounds every minute, and a mirror is due again five minutes after its probe, so the demo moves.
        command.add("-Dmirrorwatch.probe.interval=PT1M");
        command.add("-Dmirrorwatch.probe.reprobe-after=PT5M");
        command.add("-Dmirrorwatch.probe.timeout=PT5S");
        command.add("-Dmirrorwatch.probe.allowed-cidrs=" + DemoFarm.ADDRESS_RANGE);
        command.addAll(List.of("-jar", new File(root, "target/payara-micro.jar").getPath(), "--nocluster",
                "--port", port,
                "--postbootcommandfile", new File(root, "server-config/payara/post-boot-commands.asadmin").getPath(),
                "--deploy", new File(root, "target/mirrorwatch.war").getPath()));
        Process payara = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(payara, database);
            farm.close();
            mailbox.close();
        }, "mirrorwatch-stop"));
        System.out.printf("Mirrorwatch: starting Payara Micro (launcher ready in %d ms); the console will be at"
                + " http://localhost:%s/ — press Ctrl-C to stop.%n", (System.nanoTime() - start) / 1_000_000, port);
        int exit = payara.waitFor();
        System.out.println("Mirrorwatch: Payara Micro exited with " + exit);
    }

    private static void stop(Process payara, DatabaseServer database) {
        System.out.println("Mirrorwatch: stopping Payara Micro and the database");
        payara.destroy();
        try {
            if (!payara.waitFor(30, TimeUnit.SECONDS)) {
                payara.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.close();
        System.out.println("Mirrorwatch: stopped");
    }

    static void requireBuilt(File root) throws IOException {
        for (String path : List.of("target/mirrorwatch.war", "target/payara-micro.jar")) {
            if (!new File(root, path).isFile()) {
                throw new IOException(path + " is missing; run the README's run command, which builds it first");
            }
        }
    }
}
