@NullMarked
package io.oslo4j.rpc.boot.autoconfigure.scan.badmethod;

import org.jspecify.annotations.NullMarked;
