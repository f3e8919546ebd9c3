package io.github.camelgc.app.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeNamesTest {

    @Test
    void serverNamesCannotLeaveTheFolder() {
        assertThat(SafeNames.segment("../../etc/passwd", "x")).doesNotContain("/").doesNotStartWith(".");
        assertThat(SafeNames.segment("..", "fallback")).isEqualTo("fallback");
        assertThat(SafeNames.segment("scan 1:ct.mha", "x")).isEqualTo("scan_1_ct.mha");
        assertThat(SafeNames.segment(null, "fallback")).isEqualTo("fallback");
    }

    @Test
    void stemDropsImageExtensions() {
        assertThat(SafeNames.stem("coronacase_001.mha")).isEqualTo("coronacase_001");
        assertThat(SafeNames.stem("scan.nii.gz")).isEqualTo("scan");
        assertThat(SafeNames.stem("readme")).isEqualTo("readme");
    }
}
