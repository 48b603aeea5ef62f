package io.stylegraph.api.tryon;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.stylegraph.api.search.ModelConfiguration;
import io.stylegraph.models.image.ImageDecoder;
import io.stylegraph.models.image.ImageRejectedException;
import io.stylegraph.models.tryon.GarmentKind;
import io.stylegraph.models.tryon.RetryBackoff;
import io.stylegraph.models.tryon.TryOnEngine;
import io.stylegraph.models.tryon.TryOnException;
import io.stylegraph.models.tryon.TryOnImage;
import io.stylegraph.models.tryon.TryOnRequest;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs try-on jobs from PostgreSQL on {@code stylegraph.tryon.workers} threads once the server is up. Each thread
 * claims one due job at a time under a lease longer than an attempt may take, renders it with the configured engine
 * within {@code attempt-timeout}, and records the outcome: done, queued again after a backoff (retryable failures,
 * honouring a provider's Retry-After), or failed (non-retryable, or out of attempts). At start-up jobs whose lease
 * ran out (the previous process stopped mid-job) are queued again; at shutdown running jobs are handed back.
 */
@Singleton
public class TryOnWorker implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(TryOnWorker.class);
    /** Time for loading pictures and storing the result, on top of the attempt itself. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final TryOnStore store;
    private final TryOnEngine engine;
    private final TryOnConfiguration config;
    private final ImageDecoder decoder;
    private final String owner;
    private final Semaphore wakeups = new Semaphore(0);
    private final Map<String, Future<?>> rendering = new ConcurrentHashMap<>();
    private volatile boolean running;
    private ExecutorService loops;
    private ExecutorService renders;

    public TryOnWorker(TryOnStore store, TryOnEngine engine, TryOnConfiguration config, ModelConfiguration models) {
        this.store = store;
        this.engine = engine;
        this.config = config;
        this.decoder = new ImageDecoder(models.imageLimits());
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (config.isWorkerEnabled()) {
            start();
        }
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        try {
            int requeued = store.requeueExpired();
            if (requeued > 0) {
                LOG.info("Try-on: {} jobs left running by a stopped process queued again", requeued);
            }
        } catch (RuntimeException e) {
            // not fatal: claiming takes jobs with expired leases too, once the database answers
            LOG.warn("Try-on: expired leases not re-queued at start-up: {}", e.getMessage());
        }
        int workers = Math.max(1, config.getWorkers());
        loops = Executors.newFixedThreadPool(workers, named("tryon-worker"));
        renders = Executors.newCachedThreadPool(named("tryon-render"));
        for (int i = 0; i < workers; i++) {
            loops.submit(this::loop);
        }
        LOG.info("Try-on worker {} started: {} threads, engine {}", owner, workers, engine.name());
    }

    @PreDestroy
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        loops.shutdownNow();
        renders.shutdownNow();
        try {
            loops.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A job was queued: an idle thread looks at once instead of at its next poll. */
    public void wake() {
        wakeups.release();
    }

    /** Stops this process's render of the job, if it runs here (after a cancel or a deletion). */
    public void interrupt(String jobId) {
        Future<?> future = rendering.get(jobId);
        if (future != null) {
            future.cancel(true);
        }
    }

    private void loop() {
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                Optional<TryOnJob> claimed = store.claim(owner, config.getAttemptTimeout().plus(LEASE_MARGIN));
                if (claimed.isPresent()) {
                    process(claimed.get());
                } else {
                    wakeups.tryAcquire(config.getPollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // the database is away or a job is broken in a way not foreseen: log, wait, carry on
                LOG.warn("Try-on worker: {}", e.toString());
                try {
                    Thread.sleep(config.getPollInterval().toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void process(TryOnJob job) throws InterruptedException {
        if (job.attempts() > config.getMaxAttempts()) {
            store.fail(job.id(), owner, "tryon-attempts-exhausted", "No attempt finished within " + job.attempts()
                    + " tries (a worker stopped during each)");
            LOG.warn("Try-on {} failed: attempts exhausted", job.id());
            return;
        }
        LOG.info("Try-on {} attempt {}/{} started ({} engine, item {})", job.id(), job.attempts(),
                config.getMaxAttempts(), engine.name(), job.itemId());
        TryOnRequest request;
        try {
            request = request(job);
        } catch (TryOnException e) {
            finishFailed(job, e);
            return;
        }
        long started = System.nanoTime();
        Future<TryOnImage> future = renders.submit(() -> engine.render(request));
        rendering.put(job.id(), future);
        try {
            TryOnImage image = future.get(config.getAttemptTimeout().toMillis(), TimeUnit.MILLISECONDS);
            long renderMs = (System.nanoTime() - started) / 1_000_000;
            if (store.complete(job.id(), owner, new TryOnStore.StoredImage(image.bytes(), image.mediaType()),
                    renderMs)) {
                LOG.info("Try-on {} done in {} ms ({} bytes {})", job.id(), renderMs, image.bytes().length,
                        image.mediaType());
            } else {
                LOG.info("Try-on {} finished rendering but was cancelled or deleted meanwhile; result dropped",
                        job.id());
            }
        } catch (TimeoutException e) {
            future.cancel(true);
            finishFailed(job, TryOnException.transientFailure("tryon-timeout", "The " + engine.name()
                    + " engine did not finish within " + config.getAttemptTimeout(), null));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TryOnException failure) {
                finishFailed(job, failure);
            } else {
                LOG.error("Try-on {} engine error", job.id(), e.getCause());
                finishFailed(job, TryOnException.permanent("tryon-engine-error", "The " + engine.name()
                        + " engine failed: " + e.getCause()));
            }
        } catch (java.util.concurrent.CancellationException e) {
            LOG.info("Try-on {} render stopped (cancelled or deleted)", job.id());
        } catch (InterruptedException e) {
            future.cancel(true);
            store.release(job.id(), owner);
            LOG.info("Try-on {} handed back: this process is stopping", job.id());
            throw e;
        } finally {
            rendering.remove(job.id());
        }
    }

    private void finishFailed(TryOnJob job, TryOnException failure) {
        if (failure.retryable() && job.attempts() < config.getMaxAttempts()) {
            Duration wait = new RetryBackoff(config.getRetryBackoff(), config.getMaxRetryWait())
                    .after(job.attempts(), failure.retryAfter());
            if (store.retryLater(job.id(), owner, failure.code(), failure.getMessage(), wait)) {
                LOG.info("Try-on {} attempt {} failed ({}): retry in {} ms", job.id(), job.attempts(), failure.code(),
                        wait.toMillis());
            }
        } else if (store.fail(job.id(), owner, failure.code(), failure.getMessage())) {
            LOG.warn("Try-on {} failed after {} attempts: {} {}", job.id(), job.attempts(), failure.code(),
                    failure.getMessage());
        }
    }

    private TryOnRequest request(TryOnJob job) throws TryOnException {
        TryOnStore.StoredImage person = store.image(job.id(), "person").orElseThrow(() ->
                TryOnException.permanent("tryon-photo-gone", "The person photo of this job is no longer stored"));
        try {
            BufferedImage personImage = decoder.decode(person.bytes()).image();
            BufferedImage garment = decoder.decode(Files.readAllBytes(Path.of(job.garmentImage()))).image();
            GarmentKind kind = GarmentKind.valueOf(job.garmentKind().toUpperCase(Locale.ROOT));
            return new TryOnRequest(personImage, garment, kind, PlacementJson.fromJson(job.placement()));
        } catch (IOException | ImageRejectedException e) {
            throw TryOnException.permanent("no-image", "The product photo " + job.garmentImage()
                    + " cannot be read: " + e.getMessage());
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
