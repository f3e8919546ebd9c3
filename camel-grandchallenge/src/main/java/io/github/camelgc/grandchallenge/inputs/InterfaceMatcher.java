package io.github.camelgc.grandchallenge.inputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.github.camelgc.grandchallenge.model.Algorithm;
import io.github.camelgc.grandchallenge.model.AlgorithmInterface;
import io.github.camelgc.grandchallenge.model.Socket;

/**
 * Client-side version of the platform's rule that a job's input set must equal exactly the inputs of one interface
 * (spec §9.5 item 10), with the platform's own wording, so mistakes surface before any upload.
 */
public final class InterfaceMatcher {

    private InterfaceMatcher() {
    }

    /**
     * Returns the interface whose inputs are exactly {@code slugs}.
     *
     * @throws GrandChallengeInputException naming unknown sockets and listing the accepted combinations
     */
    public static AlgorithmInterface requireMatch(Algorithm algorithm, Set<String> slugs) {
        List<AlgorithmInterface> interfaces = algorithm.effectiveInterfaces();
        Set<String> known = algorithm.allInputSockets().keySet();
        Set<String> unknown = new TreeSet<>(slugs);
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new GrandChallengeInputException("Unknown input socket(s) " + quoted(unknown) + " for algorithm '"
                                                   + algorithm.slug() + "'. " + supportedCombinations(interfaces));
        }
        for (AlgorithmInterface candidate : interfaces) {
            Set<String> inputs = candidate.inputs().stream().map(Socket::getSlug).collect(Collectors.toSet());
            if (inputs.equals(slugs)) {
                return candidate;
            }
        }
        throw new GrandChallengeInputException(
                "The set of inputs provided (" + quoted(new TreeSet<>(slugs)) + ") does not match any of the algorithm's "
                                               + "interfaces. " + supportedCombinations(interfaces));
    }

    /**
     * The socket for a single-input body: the only input of the only single-input interface.
     *
     * @throws GrandChallengeInputException when zero or several single-input interfaces exist
     */
    public static String singleInputSocket(Algorithm algorithm) {
        List<AlgorithmInterface> single = algorithm.effectiveInterfaces().stream()
                .filter(i -> i.inputs().size() == 1).toList();
        if (single.size() == 1) {
            return single.get(0).inputs().get(0).getSlug();
        }
        throw new GrandChallengeInputException("Cannot choose the input socket of algorithm '" + algorithm.slug()
                                               + "' for a single-input body: "
                                               + (single.isEmpty() ? "no interface takes exactly one input"
                                                       : "several interfaces take exactly one input")
                                               + ". Set the 'input' option or send a Map of socket slug to value. "
                                               + supportedCombinations(algorithm.effectiveInterfaces()));
    }

    /** The platform's sentence listing every interface as {@code Interface n: Title (Kind) and ...}. */
    public static String supportedCombinations(List<AlgorithmInterface> interfaces) {
        List<String> rendered = new ArrayList<>();
        for (int i = 0; i < interfaces.size(); i++) {
            List<String> sockets = interfaces.get(i).inputs().stream().map(Socket::describe).toList();
            rendered.add("Interface " + (i + 1) + ": " + joinEnglish(sockets) + " [" + interfaces.get(i).inputs().stream()
                    .map(Socket::getSlug).collect(Collectors.joining(", ")) + "]");
        }
        return "This algorithm supports the following input combinations: " + String.join(" and ", rendered);
    }

    /** "a", "a and b", "a, b, and c" as the platform joins lists. */
    static String joinEnglish(List<String> items) {
        if (items.size() <= 2) {
            return String.join(" and ", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + ", and " + items.get(items.size() - 1);
    }

    private static String quoted(Set<String> slugs) {
        return slugs.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "));
    }
}
