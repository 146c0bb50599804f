@NullMarked
package io.oslo4j.rpc.boot.e2e;

import org.jspecify.annotations.NullMarked;
