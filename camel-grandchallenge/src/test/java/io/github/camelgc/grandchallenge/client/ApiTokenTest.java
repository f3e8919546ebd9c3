package io.github.camelgc.grandchallenge.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiTokenTest {

    @Test
    void normalisesKeywordsLikeGcapi() {
        assertThat(ApiToken.of("Bearer abc").authorizationHeader()).isEqualTo("Bearer abc");
        assertThat(ApiToken.of("  Token   abc ").authorizationHeader()).isEqualTo("Bearer abc");
        assertThat(ApiToken.of("abc").authorizationHeader()).isEqualTo("Bearer abc");
        assertThat(ApiToken.of("  ")).isNull();
    }

    @Test
    void rejectsMoreThanTwoWordsWithoutEchoingTheValue() {
        assertThatThrownBy(() -> ApiToken.of("a secret-value c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 words")
                .hasMessageNotContaining("secret-value");
    }

    @Test
    void neverRevealsTheTokenInToString() {
        assertThat(ApiToken.of("s3cr3t")).hasToString("ApiToken[****]");
    }
}
