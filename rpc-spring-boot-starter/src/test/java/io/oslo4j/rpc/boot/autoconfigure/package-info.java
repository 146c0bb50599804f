@NullMarked
package io.oslo4j.rpc.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
