package org.mirrorwatch.probing.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.probing.http.HostScheduler.RequestEnd;

/**
 * Limits, turns between hosts, the skip rules (Launchpad's and the dead host's) and slots that come back
 * only with the connection.
 */
class HostSchedulerTest {

    private static final String A = "a.example:80";
    private static final String B = "b.example:80";
    private static final String C = "c.example:80";

    @Test
    void aHost_getsNoMoreThanItsAllowance_inTheOrderItsRequestsCame() {
        HostScheduler<String> scheduler = new HostScheduler<>(2, 10);
        offer(scheduler, A, "a1", "a2", "a3", "a4");
        assertEquals(List.of("a1", "a2"), scheduler.startable());
        assertEquals(List.of(), scheduler.startable());
    }

    @Test
    void theRound_getsNoMoreThanTheOverallLimit() {
        HostScheduler<String> scheduler = new HostScheduler<>(2, 3);
        offer(scheduler, A, "a1", "a2");
        offer(scheduler, B, "b1", "b2");
        offer(scheduler, C, "c1", "c2");
        assertEquals(3, scheduler.startable().size());
        assertEquals(List.of(), scheduler.startable());
    }

    @Test
    void hostsTakeTurns_oneRequestEach() {
        HostScheduler<String> scheduler = new HostScheduler<>(5, 4);
        offer(scheduler, A, "a1", "a2", "a3", "a4");
        offer(scheduler, B, "b1", "b2");
        offer(scheduler, C, "c1");
        assertEquals(List.of("a1", "b1", "c1", "a2"), scheduler.startable());
        finish(scheduler, A);
        finish(scheduler, C);
        assertEquals(List.of("b2", "a3"), scheduler.startable());
    }

    @Test
    void aHostThatReachedItsAllowance_waits_whileOthersGoOn() {
        HostScheduler<String> scheduler = new HostScheduler<>(1, 10);
        offer(scheduler, A, "a1", "a2");
        assertEquals(List.of("a1"), scheduler.startable());
        offer(scheduler, B, "b1");
        assertEquals(List.of("b1"), scheduler.startable());
    }

    @Test
    void anAnsweredRequest_keepsItsSlot_untilItsConnectionIsClosed() {
        HostScheduler<String> scheduler = new HostScheduler<>(1, 1);
        offer(scheduler, A, "a1", "a2");
        offer(scheduler, B, "b1");
        assertEquals(List.of("a1"), scheduler.startable());
        scheduler.ended(A, RequestEnd.ANSWERED);
        assertEquals(List.of(), scheduler.startable(), "the connection is still open");
        scheduler.closed(A);
        assertEquals(List.of("b1"), scheduler.startable(), "b's turn came before a's second request");
    }

    @Test
    void aTimedOutRequest_keepsItsSlot_untilItsConnectionIsClosed() {
        HostScheduler<String> scheduler = new HostScheduler<>(1, 5);
        offer(scheduler, A, "a1", "a2");
        assertEquals(List.of("a1"), scheduler.startable());
        scheduler.ended(A, RequestEnd.TIMED_OUT);
        assertEquals(List.of(), scheduler.startable());
        scheduler.closed(A);
        assertEquals(List.of("a2"), scheduler.startable());
    }

    @Test
    void aClose_withoutARequestInFlight_isAnError() {
        HostScheduler<String> scheduler = new HostScheduler<>(1, 1);
        offer(scheduler, A, "a1");
        assertThrows(IllegalStateException.class, () -> scheduler.closed(A));
        assertThrows(IllegalStateException.class, () -> scheduler.closed(B));
    }

    @Test
    void aHost_isSkipped_whenFewerThanThreeRequestsPerTimeout_afterThirtyRequests() {
        HostScheduler<String> scheduler = new HostScheduler<>(30, 100);
        offerNumbered(scheduler, A, 40);
        assertEquals(30, scheduler.startable().size());
        answeredOnce(scheduler, A);
        for (int i = 0; i < 10; i++) {
            assertEquals(Optional.empty(), scheduler.ended(A, RequestEnd.TIMED_OUT), "30 of 10 is three per timeout");
        }
        HostScheduler.Skip<String> skip = scheduler.ended(A, RequestEnd.TIMED_OUT).orElseThrow();
        assertEquals(new ProbeFailure.HostSkipped(A, 11, 30), skip.reason());
        assertEquals(10, skip.dropped().size());
        assertEquals("a30", skip.dropped().get(0), "the dropped requests in their order");
        assertEquals(Optional.of(skip.reason()), scheduler.offer(A, "late"), "the host stays skipped");
    }

    @Test
    void aHost_isNotJudged_beforeThirtyRequests() {
        HostScheduler<String> scheduler = new HostScheduler<>(29, 100);
        offerNumbered(scheduler, A, 40);
        assertEquals(29, scheduler.startable().size());
        answeredOnce(scheduler, A);
        for (int i = 0; i < 28; i++) {
            assertEquals(Optional.empty(), scheduler.ended(A, RequestEnd.TIMED_OUT));
        }
    }

    @Test
    void failuresOtherThanTimeouts_doNotCount() {
        HostScheduler<String> scheduler = new HostScheduler<>(40, 100);
        offerNumbered(scheduler, A, 40);
        scheduler.startable();
        for (int i = 0; i < 40; i++) {
            assertEquals(Optional.empty(), scheduler.ended(A, RequestEnd.FAILED));
        }
    }

    @Test
    void aSkippedHost_isJudgedOnce_itsRequestsInFlightStillGiveTheirSlotsBack() {
        HostScheduler<String> scheduler = new HostScheduler<>(30, 30);
        offerNumbered(scheduler, A, 31);
        assertEquals(30, scheduler.startable().size());
        offer(scheduler, B, "b1");
        assertEquals(List.of(), scheduler.startable(), "the round is full");
        answeredOnce(scheduler, A);
        for (int i = 0; i < 10; i++) {
            scheduler.ended(A, RequestEnd.TIMED_OUT);
        }
        assertTrue(scheduler.ended(A, RequestEnd.TIMED_OUT).isPresent());
        assertEquals(Optional.empty(), scheduler.ended(A, RequestEnd.TIMED_OUT), "skipped already");
        scheduler.closed(A);
        assertEquals(List.of("b1"), scheduler.startable());
    }

    /**
     * The host has a free slot and waiting requests but the round is full, so it waits for its turn when
     * its timeouts make it skipped. It must leave the turn order with its requests, or the next free slot
     * would go to a host with nothing to send (before the scheduler had its own class, that slot was lost
     * for the rest of the round).
     */
    @Test
    void aHostSkippedWhileWaitingForItsTurn_leavesTheTurnOrder() {
        HostScheduler<String> scheduler = new HostScheduler<>(40, 31);
        offerNumbered(scheduler, A, 33);
        assertEquals(31, scheduler.startable().size());
        answeredOnce(scheduler, A);
        for (int i = 0; i < 11; i++) {
            scheduler.ended(A, RequestEnd.TIMED_OUT);
        }
        offer(scheduler, B, "b1");
        scheduler.closed(A);
        assertEquals(List.of("b1"), scheduler.startable());
    }

    @Test
    void aSkippedHost_doesNotHoldBackOtherHosts() {
        HostScheduler<String> scheduler = new HostScheduler<>(30, 100);
        offerNumbered(scheduler, A, 30);
        scheduler.startable();
        answeredOnce(scheduler, A);
        for (int i = 0; i < 11; i++) {
            scheduler.ended(A, RequestEnd.TIMED_OUT);
        }
        offer(scheduler, B, "b1");
        assertEquals(List.of("b1"), scheduler.startable());
    }

    @Test
    void aRefusingHost_isGivenUpAtItsThirdFailedAttempt_andItsWaitingRequestsAreDropped() {
        HostScheduler<String> scheduler = new HostScheduler<>(2, 10);
        offerNumbered(scheduler, A, 10);
        assertEquals(List.of("a0", "a1"), scheduler.startable());
        assertEquals(Optional.empty(), scheduler.ended(A, RequestEnd.REFUSED));
        scheduler.closed(A);
        assertEquals(Optional.empty(), scheduler.ended(A, RequestEnd.REFUSED));
        scheduler.closed(A);
        assertEquals(List.of("a2", "a3"), scheduler.startable());
        HostScheduler.Skip<String> skip = scheduler.ended(A, RequestEnd.REFUSED).orElseThrow();
        assertEquals(new ProbeFailure.HostDead(A, 3, "connection refused"), skip.reason());
        assertEquals(List.of("a4", "a5", "a6", "a7", "a8", "a9"), skip.dropped());
        assertEquals(Optional.empty(), scheduler.ended(A, RequestEnd.REFUSED), "given up already");
        scheduler.closed(A);
        scheduler.closed(A);
        assertEquals(List.of(), scheduler.startable(), "nothing more goes to the host");
        assertEquals(Optional.of(skip.reason()), scheduler.offer(A, "late"), "the host stays given up");
        offer(scheduler, B, "b1");
        assertEquals(List.of("b1"), scheduler.startable(), "other hosts go on");
    }

    @Test
    void resetsAndTimeouts_countTowardsADeadHost_andTheLastOneNamesHowItFailed() {
        HostScheduler<String> scheduler = new HostScheduler<>(3, 10);
        offerNumbered(scheduler, A, 4);
        scheduler.startable();
        scheduler.ended(A, RequestEnd.TIMED_OUT);
        scheduler.ended(A, RequestEnd.REFUSED);
        HostScheduler.Skip<String> skip = scheduler.ended(A, RequestEnd.RESET).orElseThrow();
        assertEquals(new ProbeFailure.HostDead(A, 3, "connection closed or reset"), skip.reason());
        assertEquals(List.of("a3"), skip.dropped());
    }

    @Test
    void aHostThatAnsweredOnce_isNeverGivenUpAsDead_onlyByLaunchpadsRule() {
        HostScheduler<String> scheduler = new HostScheduler<>(40, 100);
        offerNumbered(scheduler, A, 40);
        assertEquals(40, scheduler.startable().size());
        answeredOnce(scheduler, A);
        for (int i = 0; i < 12; i++) {
            assertEquals(Optional.empty(), scheduler.ended(A, RequestEnd.REFUSED), "refusal " + (i + 1));
        }
        for (int i = 0; i < 13; i++) {
            assertEquals(Optional.empty(), scheduler.ended(A, RequestEnd.TIMED_OUT), "40 of 13 is over three");
        }
        HostScheduler.Skip<String> skip = scheduler.ended(A, RequestEnd.TIMED_OUT).orElseThrow();
        assertEquals(new ProbeFailure.HostSkipped(A, 14, 40), skip.reason());
    }

    @Test
    void aHostWithTwoFailuresThenAnAnswer_isNotGivenUp() {
        HostScheduler<String> scheduler = new HostScheduler<>(10, 100);
        offerNumbered(scheduler, A, 10);
        scheduler.startable();
        scheduler.ended(A, RequestEnd.TIMED_OUT);
        scheduler.ended(A, RequestEnd.REFUSED);
        scheduler.ended(A, RequestEnd.ANSWERED);
        for (int i = 0; i < 7; i++) {
            assertEquals(Optional.empty(), scheduler.ended(A, RequestEnd.REFUSED));
        }
        assertEquals(Optional.empty(), scheduler.offer(A, "late"));
    }

    @Test
    void anotherKindOfFailureFirst_turnsTheDeadHostRuleOff() {
        HostScheduler<String> scheduler = new HostScheduler<>(10, 100);
        offerNumbered(scheduler, A, 10);
        scheduler.startable();
        scheduler.ended(A, RequestEnd.FAILED);
        for (int i = 0; i < 9; i++) {
            assertEquals(Optional.empty(), scheduler.ended(A, RequestEnd.REFUSED));
        }
    }

    @Test
    void aRequestsEnd_isTakenFromItsFailure() {
        assertEquals(RequestEnd.ANSWERED, RequestEnd.of(null));
        assertEquals(RequestEnd.REFUSED, RequestEnd.of(new ProbeFailure.ConnectionRefused()));
        assertEquals(RequestEnd.RESET, RequestEnd.of(new ProbeFailure.ConnectionClosed()));
        assertEquals(RequestEnd.TIMED_OUT, RequestEnd.of(new ProbeFailure.Timeout("HEAD request",
                URI.create("http://m.example/"), Duration.ofSeconds(30))));
        assertEquals(RequestEnd.FAILED, RequestEnd.of(new ProbeFailure.UnknownHost("m.invalid")));
        assertEquals(RequestEnd.FAILED, RequestEnd.of(new ProbeFailure.TlsFailure("handshake")));
    }

    private static void answeredOnce(HostScheduler<String> scheduler, String host) {
        assertEquals(Optional.empty(), scheduler.ended(host, RequestEnd.ANSWERED));
    }

    private static void offer(HostScheduler<String> scheduler, String host, String... requests) {
        for (String request : requests) {
            assertEquals(Optional.empty(), scheduler.offer(host, request));
        }
    }

    private static void offerNumbered(HostScheduler<String> scheduler, String host, int count) {
        for (int i = 0; i < count; i++) {
            offer(scheduler, host, host.substring(0, 1) + i);
        }
    }

    private static void finish(HostScheduler<String> scheduler, String host) {
        scheduler.ended(host, RequestEnd.ANSWERED);
        scheduler.closed(host);
    }
}
