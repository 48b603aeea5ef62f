package io.stylegraph.api.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import io.stylegraph.api.security.TokenIssuer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A client that sends its whole upload before reading (as most HTTP libraries do) must not be left hanging when the
 * upload is over the limit: the service answers 413 and closes the connection.
 */
@MicronautTest(transactional = false)
class OversizedUploadTest extends ApiTestSupport {
    private static final String BOUNDARY = "oversized-upload-boundary";
    /** Over micronaut.server.max-request-size (16 MB). */
    private static final int BODY_BYTES = 30 * 1024 * 1024;
    /** How long the client waits for the answer and then for the end of the connection before it calls it a hang. */
    private static final int READ_TIMEOUT_MILLIS = 15_000;

    @Inject
    EmbeddedServer server;

    @Inject
    TokenIssuer issuer;

    @Test
    void shouldAnswer413AndCloseTheConnectionWhileTheClientIsStillSending() throws Exception {
        String token = issuer.issue("uploader", List.of("admin"), Duration.ofHours(1)).token();
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            Thread sender = new Thread(() -> sendWholeUpload(socket, token), "oversized-upload-sender");
            sender.setDaemon(true);
            sender.start();

            InputStream in = socket.getInputStream();
            String head = readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 413"), head);
            assertTrue(head.toLowerCase().contains("connection: close"), head);
            try {
                while (in.read() != -1) {
                    // the rest of the problem body, then the end of the stream
                }
            } catch (SocketTimeoutException e) {
                fail("The service answered 413 but left the connection open for " + READ_TIMEOUT_MILLIS + " ms");
            } catch (SocketException e) {
                // a reset after the answer also ends the connection
            }
            sender.join(READ_TIMEOUT_MILLIS);
            assertEquals(false, sender.isAlive(), "the client is still blocked sending its upload");
        }
    }

    private static void sendWholeUpload(Socket socket, String token) {
        String partHead = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"big.jpg\""
                + "\r\nContent-Type: image/jpeg\r\n\r\n";
        String partTail = "\r\n--" + BOUNDARY + "--\r\n";
        int payload = BODY_BYTES - partHead.length() - partTail.length();
        String head = "POST /v1/search/image HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: " + BODY_BYTES
                + "\r\n\r\n" + partHead;
        try {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            for (int sent = 0; sent < payload; sent += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, payload - sent));
            }
            out.write(partTail.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // the service closed the connection before the upload was through: what the test wants
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b == -1) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
