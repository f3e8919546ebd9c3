package io.github.camelgc.app.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseSettingsTest {

    @TempDir
    Path work;

    @Test
    void withoutAUrlTheStateIsTheEmbeddedDatabaseOfTheWorkFolder() {
        DatabaseSettings settings = DatabaseSettings.resolve(Map.of(), work);
        assertThat(settings.embedded()).isTrue();
        assertThat(settings.url()).startsWith("jdbc:h2:file:" + work.toAbsolutePath().resolve("state/grandchallenge"))
                .contains(";WRITE_DELAY=0", ";DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void aUrlFromTheEnvironmentNamesASharedDatabase() {
        DatabaseSettings settings = DatabaseSettings.resolve(Map.of(DatabaseSettings.URL_ENV,
                "jdbc:postgresql://db.example.org:5432/gc", DatabaseSettings.USER_ENV, "gc",
                DatabaseSettings.PASSWORD_ENV, "s3cret"), work);
        assertThat(settings.embedded()).isFalse();
        assertThat(settings.user()).isEqualTo("gc");
        assertThat(settings.password()).isEqualTo("s3cret");
        assertThat(settings.toString()).doesNotContain("s3cret").contains("password=***");
    }

    @Test
    void anH2FileUrlIsSingleProcessAnH2ServerUrlIsShared() {
        assertThat(DatabaseSettings.of("jdbc:h2:file:/data/gc", null, null).embedded()).isTrue();
        assertThat(DatabaseSettings.of("jdbc:h2:/data/gc", null, null).embedded()).isTrue();
        assertThat(DatabaseSettings.of("jdbc:h2:tcp://db/gc", null, null).embedded()).isFalse();
    }

    @Test
    void messagesNameTheDatabaseWithoutCredentials() {
        assertThat(DatabaseSettings.of("jdbc:postgresql://gc:s3cret@db:5432/gc?password=s3cret&ssl=true", null, null)
                .describe()).isEqualTo("jdbc:postgresql://db:5432/gc");
        assertThat(DatabaseSettings.of("jdbc:h2:file:/data/gc;PASSWORD=s3cret", null, null).describe())
                .isEqualTo("jdbc:h2:file:/data/gc");
    }
}
