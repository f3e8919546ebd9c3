package io.github.camelgc.emulator.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The built-in algorithms by the name a fixture's {@code builtin} field uses. */
public final class BuiltInAlgorithms {

    private final Map<String, BuiltInAlgorithm> byName = new ConcurrentHashMap<>();

    /** The emulator's algorithms: lobes, screenshot, registration, lung volume and the test algorithms. */
    public static BuiltInAlgorithms defaults() {
        BuiltInAlgorithms all = new BuiltInAlgorithms();
        LungVolume lungVolume = new LungVolume();
        all.register("lung-volume", lungVolume);
        all.register("lobe-segmentation", ImageAlgorithms.lobes("generic-medical-image", false));
        all.register("lobe-segmentation-with-screenshot", ImageAlgorithms.lobes("ct-image", true));
        all.register("centroid-registration", ImageAlgorithms.registration());
        all.register("fail", run -> {
            throw new AlgorithmFailure("this test algorithm always fails");
        });
        all.register("never-finish", new BuiltInAlgorithm() {
            @Override
            public void run(AlgorithmRun run) {
                // never called: executionTime is null
            }

            @Override
            public java.time.Duration executionTime(java.time.Duration stepDelay) {
                return null;
            }
        });
        all.register("slow", new BuiltInAlgorithm() {
            @Override
            public void run(AlgorithmRun run) throws Exception {
                lungVolume.run(run);
            }

            @Override
            public java.time.Duration executionTime(java.time.Duration stepDelay) {
                java.time.Duration slow = stepDelay.multipliedBy(20);
                return slow.compareTo(java.time.Duration.ofSeconds(2)) < 0 ? java.time.Duration.ofSeconds(2) : slow;
            }
        });
        return all;
    }

    public BuiltInAlgorithms register(String name, BuiltInAlgorithm algorithm) {
        byName.put(name, algorithm);
        return this;
    }

    /** The algorithm of this name; an unknown name fails the job when it runs. */
    public BuiltInAlgorithm get(String name) {
        BuiltInAlgorithm algorithm = name == null ? null : byName.get(name);
        if (algorithm == null) {
            return run -> {
                throw new AlgorithmFailure("no built-in algorithm named '" + name + "'; known: " + byName.keySet());
            };
        }
        return algorithm;
    }
}
