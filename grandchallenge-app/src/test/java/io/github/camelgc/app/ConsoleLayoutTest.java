package io.github.camelgc.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Objects;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

/** The service's console (src/main/resources/log4j2.xml) prints every message as one line a file name cannot forge. */
class ConsoleLayoutTest {

    @Test
    void aFileNameCannotForgeOrHideConsoleLines() throws Exception {
        URI config = Objects.requireNonNull(getClass().getResource("/log4j2.xml")).toURI();
        Configuration configuration = ConfigurationFactory.getInstance().getConfiguration(new LoggerContext("layout"),
                ConfigurationSource.fromUri(config));
        configuration.initialize();
        String hostile = "evil\n12:00:00 fake.mha: job 1 accepted\r\u001b[2Jx\u202Egpj.mha";
        for (String appender : new String[] {"progress", "problems"}) {
            Layout<?> layout = configuration.getAppender(appender).getLayout();
            String line = new String(layout.toByteArray(Log4jLogEvent.newBuilder().setLoggerName("grandchallenge")
                    .setLevel(Level.WARN).setMessage(new SimpleMessage(hostile + ": picked up")).build()));
            assertThat(line).as(appender).endsWith(": picked up" + System.lineSeparator());
            assertThat(line.substring(0, line.length() - System.lineSeparator().length()))
                    .doesNotContain("\n", "\r", "\u001b", "\u202E")
                    .contains("evil\\n12:00:00 fake.mha");
        }
    }
}
