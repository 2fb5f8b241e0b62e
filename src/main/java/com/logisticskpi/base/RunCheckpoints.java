package com.logisticskpi.base;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/** Tells the {@link RunCheckpoint} observers on the class path (none in a product install) that a point was reached. */
public final class RunCheckpoints {

    private static final List<RunCheckpoint> OBSERVERS = ServiceLoader.load(RunCheckpoint.class).stream()
            .map(ServiceLoader.Provider::get).toList();

    private RunCheckpoints() {
    }

    public static void reached(String step, int call, Path dataDir) {
        for (RunCheckpoint observer : OBSERVERS) {
            observer.reached(step, call, dataDir);
        }
    }
}
