/** The producer: an operation dispatch and one small class per resource kind. */
package io.github.camelgc.grandchallenge.producer;
