/**
 * Turning arguments, results and contexts into JSON-ready values and back.
 */
@NullMarked
package io.oslo4j.rpc.serializer;

import org.jspecify.annotations.NullMarked;
