package io.github.camelgc.grandchallenge.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import io.github.camelgc.grandchallenge.model.Archive;
import io.github.camelgc.grandchallenge.model.ArchiveItem;
import io.github.camelgc.grandchallenge.model.Image;
import io.github.camelgc.grandchallenge.model.Job;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelgc.grandchallenge.it.SubmitAndOutputsIT.testImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Archive operations and the tutorial's "run the algorithm on everything in an archive" flow. */
class ArchiveIT extends EmulatorTestSupport {

    @TempDir
    Path state;

    private String archive(String operation) {
        return "grandchallenge:archive?archive=" + platform.archive() + "&operation=" + operation;
    }

    @Test
    void getsAnArchiveAndListsItsImagesAndItems() {
        Image image = anArchiveImage();
        Archive archive = template.requestBody(archive("get"), null, Archive.class);
        assertThat(archive.pk()).isNotBlank();
        @SuppressWarnings("unchecked")
        List<Image> images = template.requestBody(archive("listImages"), null, List.class);
        @SuppressWarnings("unchecked")
        List<ArchiveItem> items = template.requestBody(archive("listItems"), null, List.class);
        assertThat(images).extracting(Image::pk).contains(image.pk());
        assertThat(items).flatExtracting(ArchiveItem::values).extracting(v -> v.image())
                .contains(image.apiUrl());
    }

    @Test
    void addsACaseThenUpdatesIt() {
        platform.clearRequests();
        ArchiveItem added = template.requestBodyAndHeader(archive("addCase") + "&input=" + platform.archiveSocket(),
                testImage("image10x10x10.mha"), GrandChallengeConstants.TITLE, "case-42", ArchiveItem.class);
        assertThat(added.pk()).isNotBlank();
        platform.awaitUploaded("image10x10x10.mha");

        ArchiveItem updated = template.requestBodyAndHeader(archive("updateItem"),
                Map.of(platform.archiveSocket(), testImage("mask.mha")), GrandChallengeConstants.ARCHIVE_ITEM_ID,
                added.pk(), ArchiveItem.class);
        assertThat(updated.pk()).isEqualTo(added.pk());
        platform.assertCount("PATCH", "/api/v1/archives/items/", 2);
        platform.awaitUploaded("image10x10x10.mha", "mask.mha");
    }

    @Test
    void anUnknownSocketCreatesNoItemAndUploadsNothing() {
        platform.clearRequests();
        assertThatThrownBy(() -> template.requestBody(archive("addCase"),
                Map.of("no-such-socket", testImage("image10x10x10.mha"))))
                .cause().hasMessageContaining("'no-such-socket' is not an existing socket");
        assertThat(platform.count("POST", "/api/v1/archives/items/")).isZero();
        assertThat(platform.count("POST", "/api/v1/uploads/")).isZero();
    }

    @Test
    void runsTheAlgorithmOnEveryArchiveItemWithoutReuploading() throws Exception {
        anArchiveImage();
        @SuppressWarnings("unchecked")
        long withImages = ((List<ArchiveItem>) template.requestBody(archive("listItems"), null, List.class)).stream()
                .filter(i -> !i.values().isEmpty()).count();
        platform.clearRequests();
        List<String> jobs = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("grandchallenge:archive?archive=" + platform.archive() + "&includeExisting=true&delay=200"
                     + "&initialDelay=0&stateDirectory=" + state)
                        .setBody(header(GrandChallengeConstants.IMAGE_ID))
                        .to("grandchallenge:job?algorithm=" + platform.otherAlgorithm())
                        .process(e -> jobs.add(e.getMessage().getBody(Job.class).pk()));
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> jobs.size() >= withImages);
        assertThat(platform.count("POST", "/api/v1/uploads/")).as("archive images are reused, not re-uploaded")
                .isZero();
    }
}
