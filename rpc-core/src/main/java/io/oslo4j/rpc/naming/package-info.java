/**
 * How Java method and parameter names become the names on the wire.
 */
@NullMarked
package io.oslo4j.rpc.naming;

import org.jspecify.annotations.NullMarked;
