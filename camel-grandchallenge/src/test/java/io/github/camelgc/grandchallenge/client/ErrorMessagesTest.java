package io.github.camelgc.grandchallenge.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorMessagesTest {

    @Test
    void flattensDetailFieldAndNestedInputErrors() throws Exception {
        var body = Json.mapper().readTree("""
                {"inputs": [{}, {"interface": ["Object with slug=x does not exist."]}],
                 "non_field_errors": ["You have too many active jobs, please try again after they have completed"]}
                """);
        assertThat(ErrorMessages.from(body)).containsExactly(
                "inputs: interface: Object with slug=x does not exist.",
                "You have too many active jobs, please try again after they have completed");
        assertThat(ErrorMessages.from(Json.mapper().readTree("{\"detail\": \"Invalid token.\"}")))
                .containsExactly("Invalid token.");
        assertThat(ErrorMessages.from(Json.mapper().readTree("[\"Values can only be added via update\"]")))
                .containsExactly("Values can only be added via update");
    }
}
