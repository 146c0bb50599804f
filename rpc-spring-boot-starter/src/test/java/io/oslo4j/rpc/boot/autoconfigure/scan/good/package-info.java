@NullMarked
package io.oslo4j.rpc.boot.autoconfigure.scan.good;

import org.jspecify.annotations.NullMarked;
