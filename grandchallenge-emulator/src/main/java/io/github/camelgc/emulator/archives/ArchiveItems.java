package io.github.camelgc.emulator.archives;

import io.github.camelgc.emulator.images.UploadSessions;
import io.github.camelgc.emulator.model.Archive;
import io.github.camelgc.emulator.model.ArchiveItem;
import io.github.camelgc.emulator.model.Image;
import io.github.camelgc.emulator.model.Socket;
import io.github.camelgc.emulator.model.SocketValue;
import io.github.camelgc.emulator.model.UploadSession;
import io.github.camelgc.emulator.model.User;
import io.github.camelgc.emulator.server.ApiError;
import io.github.camelgc.emulator.server.ServerError;
import io.github.camelgc.emulator.state.EmulatorState;
import io.github.camelgc.emulator.state.JsonValues;
import io.github.camelgc.emulator.values.CivTarget;
import io.github.camelgc.emulator.values.LinkedImports;
import io.github.camelgc.emulator.values.ParsedInput;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Archive items ({@code archives/models.py}, {@code archives/serializers.py}, {@code CIVSetPostSerializerMixin} and
 * {@code CIVForObjectMixin} in {@code components/}): titles unique per archive when not blank, values replaced per
 * socket (existing values and images at once, socket values reused; uploads imported in the background, failures
 * leave the item as it was), and the upload-session targets {@code archive} and {@code archive_item}
 * ({@code add_images_to_archive}, {@code add_image_to_object}).
 */
public final class ArchiveItems {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveItems.class);

    private final EmulatorState state;
    private final UploadSessions sessions;
    private final LinkedImports imports;
    private final Executor background;

    public ArchiveItems(EmulatorState state, UploadSessions sessions, LinkedImports imports, Executor background) {
        this.state = state;
        this.sessions = sessions;
        this.imports = imports;
        this.background = background;
    }

    /** A new, empty item. */
    public synchronized ArchiveItem create(Archive archive, String title) {
        checkTitle(archive, title, null);
        ArchiveItem item = new ArchiveItem(EmulatorState.newUuid(), archive, title);
        state.addArchiveItem(item);
        return item;
    }

    /** The {@code UniqueConstraint(fields=["title", "archive"], condition=~Q(title=""))} as DRF validates it. */
    public synchronized void checkTitle(Archive archive, String title, ArchiveItem self) {
        if (!title.isEmpty() && state.archiveItems().stream()
                .anyMatch(i -> i != self && i.archive() == archive && i.title().equals(title))) {
            throw ApiError.nonField("The fields title, archive must make a unique set.");
        }
    }

    /**
     * {@code update}: the title (when given), then each value in order; a full update (PUT) also removes the values
     * of sockets it does not mention.
     */
    public void update(ArchiveItem item, User user, String title, List<ParsedInput> values, boolean full) {
        synchronized (this) {
            if (title != null) {
                checkTitle(item.archive(), title, item);
                item.title(title);
            }
        }
        for (ParsedInput input : values) {
            if (input.source() == ParsedInput.Source.UPLOAD_SESSION && !input.session().claim()) {
                throw new ServerError("Upload session " + input.session().pk() + " is not in PENDING state");
            }
        }
        CivTarget target = target(item);
        for (ParsedInput input : values) {
            Socket socket = input.socket();
            Optional<SocketValue> current = item.values().stream()
                    .filter(v -> v.socket().slug().equals(socket.slug())).findFirst();
            switch (input.source()) {
                case VALUE -> {
                    if (current.isEmpty() || !JsonValues.same(current.get().value(), input.value())) {
                        item.put(state.valueFor(socket, input.value()));
                    }
                }
                case IMAGE -> {
                    if (current.isEmpty() || !input.image().pk().equals(current.get().imagePk())) {
                        item.put(state.imageValueFor(socket, input.image().pk()));
                    }
                }
                case USER_UPLOADS -> {
                    UploadSession session = sessions.create(user, input.uploads());
                    session.claim();
                    ParsedInput withSession = input.withSession(session);
                    background.execute(() -> imports.apply(withSession, target));
                }
                default -> background.execute(() -> imports.apply(input, target));
            }
        }
        if (full) {
            Set<String> kept = new HashSet<>();
            values.forEach(i -> kept.add(i.socket().slug()));
            item.retainSockets(kept);
        }
    }

    /**
     * A session with an archive target ({@code add_images_to_archive}): one new item (untitled) per image, unless an
     * item of the archive already holds the image's socket value. Import failures are the session's plain message.
     */
    public void importIntoArchive(UploadSession session, Archive archive, Socket socket) {
        background.execute(() -> sessions.build(session, null).ifPresent(images -> {
            for (Image image : images) {
                SocketValue value = state.imageValueFor(socket, image.pk());
                boolean held = state.archiveItems().stream()
                        .anyMatch(i -> i.archive() == archive && i.values().contains(value));
                if (!held) {
                    ArchiveItem item = new ArchiveItem(EmulatorState.newUuid(), archive, "");
                    item.put(value);
                    state.addArchiveItem(item);
                }
            }
        }));
    }

    /** A session with an archive-item target: imported, then set as the item's value of {@code socket}. */
    public void importIntoItem(UploadSession session, ArchiveItem item, Socket socket) {
        background.execute(() -> sessions.build(session, null)
                .ifPresent(images -> imports.attach(session, images, socket, target(item))));
    }

    private static CivTarget target(ArchiveItem item) {
        return new CivTarget() {
            @Override
            public boolean put(SocketValue value) {
                item.put(value);
                return true;
            }

            @Override
            public void rejected(Socket socket, String message) {
                // The platform only notifies the user; the item keeps its value.
                LOG.info("Archive item {}: {} not updated: {}", item.pk(), socket.slug(), message);
            }
        };
    }
}
