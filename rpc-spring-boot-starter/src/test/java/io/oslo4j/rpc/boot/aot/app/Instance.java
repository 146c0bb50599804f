package io.oslo4j.rpc.boot.aot.app;

/**
 * A notification payload.
 *
 * @param id the instance id
 * @param vcpus its size
 */
public record Instance(String id, int vcpus) {

}
