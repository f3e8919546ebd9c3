package io.github.camelgc.grandchallenge.inputs;

import io.github.camelgc.grandchallenge.client.GrandChallengeException;

/** The inputs given for a job or archive item are invalid; nothing was uploaded or submitted. */
public class GrandChallengeInputException extends GrandChallengeException {

    private static final long serialVersionUID = 1L;

    public GrandChallengeInputException(String message) {
        super(message);
    }

    public GrandChallengeInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
