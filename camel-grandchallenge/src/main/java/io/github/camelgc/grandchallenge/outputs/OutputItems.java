package io.github.camelgc.grandchallenge.outputs;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.client.GrandChallengeException;
import io.github.camelgc.grandchallenge.client.Json;
import io.github.camelgc.grandchallenge.model.ApiUrls;
import io.github.camelgc.grandchallenge.model.Image;
import io.github.camelgc.grandchallenge.model.ImageFile;
import io.github.camelgc.grandchallenge.model.Job;
import io.github.camelgc.grandchallenge.model.Socket;
import io.github.camelgc.grandchallenge.model.SocketValue;

/** Lists the downloadable items of a job's outputs or of an image, branching on super kind. */
public final class OutputItems {

    private OutputItems() {
    }

    /** Every output of a job: image files of {@code imageType}, socket-value files, and JSON values. */
    public static List<OutputItem> ofJob(GrandChallengeClient client, Job job, String imageType) {
        List<OutputItem> items = new ArrayList<>();
        for (SocketValue output : job.outputs()) {
            Socket socket = output.socket() != null ? output.socket() : Socket.ofSlug("unknown");
            if (output.image() != null) {
                items.addAll(ofImage(client, client.image(output.image()), imageType, socket));
            } else if (output.file() != null) {
                String url = output.file();
                items.add(new OutputItem(socket.getSlug(), socket.getKind(), socket.getSuperKind(), null,
                        FileNames.sanitize(ApiUrls.lastSegment(url)), () -> client.openMedia(url)));
            } else {
                items.add(new OutputItem(socket.getSlug(), socket.getKind(), socket.getSuperKind(), null,
                        FileNames.sanitize(socket.getSlug() + ".json"), OutputItem.inline(json(output))));
            }
        }
        return items;
    }

    /**
     * The files of an image of the first requested type it has ({@code MHD} gives the {@code .mha}, or the
     * {@code .mhd} with its data file; {@code MHD,TIFF} takes TIFF files for an image that has no MHD file).
     *
     * @param imageTypes comma-separated image types in order of preference, or {@code null} for every file
     * @param socket     the output socket the image belongs to, or {@code null}
     */
    public static List<OutputItem> ofImage(GrandChallengeClient client, Image image, String imageTypes, Socket socket) {
        List<ImageFile> files = image.files();
        if (imageTypes != null && !imageTypes.isBlank()) {
            files = List.of();
            for (String type : imageTypes.split(",")) {
                files = image.files().stream().filter(f -> type.trim().equalsIgnoreCase(f.imageType())).toList();
                if (!files.isEmpty()) {
                    break;
                }
            }
        }
        if (files.isEmpty()) {
            throw new GrandChallengeException("Image " + image.pk() + " (" + FileNames.sanitize(image.name())
                                              + ") has no file of type " + imageTypes + "; available types: "
                                              + image.files().stream().map(ImageFile::imageType).distinct()
                                                      .collect(Collectors.joining(", ")));
        }
        List<OutputItem> items = new ArrayList<>();
        for (ImageFile file : files) {
            String url = file.file();
            items.add(new OutputItem(socket == null ? null : socket.getSlug(), socket == null ? null : socket.getKind(),
                    socket == null ? null : socket.getSuperKind(), image.pk(), FileNames.sanitize(ApiUrls.lastSegment(url)),
                    () -> client.openMedia(url)));
        }
        return items;
    }

    private static String json(SocketValue output) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(output.value());
        } catch (JsonProcessingException e) {
            throw new GrandChallengeException("Cannot render the value of output " + output.slug(), e);
        }
    }
}
