/**
 * Job outputs and image files as something a route can split and send anywhere (lazy streams, never byte arrays),
 * and a writer that puts them into a folder atomically, with sanitised names.
 */
package io.github.camelgc.grandchallenge.outputs;
