package io.stylegraph.api.tryon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on localhost playing a FASHN-style provider for the job tests: {@code /v1/run} and
 * {@code /v1/status/{id}} answer as the current {@link Behaviour} says.
 */
final class FakeTryOnProvider implements AutoCloseable {
    /** How the provider answers the next requests. */
    interface Behaviour {
        /** Status, Retry-After (null: none), body and delay for a request numbered from 1 within this behaviour. */
        Answer answer(String path, int requestNumber);
    }

    record Answer(int status, String retryAfter, String body, long delayMillis) {
        static Answer ok(String body) {
            return new Answer(200, null, body, 0);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour;
    private volatile int counter;

    FakeTryOnProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    synchronized void behave(Behaviour next) {
        behaviour = next;
        counter = 0;
        requests.clear();
    }

    List<String> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        Answer answer;
        synchronized (this) {
            requests.add(exchange.getRequestMethod() + " " + path);
            answer = behaviour.answer(path, ++counter);
        }
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
        }
        try {
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException e) {
            // the client stopped waiting
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
