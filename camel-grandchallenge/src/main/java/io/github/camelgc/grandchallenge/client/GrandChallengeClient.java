package io.github.camelgc.grandchallenge.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.github.camelgc.grandchallenge.client.upload.MultipartUploader;
import io.github.camelgc.grandchallenge.client.upload.UploadProgressListener;
import io.github.camelgc.grandchallenge.client.upload.UploadTracker;
import io.github.camelgc.grandchallenge.model.Algorithm;
import io.github.camelgc.grandchallenge.model.Archive;
import io.github.camelgc.grandchallenge.model.ArchiveItem;
import io.github.camelgc.grandchallenge.model.Image;
import io.github.camelgc.grandchallenge.model.Job;
import io.github.camelgc.grandchallenge.model.Page;
import io.github.camelgc.grandchallenge.model.Socket;
import io.github.camelgc.grandchallenge.model.UserUpload;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.hc.core5.net.URIBuilder;

/**
 * Typed access to the Grand Challenge REST API endpoints the component uses, on top of an {@link HttpTransport}
 * (requests, retries, the token) with {@link MediaDownloads} (file downloads) and a {@link MultipartUploader}
 * (uploads). Thread-safe; owns its transport and a bounded pool for parallel part uploads, both released by
 * {@link #close()}.
 */
public class GrandChallengeClient implements Closeable {

    /** Largest page the platform serves (spec §3). */
    public static final int MAX_PAGE_SIZE = 1000;

    private static final Pattern PK = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final HttpTransport transport;
    private final URI base;
    private final MediaDownloads media;
    private final ExecutorService uploadPool;
    private final MultipartUploader uploader;
    private final UploadProgressListener progress;
    /** Releases the upload pool; {@code null} for a view that owns nothing. */
    private final Runnable releasePool;

    /** A standalone client (outside Camel): its own daemon upload threads. */
    public GrandChallengeClient(ClientSettings settings) {
        this(settings, null);
    }

    /**
     * A client whose upload threads come from Camel's {@code ExecutorServiceManager} and whose TLS settings resolve
     * placeholders in {@code camelContext}.
     *
     * @param camelContext {@code null} for a standalone client
     */
    public GrandChallengeClient(ClientSettings settings, CamelContext camelContext) {
        this.transport = new HttpTransport(settings, camelContext);
        this.base = settings.baseUri();
        this.media = new MediaDownloads(transport, settings.maxDownloadSize());
        if (camelContext != null) {
            ExecutorServiceManager threads = camelContext.getExecutorServiceManager();
            this.uploadPool = threads.newFixedThreadPool(this, "GrandChallengeUpload", settings.uploadConcurrency());
            this.releasePool = () -> threads.shutdownNow(uploadPool);
        } else {
            AtomicInteger count = new AtomicInteger();
            this.uploadPool = Executors.newFixedThreadPool(settings.uploadConcurrency(), r -> {
                Thread thread = new Thread(r, "grandchallenge-upload-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            this.releasePool = uploadPool::shutdownNow;
        }
        this.uploader = new MultipartUploader(transport, base, uploadPool, null);
        this.progress = null;
    }

    private GrandChallengeClient(GrandChallengeClient shared, UploadProgressListener progress, UploadTracker tracker) {
        this.transport = shared.transport;
        this.base = shared.base;
        this.media = shared.media;
        this.uploadPool = shared.uploadPool;
        this.uploader = new MultipartUploader(transport, base, uploadPool, progress, tracker);
        this.progress = progress;
        this.releasePool = null;
    }

    /**
     * This client, reporting upload progress to {@code progress}: a light view that shares the connection pool and
     * upload threads (closing it releases nothing). Returns this client itself when {@code progress} is null.
     */
    public GrandChallengeClient withUploadProgress(UploadProgressListener progress) {
        return progress == null ? this : new GrandChallengeClient(this, progress, null);
    }

    /**
     * This client, telling {@code tracker} about every upload it creates (and reporting progress as this client
     * does): a light view like {@link #withUploadProgress}.
     */
    public GrandChallengeClient withUploadTracker(UploadTracker tracker) {
        return new GrandChallengeClient(this, progress, tracker);
    }

    /** Aborts an upload that may still be open (see {@link MultipartUploader#abort}). */
    public void abortUpload(String uploadPk, String s3UploadId) {
        uploader.abort(uploadPk, s3UploadId);
    }

    /** The transport: raw requests, e.g. health probes. */
    public HttpTransport transport() {
        return transport;
    }

    /** Where this client and the component's producers and consumers report what they did. */
    public io.github.camelgc.grandchallenge.metrics.ComponentMetrics metrics() {
        return transport.settings().metrics();
    }

    /** The API root this client talks to. */
    public URI baseUri() {
        return base;
    }

    /**
     * {@code GET gcapi/}: open to everyone, so it is sent without the token (a bad token would turn it into a 401);
     * proves the API is reachable.
     */
    public JsonNode apiVersion() {
        return transport.getJsonAnonymously(resolve("gcapi/"), type(JsonNode.class));
    }

    /** {@code GET profiles/users/self/}: proves the token is accepted. */
    public JsonNode currentUser() {
        return transport.getJson(resolve("profiles/users/self/"), type(JsonNode.class));
    }

    /** Looks an algorithm up by slug (spec §7.1). */
    public Algorithm algorithm(String slug) {
        return single("algorithms/", "slug", slug, Algorithm.class, "algorithm");
    }

    /** Looks a socket up by slug (spec §6.1). */
    public Socket socket(String slug) {
        return single("components/interfaces/", "slug", slug, Socket.class, "socket");
    }

    /** Looks an archive up by slug (spec §13.1). */
    public Archive archive(String slug) {
        return single("archives/", "slug", slug, Archive.class, "archive");
    }

    /** Fetches a job by pk or API URL. */
    public Job job(String pkOrUrl) {
        return transport.getJson(detailUri("algorithms/jobs/", pkOrUrl), type(Job.class));
    }

    /** Fetches an image by pk or API URL. */
    public Image image(String pkOrUrl) {
        return transport.getJson(detailUri("cases/images/", pkOrUrl), type(Image.class));
    }

    /** Fetches an archive item by pk. */
    public ArchiveItem archiveItem(String pkOrUrl) {
        return transport.getJson(detailUri("archives/items/", pkOrUrl), type(ArchiveItem.class));
    }

    /** One page of the jobs of an algorithm, in creation order. */
    public Page<Job> jobsPage(String algorithmPk, long offset, int limit) {
        URI uri = query("algorithms/jobs/", Map.of("algorithm_image__algorithm", algorithmPk,
                "offset", Long.toString(offset), "limit", Integer.toString(limit)));
        return page(uri, Job.class);
    }

    /** All jobs matching the filters (e.g. {@code algorithm_image__algorithm}, {@code input_image}), lazily. */
    public Iterator<Job> jobs(Map<String, String> filters) {
        return iterate(query("algorithms/jobs/", withLimit(filters)), Job.class);
    }

    /** All images matching the filters (e.g. {@code archive}), lazily. */
    public Iterator<Image> images(Map<String, String> filters) {
        return iterate(query("cases/images/", withLimit(filters)), Image.class);
    }

    /** All items of an archive, lazily (the platform defines no order for them). */
    public Iterator<ArchiveItem> archiveItems(String archivePk) {
        return iterate(query("archives/items/", withLimit(Map.of("archive", archivePk))), ArchiveItem.class);
    }

    /**
     * {@code POST algorithms/jobs/}. Never retried automatically on an ambiguous failure; see the job submitter.
     */
    public Job createJob(String algorithmApiUrl, ArrayNode inputs) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("algorithm", algorithmApiUrl);
        body.set("inputs", inputs);
        return transport.sendJson("POST", resolve("algorithms/jobs/"), body, type(Job.class), false);
    }

    /** {@code POST archives/items/} (values can only be added afterwards, by update). */
    public ArchiveItem createArchiveItem(String archiveApiUrl, String title) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("archive", archiveApiUrl);
        if (title != null) {
            body.put("title", title);
        }
        return transport.sendJson("POST", resolve("archives/items/"), body, type(ArchiveItem.class), false);
    }

    /** {@code PATCH archives/items/<pk>/}: replaces the given values, keeps the others. */
    public ArchiveItem updateArchiveItem(String itemPk, ArrayNode values, String title) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("values", values);
        if (title != null) {
            body.put("title", title);
        }
        return transport.sendJson("PATCH", detailUri("archives/items/", itemPk), body, type(ArchiveItem.class), true);
    }

    /** Uploads a local file through the S3 multipart protocol; returns the completed upload. */
    public UserUpload upload(Path file, String filename) {
        return uploader.upload(file, filename);
    }

    /**
     * Opens a {@code /media/} file (image file or socket-value file) as a stream; see {@link MediaDownloads#open}.
     */
    public InputStream openMedia(String url) {
        return media.open(url);
    }


    /** Resolves a path relative to the API root. */
    public URI resolve(String relativePath) {
        return base.resolve(relativePath);
    }

    private <T> T single(String path, String filter, String value, Class<T> itemType, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A " + what + " slug is required");
        }
        Page<T> page = page(query(path, Map.of(filter, value, "offset", "0", "limit", "2")), itemType);
        if (page.results().isEmpty()) {
            throw new GrandChallengeNotFoundException("No " + what + " with slug '" + value
                                                      + "' is visible with this token (it does not exist or you have no access)");
        }
        if (page.results().size() > 1) {
            throw new GrandChallengeException("More than one " + what + " matches slug '" + value + "'");
        }
        return page.results().get(0);
    }

    private <T> Page<T> page(URI uri, Class<T> itemType) {
        JavaType pageType = TypeFactory.defaultInstance().constructParametricType(Page.class, itemType);
        return transport.getJson(uri, pageType);
    }

    private <T> Iterator<T> iterate(URI first, Class<T> itemType) {
        return new Iterator<>() {
            private Iterator<T> current = List.<T> of().iterator();
            private URI next = first;

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && next != null) {
                    Page<T> page = page(next, itemType);
                    current = page.results().iterator();
                    next = page.next() == null || page.results().isEmpty() ? null : toUri(page.next());
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    private static Map<String, String> withLimit(Map<String, String> filters) {
        Map<String, String> params = new LinkedHashMap<>(filters);
        params.putIfAbsent("limit", Integer.toString(MAX_PAGE_SIZE));
        return params;
    }

    private URI query(String path, Map<String, String> params) {
        try {
            URIBuilder builder = new URIBuilder(resolve(path));
            params.forEach(builder::addParameter);
            return builder.build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Cannot build a query for " + path + ": " + e.getMessage(), e);
        }
    }

    /** A detail URI from a pk (validated, so it cannot escape the path) or an absolute API URL. */
    URI detailUri(String collection, String pkOrUrl) {
        if (pkOrUrl == null || pkOrUrl.isBlank()) {
            throw new IllegalArgumentException("An id or API URL is required for " + collection);
        }
        String value = pkOrUrl.trim();
        if (value.startsWith("https://") || value.startsWith("http://")) {
            return toUri(value);
        }
        if (!PK.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is neither an API URL nor a valid id for " + collection
                                               + " (expected a UUID such as 3f2a9c1e-7b7d-4a8e-9d51-2d0f6c2b8a11)");
        }
        return resolve(collection + value + "/");
    }

    private static URI toUri(String url) {
        return MediaDownloads.toUri(url);
    }

    private static JavaType type(Class<?> type) {
        return TypeFactory.defaultInstance().constructType(type);
    }

    @Override
    public void close() throws IOException {
        if (releasePool == null) {
            return;
        }
        try {
            releasePool.run();
        } finally {
            transport.close();
        }
    }
}
