/**
 * S3 multipart uploads brokered by the API (spec §11): parts are streamed from disk, uploaded in parallel on a
 * bounded pool, presigned in batches, retried per part, and the upload is aborted on failure.
 */
package io.github.camelgc.grandchallenge.client.upload;
