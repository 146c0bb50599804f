/**
 * The Testcontainers recipes of the testing guide, compiled against the libraries they
 * use.
 */
@NullMarked
package io.oslo4j.rpc.test.recipe;

import org.jspecify.annotations.NullMarked;
