package com.logisticskpi.jobs.progress;

import com.logisticskpi.base.Listeners;
import com.logisticskpi.kpi.engine.KpiEngine;
import com.logisticskpi.kpi.engine.OutcomeListener;

/**
 * The outcomes phase of a KPI run: candidate <b>orders</b> built of the run's candidate orders (known once the prepare
 * step selected them; {@link KpiEngine#prepare}), chunk by chunk, rate in orders/s, ETA from orders. It opens when the
 * candidates are selected (or at the first chunk, total unknown, when the run was prepared by an earlier process) and
 * ends with exactly the run's candidate orders. Fed by {@link KpiEngine}'s listener, whichever step builds them.
 */
public final class OutcomeProgress implements OutcomeListener, AutoCloseable {

    private final ProgressReporter reporter;
    private final String name;
    private final Listeners.Registration registration;
    private final boolean framed;
    private ProgressReporter.Phase phase;
    private ProgressReporter.Phase around;
    private long candidates;

    private OutcomeProgress(ProgressReporter reporter, String name, KpiEngine engine, long candidates, boolean framed) {
        this.reporter = reporter;
        this.name = name;
        this.candidates = candidates;
        this.framed = framed;
        this.registration = engine.listen(this);
    }

    /**
     * For a command that runs a whole KPI run ({@code recompute}, {@code report}): also the time before the outcomes
     * ({@code prepare}: segments and candidates) and after them ({@code figures}), phases that count nothing.
     */
    public static OutcomeProgress openFramed(ProgressReporter reporter, KpiEngine engine) {
        OutcomeProgress p = new OutcomeProgress(reporter, "outcomes", engine, 0, true);
        p.around = reporter.start("prepare");
        return p;
    }

    /** Listens to {@code engine} until closed; the phase opens with the candidates (or now, when they are known). */
    public static OutcomeProgress open(ProgressReporter reporter, String name, KpiEngine engine, long knownCandidates) {
        OutcomeProgress p = new OutcomeProgress(reporter, name, engine, knownCandidates, false);
        if (knownCandidates > 0) {
            p.phase();
        }
        return p;
    }

    /** The phase (opened now when it is not yet). */
    public synchronized ProgressReporter.Phase phase() {
        if (phase == null) {
            endAround();
            phase = reporter.start(name, "orders", candidates);
        }
        return phase;
    }

    /** The candidate orders of the run, 0 before they are known. */
    public synchronized long candidates() {
        return candidates;
    }

    @Override
    public synchronized void candidatesSelected(long runId, long selected) {
        candidates = selected;
        if (phase != null) {
            phase.total(selected);
        } else if (framed) {
            phase(); // the prepare phase ends here
        }
    }

    /** Ends the phase once every candidate is built (the figures step after it is no part of it). */
    @Override
    public void candidatesBuilt(long runId, long built) {
        ProgressReporter.Phase p = phase();
        p.advance(built);
        synchronized (this) {
            if (candidates > 0 && p.units() >= candidates && around == null) {
                p.done();
                if (framed) {
                    around = reporter.start("figures");
                }
            }
        }
    }

    private void endAround() {
        if (around != null) {
            around.done();
            around = null;
        }
    }

    /** Stops listening and ends the phase (when it opened). */
    @Override
    public synchronized void close() {
        registration.close();
        if (phase != null) {
            phase.done();
        }
        endAround();
    }
}
