package io.stylegraph.api.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;

/** The service's logback.xml, configured afresh, in each of its formats (STYLEGRAPH_LOG_FORMAT). */
class LogFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the console receives from {@code logging}, with the service's logback.xml in {@code format}. */
    private static List<String> consoleLines(String format, Consumer<Logger> logging) throws JoranException {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter()); // the one org.slf4j.MDC writes to
        if (format != null) {
            context.putProperty("STYLEGRAPH_LOG_FORMAT", format);
        }
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
            logging.accept(context.getLogger("io.stylegraph.api.training.TrainingService"));
        } finally {
            context.stop();
            System.setOut(console);
        }
        return Arrays.stream(captured.toString(StandardCharsets.UTF_8).split("\n")).filter(l -> !l.isBlank()).toList();
    }

    @Test
    void shouldWriteOneJsonObjectPerLineWithLevelLoggerMessageTimeAndMdc() throws Exception {
        long before = System.currentTimeMillis();
        List<String> lines = consoleLines("json", logger -> {
            MDC.put("requestId", "req-42");
            try {
                logger.info("Training run {} started ({})", 7, "api");
            } finally {
                MDC.remove("requestId");
            }
            logger.warn("Training run 7 failed", new IllegalStateException("graph \"down\"\nfor now"));
            logger.debug("not at INFO");
        });

        assertEquals(2, lines.size(), lines.toString());
        JsonNode info = JSON.readTree(lines.get(0));
        assertEquals("INFO", info.get("level").asText());
        assertEquals("io.stylegraph.api.training.TrainingService", info.get("loggerName").asText());
        assertEquals("Training run 7 started (api)", info.get("formattedMessage").asText());
        long timestamp = info.get("timestamp").asLong();
        assertTrue(timestamp >= before && timestamp <= System.currentTimeMillis(), "timestamp " + timestamp);
        assertEquals("req-42", info.get("mdc").get("requestId").asText());

        JsonNode warning = JSON.readTree(lines.get(1));
        assertEquals("WARN", warning.get("level").asText());
        assertEquals("java.lang.IllegalStateException", warning.get("throwable").get("className").asText());
        assertEquals("graph \"down\"\nfor now", warning.get("throwable").get("message").asText());
        assertTrue(warning.get("mdc").isEmpty(), "MDC values do not outlive their scope");
    }

    @Test
    void shouldWriteTextLinesByDefault() throws Exception {
        assumeTrue(System.getenv("STYLEGRAPH_LOG_FORMAT") == null && System.getProperty("STYLEGRAPH_LOG_FORMAT") == null,
                "the environment chooses a format");

        List<String> lines = consoleLines(null, logger -> logger.info("Training run {} started ({})", 7, "api"));

        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  i\\.s\\.a\\.t\\.TrainingService - "
                + "Training run 7 started \\(api\\)"), lines.get(0));
    }
}
