package io.github.camelgc.grandchallenge.state;

import java.util.List;

import org.apache.camel.spi.StateRepository;

/**
 * A {@link StateRepository} that can also list the keys it holds under a prefix, for state whose owner must look at
 * every entry now and then (the drop-folder service's open jobs). Camel's SPI has no such query; a store keeps one
 * cheap when its keys are indexed or in memory: {@link FileStateStore} holds them in memory, a database table by its
 * primary key ({@code WHERE state_key LIKE 'prefix%'}).
 */
public interface ListableStateRepository extends StateRepository<String, String> {

    /** The keys that hold a (non-empty) value and start with {@code prefix}, in no particular order. */
    List<String> keys(String prefix);
}
