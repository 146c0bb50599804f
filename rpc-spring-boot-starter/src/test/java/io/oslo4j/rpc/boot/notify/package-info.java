@NullMarked
package io.oslo4j.rpc.boot.notify;

import org.jspecify.annotations.NullMarked;
