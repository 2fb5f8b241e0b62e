package com.logisticskpi.base;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one kind of feature event (a file loaded, a chunk of orders built, a sheet written), registered for
 * as long as someone wants them: {@code try (var r = listeners.add(l)) { ... }}. Safe from any thread; a listener that
 * throws is logged and left out of that event — a progress display never fails the work it watches.
 */
public final class Listeners<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<T> all = new CopyOnWriteArrayList<>();

    /** Closing the registration removes the listener. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    public Registration add(T listener) {
        all.add(listener);
        return () -> all.remove(listener);
    }

    public void fire(Consumer<T> event) {
        for (T l : all) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("listener {} failed: {}", l, e.toString(), e);
            }
        }
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }
}
