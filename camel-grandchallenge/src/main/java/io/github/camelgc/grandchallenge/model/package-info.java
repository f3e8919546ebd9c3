/**
 * Jackson DTOs of the Grand Challenge REST API. All of them ignore unknown fields so that server-side additions never
 * break a running route, and every status or kind is kept as the server's string so unknown values survive too.
 */
package io.github.camelgc.grandchallenge.model;
