/**
 * The HTTP client for the Grand Challenge REST API: Apache HttpClient 5 classic with pooled connections, retries with
 * backoff that honour {@code Retry-After} under a cap and a deadline, the token sent only to the API host, storage
 * redirects followed without the token, and pagination through {@code next}.
 */
package io.github.camelgc.grandchallenge.client;
