package io.oslo4j.rpc.boot.autoconfigure;

import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanNotOfRequiredTypeException;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.thread.Threading;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;

/**
 * Chooses where the requests of a server (or the notifications of a listener) run when
 * they leave the consumer thread: the {@code Executor} bean the application names, else
 * virtual threads when {@code spring.threads.virtual.enabled=true} on Java 21 and later
 * (as Spring Boot's RabbitMQ listeners), else the server's own threads. The application's
 * {@link TaskDecorator} (the unique bean, as Boot's task executors use) decorates every
 * request on the virtual threads and on the server's own threads
 * ({@link #ownThreadsDecorator()}); an executor the application names keeps its own
 * decoration.
 */
public final class RpcExecutors {

	private final BeanFactory beanFactory;

	private final Environment environment;

	private final @Nullable TaskDecorator taskDecorator;

	/**
	 * Makes the chooser.
	 * @param beanFactory where named executors are found
	 * @param environment where {@code spring.threads.virtual.enabled} is read
	 * @param taskDecorator decorates the requests on the virtual threads, or {@code null}
	 */
	public RpcExecutors(BeanFactory beanFactory, Environment environment, @Nullable TaskDecorator taskDecorator) {
		this.beanFactory = beanFactory;
		this.environment = environment;
		this.taskDecorator = taskDecorator;
	}

	/**
	 * Returns the executor of a server or listener.
	 * @param property the property naming the executor bean (for errors)
	 * @param beanName the executor bean's name, or {@code null}
	 * @param threads the property's worker threads; 0 runs on the consumer thread
	 * @param threadsProperty the property of the worker threads (for errors)
	 * @param threadNamePrefix the prefix of virtual thread names
	 * @return the executor, or {@code null} for the server's own threads (or none)
	 * @throws RpcConfigurationException when the bean does not exist, is not an
	 * {@link Executor}, or is named while requests run on the consumer thread
	 */
	public @Nullable Executor executor(String property, @Nullable String beanName, int threads, String threadsProperty,
			String threadNamePrefix) {
		if (beanName != null) {
			if (threads == 0) {
				throw new RpcConfigurationException(property,
						"names executor '" + beanName + "', but " + threadsProperty
								+ "=0 runs every request on the consumer thread",
						threadsProperty + "=64 (as many requests run at once on the executor)", null);
			}
			return named(property, beanName);
		}
		if (threads > 0 && Threading.VIRTUAL.isActive(this.environment)) {
			SimpleAsyncTaskExecutor virtual = new SimpleAsyncTaskExecutor(threadNamePrefix);
			virtual.setVirtualThreads(true);
			if (this.taskDecorator != null) {
				virtual.setTaskDecorator(this.taskDecorator);
			}
			return virtual;
		}
		return null;
	}

	/**
	 * Returns the application's {@link TaskDecorator} as the decorator of the requests
	 * handed to a server's (or listener's) own threads; the server uses it only when it
	 * runs on its own threads ({@link #executor} gave {@code null}).
	 * @return the decorator, or {@code null} when the application has none
	 */
	public @Nullable UnaryOperator<Runnable> ownThreadsDecorator() {
		TaskDecorator decorator = this.taskDecorator;
		return (decorator != null) ? decorator::decorate : null;
	}

	private Executor named(String property, String beanName) {
		try {
			return this.beanFactory.getBean(beanName, Executor.class);
		}
		catch (BeanNotOfRequiredTypeException ex) {
			throw new RpcConfigurationException(property,
					"bean '" + beanName + "' is a " + ex.getActualType().getName()
							+ ", not a java.util.concurrent.Executor",
					property + "=applicationTaskExecutor (the name of an Executor or TaskExecutor bean)", ex);
		}
		catch (NoSuchBeanDefinitionException ex) {
			throw new RpcConfigurationException(property, "there is no bean named '" + beanName + "'",
					property + "=applicationTaskExecutor (the name of an Executor or TaskExecutor bean)", ex);
		}
	}

}
