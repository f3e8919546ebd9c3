/**
 * The HTTP client for the Grand Challenge REST API. {@link io.github.camelgc.grandchallenge.client.GrandChallengeClient}
 * is the typed API, {@link io.github.camelgc.grandchallenge.client.HttpTransport} sends the requests (HttpClient 5
 * pool, TLS, the token only to the API origin, no automatic redirects, token-safe connection logging) and
 * {@link io.github.camelgc.grandchallenge.client.MediaDownloads} streams files. What is retried is decided in one
 * place, {@link io.github.camelgc.grandchallenge.client.RetryRules}; HttpClient applies it per request through
 * {@link io.github.camelgc.grandchallenge.client.RequestRetryStrategy}, and every exception answers
 * {@code isRetryable()} from it.
 */
package io.github.camelgc.grandchallenge.client;
