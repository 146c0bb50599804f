@NullMarked
package io.oslo4j.rpc.boot.autoconfigure.scan.badversion;

import org.jspecify.annotations.NullMarked;
