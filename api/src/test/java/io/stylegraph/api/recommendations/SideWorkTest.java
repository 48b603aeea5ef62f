package io.stylegraph.api.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class SideWorkTest {

    @Test
    void shouldDoTheSideOnAFreeThreadWhileTheCallerWorks() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch started = new CountDownLatch(1);
            AtomicReference<Thread> doer = new AtomicReference<>();
            SideWork<String> side = SideWork.offer(() -> {
                doer.set(Thread.currentThread());
                started.countDown();
                return "content";
            }, executor);
            started.await(10, TimeUnit.SECONDS);

            assertEquals("content", side.join());
            assertNotEquals(Thread.currentThread(), doer.get());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void shouldDoTheSideOnTheCallersThreadWhenNoThreadHasStartedIt() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        try {
            executor.execute(() -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            AtomicInteger runs = new AtomicInteger();
            AtomicReference<Thread> doer = new AtomicReference<>();
            SideWork<Integer> side = SideWork.offer(() -> {
                doer.set(Thread.currentThread());
                return runs.incrementAndGet();
            }, executor);

            // the executor's one thread is busy: the caller does the side itself rather than wait in the queue
            assertEquals(1, side.join());
            assertSame(Thread.currentThread(), doer.get());
            release.countDown();
            executor.shutdown();
            executor.awaitTermination(10, TimeUnit.SECONDS);
            assertEquals(1, runs.get(), "the queued offer finds the side done and does not do it again");
        } finally {
            release.countDown();
            executor.shutdownNow();
        }
    }

    @Test
    void shouldDoTheSideOnTheCallersThreadWithoutAnExecutorOrWhenRefused() {
        assertEquals("inline", SideWork.offer(() -> "inline", null).join());
        assertEquals("refused", SideWork.offer(() -> "refused", task -> {
            throw new RejectedExecutionException("full");
        }).join());
    }

    @Test
    void shouldRethrowTheSidesFailureToTheCaller() {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            SideWork<String> side = SideWork.offer(() -> {
                throw new IllegalStateException("index closed");
            }, executor);

            IllegalStateException thrown = assertThrows(IllegalStateException.class, side::join);
            assertEquals("index closed", thrown.getMessage());
        } finally {
            executor.shutdownNow();
        }
    }
}
