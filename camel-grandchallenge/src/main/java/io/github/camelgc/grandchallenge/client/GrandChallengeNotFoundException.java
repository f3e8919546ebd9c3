package io.github.camelgc.grandchallenge.client;

/** A looked-up object (algorithm, archive, socket) does not exist or is not visible with the token. */
public class GrandChallengeNotFoundException extends GrandChallengeException {

    private static final long serialVersionUID = 1L;

    public GrandChallengeNotFoundException(String message) {
        super(message);
    }
}
