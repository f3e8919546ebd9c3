package io.github.camelgc.emulator.state;

import io.github.camelgc.emulator.model.ArchiveItem;
import io.github.camelgc.emulator.model.Image;
import io.github.camelgc.emulator.model.Job;
import io.github.camelgc.emulator.model.SocketValue;
import io.github.camelgc.emulator.model.User;
import java.util.List;

/** Who may see what (spec §2.3), derived from the state rather than stored per object. */
public final class Visibility {

    private final EmulatorState state;

    public Visibility(EmulatorState state) {
        this.state = state;
    }

    /** Jobs are visible to their creator only (the emulator has no public jobs). */
    public boolean canView(User user, Job job) {
        return user != null && job.creatorId() == user.id();
    }

    /** Images: their uploader, viewers of jobs that use them, viewers of archives that hold them. */
    public boolean canView(User user, Image image) {
        if (user != null && image.creatorId() == user.id()) {
            return true;
        }
        for (Job job : state.jobs()) {
            if (canView(user, job) && (uses(job.inputs(), image) || uses(job.outputs(), image))) {
                return true;
            }
        }
        for (ArchiveItem item : state.archiveItems()) {
            if (item.archive().canView(user) && uses(item.values(), image)) {
                return true;
            }
        }
        return false;
    }

    private static boolean uses(List<SocketValue> values, Image image) {
        return values.stream().anyMatch(v -> image.pk().equals(v.imagePk()));
    }
}
