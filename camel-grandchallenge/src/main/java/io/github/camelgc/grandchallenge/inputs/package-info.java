/**
 * Turning a Camel message into socket values: one strategy per socket super kind (Image → {@code user_uploads} or an
 * existing {@code image}, File → {@code user_upload}, Value → inline {@code value}), validated against the
 * algorithm's interfaces before anything is uploaded.
 */
package io.github.camelgc.grandchallenge.inputs;
