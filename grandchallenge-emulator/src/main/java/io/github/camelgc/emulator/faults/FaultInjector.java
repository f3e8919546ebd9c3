package io.github.camelgc.emulator.faults;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The active fault rules; the first matching rule with uses left applies to a request. */
public final class FaultInjector {

    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();

    public FaultRule add(FaultRule rule) {
        rules.add(rule);
        return rule;
    }

    public List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    public void clear() {
        rules.clear();
    }

    /** The rule to apply to this request (its use is taken), or {@code null}. */
    public FaultRule claim(String method, String path, String template) {
        for (FaultRule rule : rules) {
            if (rule.matches(method, path, template) && rule.claim()) {
                if (rule.remaining() == 0) {
                    rules.remove(rule);
                }
                return rule;
            }
        }
        return null;
    }
}
