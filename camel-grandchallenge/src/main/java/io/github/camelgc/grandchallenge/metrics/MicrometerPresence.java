package io.github.camelgc.grandchallenge.metrics;

/** Whether Micrometer is on the classpath (an optional dependency of the component), decided once. */
final class MicrometerPresence {

    static final boolean PRESENT = present("io.micrometer.core.instrument.MeterRegistry");

    private MicrometerPresence() {
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, MicrometerPresence.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
