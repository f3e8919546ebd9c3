package io.github.camelgc.grandchallenge;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Captures log events in memory (log4j2) while it is open, without printing them, and restores the configuration on
 * {@link #close()}.
 */
public final class LogCapture implements AutoCloseable {

    private final StringWriter text = new StringWriter();
    private final WriterAppender appender;
    private final LoggerContext loggers = (LoggerContext) LogManager.getContext(false);
    private final List<String> added = new ArrayList<>();
    private final Map<LoggerConfig, Level> levels = new HashMap<>();
    private final Map<LoggerConfig, Map<String, Appender>> detached = new HashMap<>();

    private LogCapture() {
        appender = WriterAppender.newBuilder().setName("capture-" + System.identityHashCode(this)).setTarget(text)
                .setLayout(PatternLayout.newBuilder().withPattern("%c %p %m %throwable%n").build()).build();
        appender.start();
        loggers.getConfiguration().addAppender(appender);
    }

    /** Captures these loggers (and their children) at {@code level}; their events no longer reach the console. */
    public static LogCapture of(Level level, String... names) {
        LogCapture capture = new LogCapture();
        Configuration configuration = capture.loggers.getConfiguration();
        for (String name : names) {
            LoggerConfig logger = new LoggerConfig(name, level, false);
            logger.addAppender(capture.appender, level, null);
            configuration.addLogger(name, logger);
            capture.added.add(name);
        }
        capture.loggers.updateLoggers();
        return capture;
    }

    /**
     * Captures every logger at {@code level}: the root and each configured logger, except {@code excluded} ones
     * (kept at WARN and not captured). Nothing of it reaches the console.
     */
    public static LogCapture everything(Level level, String... excluded) {
        LogCapture capture = new LogCapture();
        Configuration configuration = capture.loggers.getConfiguration();
        for (LoggerConfig logger : new ArrayList<>(configuration.getLoggers().values())) {
            capture.levels.put(logger, logger.getLevel());
            capture.detached.put(logger, new HashMap<>(logger.getAppenders()));
            logger.getAppenders().keySet().forEach(logger::removeAppender);
            logger.setLevel(level);
            logger.addAppender(capture.appender, level, null);
        }
        LoggerConfig root = configuration.getRootLogger();
        if (!capture.levels.containsKey(root)) {
            capture.levels.put(root, root.getLevel());
            capture.detached.put(root, new HashMap<>(root.getAppenders()));
            root.getAppenders().keySet().forEach(root::removeAppender);
            root.setLevel(level);
            root.addAppender(capture.appender, level, null);
        }
        for (String name : excluded) {
            configuration.addLogger(name, new LoggerConfig(name, Level.WARN, false));
            capture.added.add(name);
        }
        capture.loggers.updateLoggers();
        return capture;
    }

    /** Everything captured so far, one event per line: logger, level, message, stack trace. */
    public String text() {
        return text.toString();
    }

    @Override
    public void close() {
        Configuration configuration = loggers.getConfiguration();
        added.forEach(configuration::removeLogger);
        levels.forEach((logger, level) -> {
            logger.removeAppender(appender.getName());
            logger.setLevel(level);
            detached.get(logger).values().forEach(a -> logger.addAppender(a, null, null));
        });
        loggers.updateLoggers();
        appender.stop();
    }
}
