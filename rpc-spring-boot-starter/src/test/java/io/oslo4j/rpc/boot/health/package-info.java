@NullMarked
package io.oslo4j.rpc.boot.health;

import org.jspecify.annotations.NullMarked;
