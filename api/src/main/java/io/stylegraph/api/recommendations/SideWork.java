package io.stylegraph.api.recommendations;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One side of a request's work, offered to another thread while the request's own thread does the other side, and
 * done by whichever of the two comes to it first: {@link #join} does it on the calling thread when no other thread
 * has started it (the executor busy with other requests' sides, or refusing it), and otherwise waits for the thread
 * that did. At one request at a time the two sides of a blend run side by side on two cores; under load nothing
 * waits in the executor's queue longer than the request would have taken to do the work itself.
 */
final class SideWork<T> implements Runnable {
    private final Supplier<T> work;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private SideWork(Supplier<T> work) {
        this.work = work;
    }

    /** Offers {@code work} to {@code executor} (null: none, {@link #join} does it). */
    static <T> SideWork<T> offer(Supplier<T> work, Executor executor) {
        SideWork<T> side = new SideWork<>(work);
        if (executor != null) {
            try {
                executor.execute(side);
            } catch (RejectedExecutionException busy) {
                // join does it
            }
        }
        return side;
    }

    @Override
    public void run() {
        if (claimed.compareAndSet(false, true)) {
            complete();
        }
    }

    private void complete() {
        try {
            result.complete(work.get());
        } catch (Throwable failure) {
            result.completeExceptionally(failure);
        }
    }

    /** The work's result: done here if no other thread has started it, else awaited; its failure is rethrown. */
    T join() {
        run();
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
