package io.oslo4j.bench;

/**
 * The measured scenarios.
 */
enum Scenario {

	SEQUENTIAL("sequential calls", "calls/s", true, 1, Payload.SMALL),

	SEQUENTIAL_64K("sequential calls, 64 KB", "calls/s", true, 1, Payload.LARGE),

	CONCURRENT_16("16 concurrent callers", "calls/s", true, 16, Payload.SMALL),

	CONCURRENT_64("64 concurrent callers", "calls/s", true, 64, Payload.SMALL),

	CONCURRENT_256("256 concurrent callers", "calls/s", true, 256, Payload.SMALL),

	ASYNC_1000("async calls, 1,000 in flight", "calls/s", true, 1000, Payload.SMALL),

	CAST("casts with confirms, 16 senders", "msgs/s", false, 16, Payload.SMALL),

	FANOUT("fanout casts to 3 servers", "deliveries/s", false, 4, Payload.SMALL);

	/** The servers that receive each fanout cast. */
	static final int FANOUT_SERVERS = 3;

	private final String label;

	private final String unit;

	private final boolean call;

	private final int concurrency;

	private final Payload payload;

	Scenario(String label, String unit, boolean call, int concurrency, Payload payload) {
		this.label = label;
		this.unit = unit;
		this.call = call;
		this.concurrency = concurrency;
		this.payload = payload;
	}

	String label() {
		return this.label;
	}

	String unit() {
		return this.unit;
	}

	/** Returns whether this scenario makes calls (and so has latencies). */
	boolean isCall() {
		return this.call;
	}

	int concurrency() {
		return this.concurrency;
	}

	Payload payload() {
		return this.payload;
	}

	/** Returns the id used in JSON and by the Python client. */
	String id() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
