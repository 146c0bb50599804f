/**
 * Annotations for endpoints and client interfaces; plain Java, no Spring needed to read
 * them.
 */
@NullMarked
package io.oslo4j.rpc.annotation;

import org.jspecify.annotations.NullMarked;
