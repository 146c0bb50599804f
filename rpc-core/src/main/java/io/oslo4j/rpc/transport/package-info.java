/**
 * The transport SPI (oslo's driver layer): byte-level publishing and consuming, transport
 * URLs.
 */
@NullMarked
package io.oslo4j.rpc.transport;

import org.jspecify.annotations.NullMarked;
