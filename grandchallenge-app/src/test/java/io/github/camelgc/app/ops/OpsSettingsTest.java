package io.github.camelgc.app.ops;

import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operations endpoint's port: 9464 unless set, 0 for a free one, off to disable; loopback unless told. */
class OpsSettingsTest {

    @Test
    void portsAndTheSwitchOff() {
        assertThat(OpsSettings.parsePort(null)).isEqualTo(OptionalInt.of(OpsSettings.DEFAULT_PORT));
        assertThat(OpsSettings.parsePort("0")).isEqualTo(OptionalInt.of(0));
        assertThat(OpsSettings.parsePort(" 8081 ")).isEqualTo(OptionalInt.of(8081));
        assertThat(OpsSettings.parsePort("off")).isEmpty();
        assertThat(OpsSettings.parsePort("OFF")).isEmpty();
        assertThatThrownBy(() -> OpsSettings.parsePort("70000")).hasMessageContaining("grandchallenge.http.port");
        assertThatThrownBy(() -> OpsSettings.parsePort("nine")).hasMessageContaining("'nine'");
    }

    @Test
    void theEnvironmentSetsPortAndHost() {
        OpsSettings settings = OpsSettings.resolve(Map.of(OpsSettings.PORT_ENV, "off", OpsSettings.HOST_ENV, "0.0.0.0"));
        assertThat(settings.port()).isEmpty();
        assertThat(settings.host()).isEqualTo("0.0.0.0");
        assertThat(OpsSettings.resolve(Map.of()).host()).isEqualTo("127.0.0.1");
    }
}
