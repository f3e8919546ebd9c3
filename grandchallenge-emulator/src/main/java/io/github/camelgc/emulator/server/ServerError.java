package io.github.camelgc.emulator.server;

/**
 * An exception the platform does not catch (a {@code RuntimeError} in its models, a failure of S3 or boto3), so the
 * client sees Django's 500 page, as it would in production. Logged briefly: it is an expected answer.
 */
public class ServerError extends RuntimeException {

    public ServerError(String message) {
        super(message);
    }
}
