package io.github.camelgc.emulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * A component interface value ("CIV"): exactly one of value, image or file is set.
 *
 * @param pk 64-bit integer primary key
 * @param imagePk the image, for image sockets
 * @param file the stored file, for file sockets; its name is {@link #filename()}
 */
public record SocketValue(long pk, Socket socket, JsonNode value, String imagePk, Path file, String filename) {
}
