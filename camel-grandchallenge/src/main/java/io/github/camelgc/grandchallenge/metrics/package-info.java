/**
 * What the component measures: {@link io.github.camelgc.grandchallenge.metrics.ComponentMetrics} is what the
 * producers, consumers and the client report; {@link io.github.camelgc.grandchallenge.metrics.MicrometerMetrics}
 * records it as Micrometer meters (and owns their names) when the Camel registry holds a {@code MeterRegistry};
 * otherwise nothing is recorded. Micrometer is an optional dependency: without it on the classpath, the component
 * never loads a Micrometer class.
 */
package io.github.camelgc.grandchallenge.metrics;
