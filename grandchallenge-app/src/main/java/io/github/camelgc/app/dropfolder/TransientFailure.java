package io.github.camelgc.app.dropfolder;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/** Route predicate: whether the exchange's exception is transient (see {@link FailureReasons#isTransient}). */
public class TransientFailure implements Predicate {

    @Override
    public boolean matches(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        return failure != null && FailureReasons.isTransient(failure);
    }
}
