package io.github.camelgc.grandchallenge.inputs;

import java.util.List;
import java.util.Set;

import io.github.camelgc.grandchallenge.model.Algorithm;
import io.github.camelgc.grandchallenge.model.AlgorithmInterface;
import io.github.camelgc.grandchallenge.model.Socket;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InterfaceMatcherTest {

    private static final Socket CT = Socket.of("ct-image", "CT Image", "Image", "Image");
    private static final Socket MASK = Socket.of("lung-mask", "Lung Mask", "Segmentation", "Image");
    private static final Socket AGE = Socket.of("age", "Age", "Integer", "Value");

    private static Algorithm algorithm(List<AlgorithmInterface> interfaces) {
        return new Algorithm("pk", "lungs", "Lungs", "https://x/api/v1/algorithms/pk/", null, null, null, interfaces,
                null, null);
    }

    private final Algorithm twoInterfaces = algorithm(List.of(
            new AlgorithmInterface(List.of(CT, MASK), List.of()),
            new AlgorithmInterface(List.of(CT), List.of())));

    @Test
    void matchesExactlyOneInterface() {
        assertThat(InterfaceMatcher.requireMatch(twoInterfaces, Set.of("ct-image")).inputs()).containsExactly(CT);
        assertThat(InterfaceMatcher.requireMatch(twoInterfaces, Set.of("ct-image", "lung-mask")).inputs())
                .containsExactly(CT, MASK);
    }

    @Test
    void rejectsMissingOrExtraSocketsWithThePlatformsWording() {
        assertThatThrownBy(() -> InterfaceMatcher.requireMatch(twoInterfaces, Set.of("lung-mask")))
                .isInstanceOf(GrandChallengeInputException.class)
                .hasMessageContaining("does not match any of the algorithm's interfaces")
                .hasMessageContaining("This algorithm supports the following input combinations: "
                                      + "Interface 1: CT Image (Image) and Lung Mask (Segmentation)")
                .hasMessageContaining("and Interface 2: CT Image (Image)");
    }

    @Test
    void namesUnknownSockets() {
        assertThatThrownBy(() -> InterfaceMatcher.requireMatch(twoInterfaces, Set.of("ct-image", "nope")))
                .isInstanceOf(GrandChallengeInputException.class)
                .hasMessageStartingWith("Unknown input socket(s) 'nope' for algorithm 'lungs'");
    }

    @Test
    void choosesTheSingleInputSocketOnlyWhenUnambiguous() {
        assertThat(InterfaceMatcher.singleInputSocket(twoInterfaces)).isEqualTo("ct-image");
        Algorithm ambiguous = algorithm(List.of(new AlgorithmInterface(List.of(CT), List.of()),
                new AlgorithmInterface(List.of(AGE), List.of())));
        assertThatThrownBy(() -> InterfaceMatcher.singleInputSocket(ambiguous))
                .hasMessageContaining("several interfaces take exactly one input")
                .hasMessageContaining("Set the 'input' option");
    }

    @Test
    void joinsLongListsLikeThePlatform() {
        assertThat(InterfaceMatcher.joinEnglish(List.of("a", "b", "c"))).isEqualTo("a, b, and c");
        assertThat(InterfaceMatcher.joinEnglish(List.of("a", "b"))).isEqualTo("a and b");
    }
}
