/**
 * Durable state behind Camel's SPIs: every store the component keeps (consumer positions, what a consumer emitted,
 * submissions in flight) is an {@link org.apache.camel.spi.StateRepository} or an
 * {@link org.apache.camel.spi.IdempotentRepository} that users can replace with their own (e.g. JDBC) through an
 * endpoint option. {@link io.github.camelgc.grandchallenge.state.StateStores} makes the file-based defaults;
 * {@link io.github.camelgc.grandchallenge.state.JsonState} is the one place that reads and writes state values.
 */
package io.github.camelgc.grandchallenge.state;
