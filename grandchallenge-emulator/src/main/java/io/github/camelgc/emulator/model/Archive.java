package io.github.camelgc.emulator.model;

import java.time.Instant;
import java.util.Set;

/**
 * An archive of cases.
 *
 * @param uploaders usernames who may view, add and change items
 * @param viewers usernames who may only view
 */
public record Archive(String pk, String slug, String title, String description, boolean isPublic,
        Set<String> uploaders, Set<String> viewers, Instant created) {

    public boolean canView(User user) {
        return isPublic || user != null && (uploaders.contains(user.username()) || viewers.contains(user.username()));
    }

    public boolean canUpload(User user) {
        return user != null && uploaders.contains(user.username());
    }
}
