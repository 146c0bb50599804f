/**
 * oslo notifications in Spring Boot: the {@code Notifier} bean
 * ({@code rpc.notifications.*}) and the {@code @RpcNotificationListener} methods started
 * and stopped with the application.
 */
@NullMarked
package io.oslo4j.rpc.boot.notify;

import org.jspecify.annotations.NullMarked;
