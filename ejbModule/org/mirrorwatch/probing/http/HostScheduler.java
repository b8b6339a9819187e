package org.mirrorwatch.probing.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which waiting request may start, and when a host is skipped. It only counts: the caller sends
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

    /** Queues a request for the host, or refuses it because the host is skipped. */
    synchronized Optional<ProbeFailure.HostSkipped> offer(String host, R request) {
        Host<R> state = hosts.computeIfAbsent(host, name -> new Host<>());
        if (state.skipped != null) {
            return Optional.of(state.skipped);
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
     * @return when this timeout made the host skipped, the reason and the waiting requests it dropped
     */
    synchronized Optional<Skip<R>> ended(String host, RequestEnd end) {
        Host<R> state = known(host);
        if (end != RequestEnd.TIMED_OUT) {
            return Optional.empty();
        }
        state.timeouts++;
        if (state.skipped != null || state.requests < ProbeLimits.MIN_REQUESTS_TO_JUDGE_HOST
                || state.requests >= (long) ProbeLimits.MIN_REQUESTS_PER_TIMEOUT * state.timeouts) {
            return Optional.empty();
        }
        state.skipped = new ProbeFailure.HostSkipped(host, state.timeouts, state.requests);
        List<R> dropped = new ArrayList<>(state.queue);
        state.queue.clear();
        if (state.inReady) {
            ready.remove(state);
            state.inReady = false;
        }
        return Optional.of(new Skip<>(state.skipped, dropped));
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

    /** How a request ended, as far as the skip rule cares. */
    enum RequestEnd {
        /** Any answer, whatever its status. */
        ANSWERED,
        /** No answer, for a reason other than the deadline. */
        FAILED,
        /** No answer within the deadline. */
        TIMED_OUT
    }

    /** A host just skipped: why, and the requests that were waiting for it and will not be sent. */
    record Skip<R>(ProbeFailure.HostSkipped reason, List<R> dropped) {
    }

    /** One host's queue and counters, for this round. */
    private static final class Host<R> {
        final Deque<R> queue = new ArrayDeque<>();
        int inFlight;
        long requests;
        long timeouts;
        boolean inReady;
        ProbeFailure.HostSkipped skipped;
    }
}
