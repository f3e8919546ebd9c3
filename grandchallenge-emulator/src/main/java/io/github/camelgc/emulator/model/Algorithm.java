package io.github.camelgc.emulator.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An algorithm and its active container image.
 *
 * @param imagePk pk of the active algorithm image, {@code null} when none is ready
 * @param builtIn name of the built-in algorithm that computes the outputs
 * @param users usernames allowed to view and execute it (besides editors)
 * @param editors usernames who edit it (and so may see its algorithm images)
 */
public record Algorithm(String pk, String slug, String title, String description, List<AlgorithmInterface> interfaces,
        String imagePk, String builtIn, boolean isPublic, Set<String> users, Set<String> editors, Instant created) {

    public boolean canView(User user) {
        return isPublic || canExecute(user);
    }

    public boolean canExecute(User user) {
        return user != null && (users.contains(user.username()) || editors.contains(user.username()));
    }

    public boolean isEditor(User user) {
        return user != null && editors.contains(user.username());
    }
}
