@NullMarked
package io.oslo4j.rpc.boot.autoconfigure.scan.onclass;

import org.jspecify.annotations.NullMarked;
