/**
 * Polling consumers: finished jobs of an algorithm, and new items of an archive. Both are exactly-once across restarts
 * through an {@link org.apache.camel.spi.IdempotentRepository} that records an object only after its exchange
 * completed successfully.
 */
package io.github.camelgc.grandchallenge.consumer;
