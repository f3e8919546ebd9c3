package io.github.camelgc.grandchallenge;

/**
 * Producer operations. Which ones apply depends on the endpoint kind:
 * <ul>
 * <li>{@code job}: {@link #submit} (default), {@link #get}, {@link #list}, {@link #wait}, {@link #downloadOutputs}</li>
 * <li>{@code algorithm}: {@link #get} (default)</li>
 * <li>{@code archive}: {@link #listImages} (default), {@link #listItems}, {@link #get}, {@link #addCase},
 * {@link #updateItem}</li>
 * <li>{@code image}: {@link #get} (default), {@link #download}</li>
 * </ul>
 */
public enum GrandChallengeOperations {
    /** Submit a job with the body as input(s). */
    submit,
    /** Fetch one object (job, algorithm, archive or image). */
    get,
    /** List the jobs of the algorithm. */
    list,
    /** Wait until a job reaches a final status. */
    wait,
    /** Download every output of a job. */
    downloadOutputs,
    /** List the images of an archive. */
    listImages,
    /** List the items of an archive. */
    listItems,
    /** Create an archive item from the body's values. */
    addCase,
    /** Replace values of an existing archive item. */
    updateItem,
    /** Download the files of an image. */
    download
}
