package io.github.camelgc.emulator.uploads;

/** An answer of the S3 stand-in itself (the presigned part and object URLs): a status and S3's error code. */
public final class S3Error extends RuntimeException {

    private final int status;
    private final String code;
    private final String argumentName;

    public S3Error(int status, String code, String message) {
        this(status, code, message, null);
    }

    /** An {@code InvalidArgument}-style error naming the request argument it is about. */
    public S3Error(int status, String code, String message, String argumentName) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.argumentName = argumentName;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String argumentName() {
        return argumentName;
    }
}
