package io.oslo4j.rpc.boot.aot.app;

/**
 * The result of an addition, bound by Jackson on both sides.
 *
 * @param value the sum
 * @param operands how many numbers were added
 */
public record Sum(long value, int operands) {

}
