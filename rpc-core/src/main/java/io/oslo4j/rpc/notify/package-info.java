/**
 * oslo.messaging notifications: the {@link io.oslo4j.rpc.notify.Notifier} (drivers
 * {@code messagingv2}, {@code messaging}, {@code log}, {@code noop}) and the
 * {@link io.oslo4j.rpc.notify.NotificationListener} with its endpoints, filters, pools,
 * requeue and batch mode, wire-compatible with Python oslo.messaging 14.
 */
@NullMarked
package io.oslo4j.rpc.notify;

import org.jspecify.annotations.NullMarked;
