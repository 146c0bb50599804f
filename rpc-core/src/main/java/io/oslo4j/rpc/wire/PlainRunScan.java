package io.oslo4j.rpc.wire;

/**
 * {@link AsciiScan#firstToEscape} over an inner message that skips the runs already known
 * plain ({@link InnerJsonBuffer#plainRuns()}). Calls must come in ascending order of
 * {@code from}, as a left-to-right escape pass makes them.
 */
final class PlainRunScan {

	private final byte[] in;

	private final int to;

	private final int[] runs;

	private final int runCount;

	/** The first run that may still lie ahead. */
	private int run;

	PlainRunScan(byte[] in, int to, int[] runs, int runCount) {
		this.in = in;
		this.to = to;
		this.runs = runs;
		this.runCount = runCount;
	}

	/**
	 * Returns the index of the first byte of {@code in[from, to)} to escape.
	 * @param from the first index to look at, not below that of the last call
	 * @return the index, or {@code to} when there is none
	 */
	int firstToEscape(int from) {
		int i = from;
		while (this.run < this.runCount) {
			int start = this.runs[this.run * 2];
			int end = this.runs[this.run * 2 + 1];
			if (i < start) {
				int hit = AsciiScan.firstToEscape(this.in, i, start);
				if (hit < start) {
					return hit;
				}
			}
			i = Math.max(i, end);
			this.run++;
		}
		return AsciiScan.firstToEscape(this.in, i, this.to);
	}

}
