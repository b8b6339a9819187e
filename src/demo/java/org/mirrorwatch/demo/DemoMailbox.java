package org.mirrorwatch.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run command's SMTP server: it accepts every mail Mirrorwatch sends and prints a line for each, with
 * the links in it, so a newcomer sees the owners' notifications and can follow a sign-up's confirmation
 * link without a real mail server.
 */
final class DemoMailbox implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

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
                if (message.getContent() instanceof String body) {
                    Matcher link = LINK.matcher(body);
                    while (link.find()) {
                        System.out.println("Mirrorwatch demo mailbox:   link " + link.group());
                    }
                }
            } catch (MessagingException | IOException e) {
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
