package io.github.camelgc.emulator.api;

import io.github.camelgc.emulator.model.ArchiveItem;
import io.github.camelgc.emulator.model.Image;
import io.github.camelgc.emulator.model.ImageFile;
import io.github.camelgc.emulator.model.Job;
import io.github.camelgc.emulator.model.SocketValue;
import io.github.camelgc.emulator.model.User;
import io.github.camelgc.emulator.server.ApiCall;
import io.github.camelgc.emulator.server.Reply;
import io.github.camelgc.emulator.server.Router;
import java.nio.charset.StandardCharsets;

/**
 * {@code /media/}: checks the caller's permission (an invalid token silently counts as anonymous here)
 * and answers 302 to a signed storage URL that needs no token, as the platform does with S3 (spec §8.4).
 */
public final class MediaApi {

    private final ApiContext ctx;

    public MediaApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    public void register(Router router) {
        router.get("/media/images/{aa}/{bb}/{image}/{file}/{name}", this::imageFile);
        router.get("/media/components/componentinterfacevalue/{h1}/{h2}/{pk}/{name}", this::socketValueFile);
    }

    private Reply imageFile(ApiCall call) {
        Image image = ctx.state().image(call.param("image")).orElse(null);
        ImageFile file = image == null ? null : image.files().stream()
                .filter(f -> f.pk().equals(call.param("file")) && f.filename().equals(call.param("name")))
                .findFirst().orElse(null);
        if (file == null) {
            return page(404, "Not Found");
        }
        if (!ctx.visibility().canView(call.user().orElse(null), image)) {
            return page(403, "Forbidden");
        }
        return Reply.redirect(call.url(ctx.backend().uploads().objectPath(file.blob())));
    }

    private Reply socketValueFile(ApiCall call) {
        SocketValue value;
        try {
            value = ctx.state().socketValue(Long.parseLong(call.param("pk"))).orElse(null);
        } catch (NumberFormatException e) {
            value = null;
        }
        User user = call.user().orElse(null);
        if (value == null || value.file() == null || !value.filename().equals(call.param("name"))
                || !canView(user, value)) {
            return page(404, "Not Found");
        }
        return Reply.redirect(call.url(ctx.backend().uploads().objectPath(value.file())));
    }

    private boolean canView(User user, SocketValue value) {
        for (Job job : ctx.state().jobs()) {
            if (ctx.visibility().canView(user, job)
                    && (job.inputs().contains(value) || job.outputs().contains(value))) {
                return true;
            }
        }
        for (ArchiveItem item : ctx.state().archiveItems()) {
            if (item.archive().canView(user) && item.values().contains(value)) {
                return true;
            }
        }
        return false;
    }

    /** Django's HTML error pages: {@code /media/} is not part of the JSON API. */
    private static Reply page(int status, String title) {
        byte[] html = ("<h1>" + title + "</h1>").getBytes(StandardCharsets.UTF_8);
        return Reply.stream(status, "text/html", html.length, out -> out.write(html));
    }
}
