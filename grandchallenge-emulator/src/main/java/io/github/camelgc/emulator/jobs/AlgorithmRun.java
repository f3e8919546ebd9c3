package io.github.camelgc.emulator.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.images.ImageStore;
import io.github.camelgc.emulator.model.Image;
import io.github.camelgc.emulator.model.Job;
import io.github.camelgc.emulator.model.Socket;
import io.github.camelgc.emulator.model.SocketValue;
import io.github.camelgc.emulator.server.Json;
import io.github.camelgc.emulator.state.EmulatorState;
import io.github.camelgc.emulator.storage.BlobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One execution of a built-in algorithm: reads the job's inputs, collects its outputs. */
public final class AlgorithmRun {

    private final Job job;
    private final EmulatorState state;
    private final ImageStore images;
    private final BlobStore blobs;
    private final List<SocketValue> outputs = new ArrayList<>();

    AlgorithmRun(Job job, EmulatorState state, ImageStore images, BlobStore blobs) {
        this.job = job;
        this.state = state;
        this.images = images;
        this.blobs = blobs;
    }

    public Job job() {
        return job;
    }

    private Optional<SocketValue> input(String slug) {
        return job.inputs().stream().filter(v -> v.socket().slug().equals(slug)).findFirst();
    }

    /** The image of an image input. */
    public Image inputImage(String slug) throws AlgorithmFailure {
        SocketValue value = input(slug).orElseThrow(() -> new AlgorithmFailure("input " + slug + " is missing"));
        return state.image(value.imagePk()).orElseThrow(() -> new AlgorithmFailure("image of " + slug + " is gone"));
    }

    /** The stored {@code .mha} of an image input. */
    public Path inputImageFile(String slug) throws AlgorithmFailure {
        Image image = inputImage(slug);
        return image.files().stream().filter(f -> f.imageType().equals("MHD")).findFirst()
                .orElseThrow(() -> new AlgorithmFailure("image of " + slug + " has no MetaImage file")).blob();
    }

    /** The JSON of a value input, or of a JSON file input; empty when the input is absent. */
    public Optional<JsonNode> inputJson(String slug) throws IOException {
        Optional<SocketValue> value = input(slug);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(value.get().value() != null ? value.get().value()
                : Json.MAPPER.readTree(value.get().file().toFile()));
    }

    /** A fresh temporary file inside the storage folder for an output under construction. */
    public Path newFile(String suffix) throws IOException {
        return Files.createTempFile(blobs.root(), "output-", suffix);
    }

    /** Adds a MetaImage output; the file is moved into storage. */
    public void outputImage(String slug, Path mha, String name, List<Integer> segments) throws IOException {
        Image image = images.addMha(mha, name, 0, null, segments);
        outputs.add(state.newSocketValue(socket(slug), null, image.pk(), null, null));
    }

    /** Adds a 2-D TIFF output. */
    public void outputTiff(String slug, Path tiff, String name, int width, int height, int channels)
            throws IOException {
        Image image = images.addTiff(tiff, name, width, height, channels, 0, null);
        outputs.add(state.newSocketValue(socket(slug), null, image.pk(), null, null));
    }

    /** Adds a JSON output: inline for {@code Value} sockets, as a file named by the socket otherwise. */
    public void outputJson(String slug, JsonNode value) throws IOException {
        Socket socket = socket(slug);
        if (socket.superKind().equals("Value")) {
            outputs.add(state.newSocketValue(socket, value, null, null, null));
            return;
        }
        String filename = Path.of(socket.relativePath().isBlank() ? slug + ".json" : socket.relativePath())
                .getFileName().toString();
        Path file = blobs.resolve("values/" + EmulatorState.newUuid() + "/" + filename);
        Files.createDirectories(file.getParent());
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), value);
        outputs.add(state.newSocketValue(socket, null, null, file, filename));
    }

    private Socket socket(String slug) {
        return state.socket(slug).orElseThrow(() -> new IllegalStateException("Output socket " + slug
                + " is not in the fixture"));
    }

    List<SocketValue> outputs() {
        return outputs;
    }
}
