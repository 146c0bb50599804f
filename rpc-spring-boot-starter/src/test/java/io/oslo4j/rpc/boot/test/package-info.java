@NullMarked
package io.oslo4j.rpc.boot.test;

import org.jspecify.annotations.NullMarked;
