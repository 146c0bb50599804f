package io.oslo4j.rpc.boot.security.endpoints;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * A transaction manager without a resource that counts the transactions it begins.
 */
public class RecordingTransactionManager extends AbstractPlatformTransactionManager {

	private static final long serialVersionUID = 1L;

	public final AtomicInteger begun = new AtomicInteger();

	@Override
	protected Object doGetTransaction() {
		return new Object();
	}

	@Override
	protected void doBegin(Object transaction, TransactionDefinition definition) {
		this.begun.incrementAndGet();
	}

	@Override
	protected void doCommit(DefaultTransactionStatus status) {
	}

	@Override
	protected void doRollback(DefaultTransactionStatus status) {
	}

}
