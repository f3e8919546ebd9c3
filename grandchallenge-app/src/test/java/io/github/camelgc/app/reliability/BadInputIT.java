package io.github.camelgc.app.reliability;

import static io.github.camelgc.app.reliability.Reliability.smallScan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;

import io.github.camelgc.app.AppSettings;
import io.github.camelgc.app.GrandChallengeService;
import io.github.camelgc.app.Tuning;
import io.github.camelgc.app.WorkFolders;
import io.github.camelgc.app.platform.EmbeddedPlatform;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The list of bad drops, all at once into a running service (DropFolderFailuresIT covers the empty file, a
 * text file, a truncated uncompressed scan and a case folder missing files): each ends in {@code .failed/} with a
 * reason that says what to fix, nothing of them is uploaded, and good drops next to them still complete — including
 * a non-ASCII name and a file that is still being written when first seen.
 */
class BadInputIT {

    private static final String HEADER = "ObjectType = Image\nNDims = 3\nBinaryData = True\n"
            + "BinaryDataByteOrderMSB = False\nDimSize = 32 32 16\nElementType = MET_SHORT\n";

    @RegisterExtension
    static GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().phantomCases(0).build();

    @TempDir
    Path work;

    @Test
    void everyBadDropFailsWithAReasonAndTheServiceKeepsGoing() throws Exception {
        // a stalled copy gets 20 s before it counts as truncated; an odd case folder as long
        Tuning tuning = Tuning.forEmulator().withCaseGrace(Duration.ofSeconds(20));
        try (GrandChallengeService service = GrandChallengeService.start(
                AppSettings.resolve(Map.of()).withWorkDir(work), EmbeddedPlatform.of(gc.emulator()), tuning)) {
            Path inbox = service.folders().inbox(WorkFolders.LOBES);
            Path outbox = service.folders().outbox(WorkFolders.LOBES);
            long uploadsBefore = uploads();

            // a scan still being copied: half of it now, the rest later; it must wait, not fail
            Path whole = smallScan(work.resolve("whole.mha"), 7);
            byte[] bytes = Files.readAllBytes(whole);
            OutputStream slowCopy = Files.newOutputStream(inbox.resolve("slow-copy.mha"));
            slowCopy.write(bytes, 0, bytes.length / 2);
            slowCopy.flush();

            Map<String, String> expected = new LinkedHashMap<>();
            write(inbox, "report.mha", "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            expected.put("report.mha", "'report.mha' is not a MetaImage: header line 1 is not a 'Key = Value' line");
            write(inbox, "notes.mha", "Patient 12 scan to follow\n".getBytes(StandardCharsets.UTF_8));
            expected.put("notes.mha", "'notes.mha' is not a MetaImage");
            byte[] compressed = zlib(Arrays.copyOfRange(bytes, bytes.length - 32 * 32 * 16 * 2, bytes.length));
            write(inbox, "truncated-compressed.mha", concat(compressedHeader(compressed.length),
                    Arrays.copyOf(compressed, compressed.length / 2)));
            expected.put("truncated-compressed.mha", "'truncated-compressed.mha' is incomplete: compressed data is truncated");
            byte[] corrupt = compressed.clone();
            for (int i = 10; i < corrupt.length - 10; i += 7) {
                corrupt[i] ^= (byte) 0x5a;
            }
            write(inbox, "corrupt-compressed.mha", concat(compressedHeader(corrupt.length), corrupt));
            expected.put("corrupt-compressed.mha", "'corrupt-compressed.mha' is damaged: compressed pixel data is corrupt");
            write(inbox, "missing-data.mhd", (HEADER + "ElementDataFile = missing-data.raw\n")
                    .getBytes(StandardCharsets.UTF_8));
            expected.put("missing-data.mhd", "is not a .mha file");
            write(inbox, "outside.mhd", (HEADER + "ElementDataFile = ../../secret.raw\n")
                    .getBytes(StandardCharsets.UTF_8));
            expected.put("outside.mhd", "is not a .mha file");
            write(inbox, "latin1-header.mha", concat(("ObjectType = Image\nComment = Gr\u00f6\u00dfe\n" + HEADER
                    .substring(HEADER.indexOf("NDims")) + "ElementDataFile = LOCAL\n")
                    .getBytes(StandardCharsets.ISO_8859_1), new byte[32 * 32 * 16 * 2]));
            expected.put("latin1-header.mha", "UTF-8");
            String longName = "x".repeat(246) + ".mha";
            Files.copy(whole, inbox.resolve(longName));
            expected.put(longName, "too long");

            // a registration case with an extra file and one misnamed
            Path cases = service.folders().inbox(WorkFolders.REGISTRATION);
            Path staging = Files.createDirectories(cases.resolve(".odd-case"));
            for (String file : new String[] {"fixed-image.mha", "moving-image.mha", "fixed-mask.mha",
                    "Moving_Mask.mha", "notes.txt"}) {
                Files.copy(whole, staging.resolve(file));
            }
            Files.move(staging, cases.resolve("odd-case"));

            // good drops next to the bad ones
            smallScan(inbox.resolve("Größe-日本.mha"), 3);

            Path failed = inbox.resolve(".failed");
            // the stalled copy is looked at (and must be left alone) while the bad drops fail
            await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(7)).until(() -> true);
            assertThat(inbox.resolve("slow-copy.mha")).as("a file still being written waits").exists();
            assertThat(failed.resolve("slow-copy.mha")).doesNotExist();
            slowCopy.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
            slowCopy.close();
            await().atMost(Duration.ofSeconds(90)).until(() -> expected.keySet().stream()
                    .allMatch(name -> Files.exists(failed.resolve(errorFile(name))))
                    && Files.exists(cases.resolve(".failed/odd-case.error.txt")));

            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(outbox.resolve("slow-copy_lobes.mha"))
                    && Files.exists(outbox.resolve("Größe-日本_lobes.mha")));
            for (Map.Entry<String, String> bad : expected.entrySet()) {
                String reason = Files.readString(failed.resolve(errorFile(bad.getKey())));
                assertThat(reason).as("reason for %s", bad.getKey()).startsWith(bad.getValue().startsWith("'")
                        ? bad.getValue() : "").contains(bad.getValue())
                        .doesNotContain("Exception", "\tat ", work.toString(), "%PDF", "Patient 12");
                assertThat(failed.resolve(bad.getKey())).exists();
            }
            assertThat(Files.readString(cases.resolve(".failed/odd-case.error.txt")))
                    .contains("Moving_Mask.mha", "notes.txt", "moving-mask.mha");
            assertThat(uploads() - uploadsBefore).as("only the two good scans were uploaded").isEqualTo(2);
            assertThat(Reliability.errorFiles(work)).doesNotContain(gc.token("demo"));
        }
    }

    /** {@code <name>.error.txt}, shortened with {@code ~} where that would not fit the file system. */
    private static String errorFile(String name) {
        return name.length() + 10 > 255 ? name.substring(0, 255 - 11) + "~.error.txt" : name + ".error.txt";
    }

    private static long uploads() {
        return gc.requestLog().count(e -> "POST".equals(e.method()) && e.path().equals("/api/v1/uploads/"));
    }

    private static byte[] compressedHeader(int compressedSize) {
        return (HEADER + "CompressedData = True\nCompressedDataSize = " + compressedSize + "\nElementDataFile = LOCAL\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Path inbox, String name, byte[] content) throws Exception {
        Path temp = inbox.resolve("." + name);
        Files.write(temp, content);
        Files.move(temp, inbox.resolve(name));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static byte[] zlib(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }
}
