/**
 * The oslo.messaging message format: the 2.0 envelope, request and reply messages, remote
 * failures.
 */
@NullMarked
package io.oslo4j.rpc.wire;

import org.jspecify.annotations.NullMarked;
