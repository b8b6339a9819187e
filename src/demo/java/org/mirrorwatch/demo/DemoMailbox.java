package org.mirrorwatch.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The run command's SMTP server: it accepts every mail Mirrorwatch sends and prints a line for each, so a
 * newcomer sees the owners' notifications without a real mail server.
 */
final class DemoMailbox implements AutoCloseable {

    private final GreenMail smtp;
    private final ScheduledExecutorService printer = Executors.newSingleThreadScheduledExecutor();
    private int printed;

    DemoMailbox(int port) {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
        smtp.start();
        printer.scheduleWithFixedDelay(this::printNew, 2, 2, TimeUnit.SECONDS);
    }

    private synchronized void printNew() {
        MimeMessage[] received = smtp.getReceivedMessages();
        for (MimeMessage message : Arrays.copyOfRange(received, printed, received.length)) {
            try {
                System.out.printf("Mirrorwatch demo mailbox: mail to %s: \"%s\"%n",
                        String.join(", ", message.getHeader("To")), message.getSubject());
            } catch (MessagingException e) {
                System.out.println("Mirrorwatch demo mailbox: unreadable mail: " + e);
            }
        }
        printed = received.length;
    }

    @Override
    public void close() {
        printer.shutdownNow();
        smtp.stop();
    }
}
