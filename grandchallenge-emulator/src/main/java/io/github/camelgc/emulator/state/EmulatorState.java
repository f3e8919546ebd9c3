package io.github.camelgc.emulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.model.Algorithm;
import io.github.camelgc.emulator.model.Archive;
import io.github.camelgc.emulator.model.ArchiveItem;
import io.github.camelgc.emulator.model.Image;
import io.github.camelgc.emulator.model.Job;
import io.github.camelgc.emulator.model.Socket;
import io.github.camelgc.emulator.model.SocketValue;
import io.github.camelgc.emulator.model.Upload;
import io.github.camelgc.emulator.model.UploadSession;
import io.github.camelgc.emulator.model.User;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** Everything the emulator knows, in memory; every collection is safe for concurrent use. */
public final class EmulatorState {

    private final Map<String, User> usersByToken = new ConcurrentHashMap<>();
    private final Map<String, User> usersByName = new ConcurrentHashMap<>();
    private final Map<String, Socket> socketsBySlug = new ConcurrentHashMap<>();
    private final Map<String, Algorithm> algorithms = new ConcurrentHashMap<>();
    private final Map<String, Archive> archives = new ConcurrentHashMap<>();
    private final Map<String, ArchiveItem> archiveItems = new ConcurrentHashMap<>();
    private final Map<String, Image> images = new ConcurrentHashMap<>();
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final Map<String, UploadSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<Long, SocketValue> socketValues = new ConcurrentHashMap<>();
    private final Map<String, SocketValue> firstValues = new ConcurrentHashMap<>();
    private final AtomicLong nextSocketValuePk = new AtomicLong(100_000_000L);

    public static String newUuid() {
        return UUID.randomUUID().toString();
    }

    public void addUser(User user) {
        usersByToken.put(user.token(), user);
        usersByName.put(user.username(), user);
    }

    public User userByToken(String token) {
        return usersByToken.get(token);
    }

    public Optional<User> user(String username) {
        return Optional.ofNullable(usersByName.get(username));
    }

    public Optional<User> user(int id) {
        return usersByName.values().stream().filter(u -> u.id() == id).findFirst();
    }

    /** Users by id. */
    public List<User> users() {
        return sorted(usersByName.values(), Comparator.comparingInt(User::id));
    }

    public void addSocket(Socket socket) {
        socketsBySlug.put(socket.slug(), socket);
    }

    public Optional<Socket> socket(String slug) {
        return Optional.ofNullable(socketsBySlug.get(slug));
    }

    /** Sockets in {@code pk} order, the platform's default ordering. */
    public List<Socket> sockets() {
        List<Socket> all = new ArrayList<>(socketsBySlug.values());
        all.sort(Comparator.comparingInt(Socket::pk));
        return all;
    }

    public void addAlgorithm(Algorithm algorithm) {
        algorithms.put(algorithm.pk(), algorithm);
    }

    public Optional<Algorithm> algorithm(String pk) {
        return Optional.ofNullable(algorithms.get(pk));
    }

    /** Algorithms in creation order. */
    public List<Algorithm> algorithms() {
        return sorted(algorithms.values(), Comparator.comparing(Algorithm::created));
    }

    public Optional<Algorithm> algorithmBySlug(String slug) {
        return algorithms.values().stream().filter(a -> a.slug().equals(slug)).findFirst();
    }

    public void addArchive(Archive archive) {
        archives.put(archive.pk(), archive);
    }

    public Optional<Archive> archive(String pk) {
        return Optional.ofNullable(archives.get(pk));
    }

    public List<Archive> archives() {
        return sorted(archives.values(), Comparator.comparing(Archive::created));
    }

    public Optional<Archive> archiveBySlug(String slug) {
        return archives.values().stream().filter(a -> a.slug().equals(slug)).findFirst();
    }

    public void addArchiveItem(ArchiveItem item) {
        archiveItems.put(item.pk(), item);
    }

    public Optional<ArchiveItem> archiveItem(String pk) {
        return Optional.ofNullable(archiveItems.get(pk));
    }

    /** Archive items; the platform defines no order, the emulator uses title then pk for stable pages. */
    public List<ArchiveItem> archiveItems() {
        return sorted(archiveItems.values(), Comparator.comparing((ArchiveItem i) -> i.title()).thenComparing(ArchiveItem::pk));
    }

    public void addImage(Image image) {
        images.put(image.pk(), image);
    }

    public Optional<Image> image(String pk) {
        return Optional.ofNullable(images.get(pk));
    }

    /** Images by name, the platform's default ordering. */
    public List<Image> images() {
        return sorted(images.values(), Comparator.comparing(Image::name).thenComparing(Image::pk));
    }

    public void addUpload(Upload upload) {
        uploads.put(upload.pk(), upload);
    }

    /** Forgets an upload (the platform deletes uploads once imported). */
    public void removeUpload(String pk) {
        uploads.remove(pk);
    }

    public Optional<Upload> upload(String pk) {
        return Optional.ofNullable(uploads.get(pk));
    }

    public List<Upload> uploads(Predicate<Upload> filter) {
        return sorted(uploads.values().stream().filter(filter).toList(), Comparator.comparing(Upload::created));
    }

    public void addSession(UploadSession session) {
        sessions.put(session.pk(), session);
    }

    public Optional<UploadSession> session(String pk) {
        return Optional.ofNullable(sessions.get(pk));
    }

    /** Upload sessions; the platform defines no order, the emulator uses creation time then pk. */
    public List<UploadSession> sessions() {
        return sorted(sessions.values(), Comparator.comparing(UploadSession::created).thenComparing(UploadSession::pk));
    }

    public void addJob(Job job) {
        jobs.put(job.pk(), job);
    }

    public Optional<Job> job(String pk) {
        return Optional.ofNullable(jobs.get(pk));
    }

    /** Jobs in creation order. */
    public List<Job> jobs() {
        return sorted(jobs.values(), Comparator.comparing(Job::created).thenComparing(Job::pk));
    }

    /** A new socket value with a fresh 64-bit pk, registered for {@code /media/} lookups. */
    public SocketValue newSocketValue(Socket socket, JsonNode value, String imagePk,
            Path file, String filename) {
        SocketValue civ = new SocketValue(nextSocketValuePk.incrementAndGet(), socket, value, imagePk, file, filename);
        socketValues.put(civ.pk(), civ);
        if (file == null && (value != null || imagePk != null)) {
            firstValues.putIfAbsent(reuseKey(socket, value, imagePk), civ);
        }
        return civ;
    }

    /**
     * The platform's {@code get_first_or_create(interface=..., value=...)}: the socket value with the lowest pk that
     * holds this value (compared as {@code jsonb}), or a new one. Jobs and archive items share socket values.
     */
    public SocketValue valueFor(Socket socket, JsonNode value) {
        SocketValue existing = firstValues.get(reuseKey(socket, value, null));
        return existing != null ? existing : newSocketValue(socket, value, null, null, null);
    }

    /** {@code get_first_or_create(interface=..., image=...)}. */
    public SocketValue imageValueFor(Socket socket, String imagePk) {
        SocketValue existing = firstValues.get(reuseKey(socket, null, imagePk));
        return existing != null ? existing : newSocketValue(socket, null, imagePk, null, null);
    }

    /** Whether a socket value of this socket and image exists already (so {@link #imageValueFor} reuses it). */
    public boolean hasImageValue(Socket socket, String imagePk) {
        return firstValues.containsKey(reuseKey(socket, null, imagePk));
    }

    private static String reuseKey(Socket socket, JsonNode value, String imagePk) {
        return imagePk != null ? socket.slug() + "\u0001" + imagePk
                : socket.slug() + "\u0000" + JsonValues.canonical(value);
    }

    public Optional<SocketValue> socketValue(long pk) {
        return Optional.ofNullable(socketValues.get(pk));
    }

    private static <T> List<T> sorted(Collection<T> values, Comparator<T> order) {
        List<T> list = new ArrayList<>(values);
        list.sort(order);
        return list;
    }
}
