package org.mirrorwatch.probing.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which waiting request may start, and when a host is given up. It only counts: the caller sends
 * what {@link #startable()} hands out and reports back how each request ended and when its connection
 * closed. Several threads report back at once, so every method holds the object's lock, and none of
 * them calls out while holding it.
 *
 * <p>Politeness: a host has at most {@code perHost} requests in flight and the round at most
 * {@code overall}. A slot is a connection as the mirror counts it, so it comes back only with
 * {@link #closed}, not when the answer arrives. Fairness: each host's requests go in the order they
 * came, and hosts take turns, one request each, so a mirror with many files does not hold back the
 * others.
 *
 * <p>Launchpad's host-skip rule: once a host has had {@link ProbeLimits#MIN_REQUESTS_TO_JUDGE_HOST}
 * requests, a timeout that leaves it with fewer than {@link ProbeLimits#MIN_REQUESTS_PER_TIMEOUT}
 * requests per timeout makes it skipped for the rest of the round: its waiting requests are dropped
 * and new ones refused, while those in flight finish.
 *
 * <p>The dead-host rule, Mirrorwatch's own: a host whose first {@link ProbeLimits#DEAD_HOST_ATTEMPTS}
 * requests to end all failed without an answer (refused, reset or timed out) is given up in the same way,
 * as soon as the last of them fails. Any other end first (an answer of any status, or another kind of
 * failure, such as TLS or a name that did not resolve) turns this rule off for the host for the round, and
 * only Launchpad's rule is left to judge it.
 *
 * @param <R> the caller's request; the scheduler only keeps it in order
 */
final class HostScheduler<R> {

    private final int perHost;
    private final int overall;
    private final Map<String, Host<R>> hosts = new HashMap<>();
    /** Hosts with a waiting request and a free slot, in turn order. */
    private final Deque<Host<R>> ready = new ArrayDeque<>();
    private int inFlight;

    HostScheduler(int perHost, int overall) {
        this.perHost = perHost;
        this.overall = overall;
    }

    /** Queues a request for the host, or refuses it because the host was given up. */
    synchronized Optional<ProbeFailure.HostGivenUp> offer(String host, R request) {
        Host<R> state = hosts.computeIfAbsent(host, name -> new Host<>());
        if (state.givenUp != null) {
            return Optional.of(state.givenUp);
        }
        state.queue.add(request);
        makeReady(state);
        return Optional.empty();
    }

    /** Takes every request that may start now, in turn order, and counts each in flight. */
    synchronized List<R> startable() {
        List<R> starting = new ArrayList<>();
        while (inFlight < overall && !ready.isEmpty()) {
            Host<R> host = ready.poll();
            host.inReady = false;
            starting.add(host.queue.poll());
            host.inFlight++;
            host.requests++;
            inFlight++;
            makeReady(host);
        }
        return starting;
    }

    /**
     * A request on the host has its answer, or its failure; its slot stays taken until {@link #closed}.
     *
     * @return when this end made the host given up, the reason and the waiting requests it dropped
     */
    synchronized Optional<Skip<R>> ended(String host, RequestEnd end) {
        Host<R> state = known(host);
        if (end == RequestEnd.TIMED_OUT) {
            state.timeouts++;
        }
        if (state.givenUp != null) {
            return Optional.empty();
        }
        if (end.unanswered == null) {
            state.reached = true;
        } else if (!state.reached && ++state.unanswered >= ProbeLimits.DEAD_HOST_ATTEMPTS) {
            return Optional.of(giveUp(state, new ProbeFailure.HostDead(host, state.unanswered, end.unanswered)));
        }
        if (end != RequestEnd.TIMED_OUT || state.requests < ProbeLimits.MIN_REQUESTS_TO_JUDGE_HOST
                || state.requests >= (long) ProbeLimits.MIN_REQUESTS_PER_TIMEOUT * state.timeouts) {
            return Optional.empty();
        }
        return Optional.of(giveUp(state, new ProbeFailure.HostSkipped(host, state.timeouts, state.requests)));
    }

    /** Marks the host given up, and drops its waiting requests from its queue and the turn order. */
    private Skip<R> giveUp(Host<R> state, ProbeFailure.HostGivenUp reason) {
        state.givenUp = reason;
        List<R> dropped = new ArrayList<>(state.queue);
        state.queue.clear();
        if (state.inReady) {
            ready.remove(state);
            state.inReady = false;
        }
        return new Skip<>(reason, dropped);
    }

    /** The connection of a request on the host is closed: its slot is free for the next request. */
    synchronized void closed(String host) {
        Host<R> state = known(host);
        if (state.inFlight == 0) {
            throw new IllegalStateException("A connection to " + host + " closed with no request in flight");
        }
        state.inFlight--;
        inFlight--;
        makeReady(state);
    }

    private Host<R> known(String host) {
        Host<R> state = hosts.get(host);
        if (state == null) {
            throw new IllegalStateException("No request was offered for " + host);
        }
        return state;
    }

    private void makeReady(Host<R> host) {
        if (!host.inReady && !host.queue.isEmpty() && host.inFlight < perHost) {
            ready.add(host);
            host.inReady = true;
        }
    }

    /** How a request ended, as far as the skip rules care. */
    enum RequestEnd {
        /** Any answer, whatever its status. */
        ANSWERED(null),
        /** The connection was refused: nothing listens on the port, or the network said so. */
        REFUSED("connection refused"),
        /** The connection was closed or reset before an answer. */
        RESET("connection closed or reset"),
        /** No answer within the deadline. */
        TIMED_OUT("timed out"),
        /** No answer, for another reason: TLS, a name that did not resolve, a refused address, a bad answer. */
        FAILED(null);

        /** For the ends that count towards the dead-host rule, how they failed in a few words; else null. */
        private final String unanswered;

        RequestEnd(String unanswered) {
            this.unanswered = unanswered;
        }

        /** The end of a request that failed so, or that was answered when {@code failure} is null. */
        static RequestEnd of(ProbeFailure failure) {
            if (failure == null) {
                return ANSWERED;
            }
            if (failure instanceof ProbeFailure.Timeout) {
                return TIMED_OUT;
            }
            if (failure instanceof ProbeFailure.ConnectionRefused) {
                return REFUSED;
            }
            if (failure instanceof ProbeFailure.ConnectionClosed) {
                return RESET;
            }
            return FAILED;
        }

        /**
         * The end of a request pinned to one address family: its failure says that family fails, not that
         * the host is dead or slow, so it never counts towards either skip rule.
         */
        static RequestEnd ofPinned(ProbeFailure failure) {
            return failure == null ? ANSWERED : FAILED;
        }
    }

    /** A host just given up: why, and the requests that were waiting for it and will not be sent. */
    record Skip<R>(ProbeFailure.HostGivenUp reason, List<R> dropped) {
    }

    /** One host's queue and counters, for this round. */
    private static final class Host<R> {
        final Deque<R> queue = new ArrayDeque<>();
        int inFlight;
        long requests;
        long timeouts;
        /** Requests that failed without an answer before any request ended otherwise. */
        int unanswered;
        /** A request ended otherwise than unanswered first: the dead-host rule no longer applies. */
        boolean reached;
        boolean inReady;
        ProbeFailure.HostGivenUp givenUp;
    }
}
