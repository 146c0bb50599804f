@NullMarked
package io.oslo4j.rpc.boot.autoconfigure.scan.reactive;

import org.jspecify.annotations.NullMarked;
