@NullMarked
package io.oslo4j.rpc.boot.e2e.client;

import org.jspecify.annotations.NullMarked;
