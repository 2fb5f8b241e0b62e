package com.logisticskpi.jobs;

import java.nio.file.Path;
import java.time.LocalDate;

/** Child-process helper for {@link FileRunLockTests}: takes the lock, says HELD, then waits to be killed. */
public final class RunLockHolder {

    private RunLockHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        RunLock.Held held = new FileRunLock(Path.of(args[0])).acquire(args[1], LocalDate.parse(args[2]));
        System.out.println("HELD " + held.description());
        System.out.flush();
        Thread.sleep(120_000);                 // the test kills us long before this
        held.close();
    }
}
