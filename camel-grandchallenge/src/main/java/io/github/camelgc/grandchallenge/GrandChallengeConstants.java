package io.github.camelgc.grandchallenge;

import org.apache.camel.spi.Metadata;

/** Message headers read and written by the component. */
public final class GrandChallengeConstants {

    @Metadata(label = "producer", description = "Overrides the endpoint's operation.",
              javaType = "io.github.camelgc.grandchallenge.GrandChallengeOperations")
    public static final String OPERATION = "CamelGrandChallengeOperation";

    @Metadata(description = "The job's id (pk). Read by the job get, wait and downloadOutputs operations when the "
                            + "body is not a job; written by submit and by the consumer.",
              javaType = "String")
    public static final String JOB_ID = "CamelGrandChallengeJobId";

    @Metadata(description = "The job's status string, e.g. Succeeded.", javaType = "String")
    public static final String JOB_STATUS = "CamelGrandChallengeJobStatus";

    @Metadata(description = "The job's API URL.", javaType = "String")
    public static final String JOB_URL = "CamelGrandChallengeJobUrl";

    @Metadata(label = "producer", description = "True when submit found an existing job for the same inputs "
                                                + "(the platform's duplicate check) and returned it instead.",
              javaType = "Boolean")
    public static final String JOB_EXISTING = "CamelGrandChallengeJobExisting";

    @Metadata(description = "The algorithm slug (overrides the endpoint's algorithm option on the producer).",
              javaType = "String")
    public static final String ALGORITHM = "CamelGrandChallengeAlgorithm";

    @Metadata(label = "producer", description = "The input socket slug for a single-input body (overrides the "
                                                + "endpoint's input option).",
              javaType = "String")
    public static final String INPUT = "CamelGrandChallengeInput";

    @Metadata(label = "consumer", description = "The names of the job's input images (usually the original "
                                                + "file names), in input order.",
              javaType = "java.util.List<String>")
    public static final String INPUT_NAMES = "CamelGrandChallengeInputNames";

    @Metadata(label = "consumer", description = "True on a job the consumer gave up on: it was still not final "
                                                + "jobTimeout after the consumer first saw it. Emitted once; results "
                                                + "it produces later are not emitted.",
              javaType = "Boolean")
    public static final String JOB_TIMED_OUT = "CamelGrandChallengeJobTimedOut";

    @Metadata(label = "producer", description = "The name {input} stands for in output file names (instead of the "
                                                + "first input image's name), e.g. the case folder a job was "
                                                + "submitted for.",
              javaType = "String")
    public static final String INPUT_NAME = "CamelGrandChallengeInputName";

    @Metadata(label = "producer", description = "Overrides outputFileName and socketFileName.* of downloadOutputs "
                                                + "and download for this exchange (same placeholders).",
              javaType = "String")
    public static final String OUTPUT_FILE_NAME = "CamelGrandChallengeOutputFileName";

    @Metadata(label = "producer", description = "Identifies a submission across attempts: a job created for this "
                                                + "key by an attempt that crashed or lost its answer is adopted "
                                                + "instead of posted again. Defaults to the input files' names, "
                                                + "sizes and modification times (a digest for in-memory bodies).",
              javaType = "String")
    public static final String SUBMISSION_KEY = "CamelGrandChallengeSubmissionKey";

    @Metadata(description = "The socket slug of an output or value message.", javaType = "String")
    public static final String SOCKET = "CamelGrandChallengeSocket";

    @Metadata(description = "The socket's kind label, e.g. Segmentation.", javaType = "String")
    public static final String KIND = "CamelGrandChallengeKind";

    @Metadata(description = "The socket's super kind: Image, File or Value.", javaType = "String")
    public static final String SUPER_KIND = "CamelGrandChallengeSuperKind";

    @Metadata(description = "An image id or API URL: input of image get/download, filter of job list (jobs that "
                            + "used the image as input); set on image messages and by the archive consumer.",
              javaType = "String")
    public static final String IMAGE_ID = "CamelGrandChallengeImageId";

    @Metadata(description = "An archive item id (updateItem input; set by addCase and the archive consumer).",
              javaType = "String")
    public static final String ARCHIVE_ITEM_ID = "CamelGrandChallengeArchiveItemId";

    @Metadata(label = "producer", description = "The title for addCase and updateItem.", javaType = "String")
    public static final String TITLE = "CamelGrandChallengeTitle";

    @Metadata(description = "The archive slug (overrides the endpoint's archive option on the producer).",
              javaType = "String")
    public static final String ARCHIVE = "CamelGrandChallengeArchive";

    private GrandChallengeConstants() {
    }
}
