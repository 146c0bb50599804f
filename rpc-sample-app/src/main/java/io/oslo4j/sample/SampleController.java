package io.oslo4j.sample;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.client.RpcClients;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.NullNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small HTTP API whose every route but {@code /api/notifications} is an RPC through the
 * {@code @RpcClient} proxies. Every answer is JSON (see {@link JsonAnswers}); errors are
 * mapped by {@link SampleErrors}.
 */
@RestController
@RequestMapping("/api")
public class SampleController {

	private final CalculatorClient calculator;

	private final ControlClient control;

	private final SampleNotifications notifications;

	public SampleController(CalculatorClient calculator, ControlClient control, SampleNotifications notifications) {
		this.calculator = calculator;
		this.control = control;
		this.notifications = notifications;
	}

	@GetMapping("/add")
	public long add(@RequestParam long a, @RequestParam long b) {
		return this.calculator.add(a, b);
	}

	/**
	 * Sends the body through an RPC call and answers what came back.
	 * @param body any JSON value
	 * @return the same value; a {@code null} is answered as JSON {@code null}, not as an
	 * empty body
	 */
	@PostMapping("/echo")
	public Object echo(@RequestBody(required = false) @Nullable Object body) {
		Object value = this.calculator.echo(body);
		return (value != null) ? value : NullNode.getInstance();
	}

	@GetMapping("/sleep")
	public String sleep(@RequestParam int seconds) {
		return this.calculator.sleep(seconds);
	}

	@GetMapping("/fail")
	public void fail(@RequestParam String message) {
		this.calculator.fail(message);
	}

	@GetMapping("/whoami")
	public Map<String, Object> whoami() {
		RpcContext ctx = RpcContext.of(Map.of("request_id", "req-" + UUID.randomUUID(), "user_id", "sample"));
		return this.calculator.whoami(ctx);
	}

	@PostMapping("/record")
	@ResponseStatus(HttpStatus.ACCEPTED)
	public void record(@RequestBody(required = false) @Nullable Object event) {
		this.calculator.record(event);
	}

	@GetMapping("/events")
	public List<Object> events() {
		return this.calculator.events();
	}

	@PostMapping("/refresh")
	@ResponseStatus(HttpStatus.ACCEPTED)
	public void refresh() {
		this.control.refresh();
	}

	@GetMapping("/refreshes")
	public long refreshes() {
		return this.control.refreshes();
	}

	/**
	 * Returns how many {@code sample.event.recorded} notifications this instance's
	 * listener received.
	 * @return {@code {"received": N}}
	 */
	@GetMapping("/notifications")
	public Map<String, Long> notifications() {
		return Map.of("received", this.notifications.received());
	}

	@GetMapping("/ping")
	public String ping(@RequestParam(required = false) @Nullable String server) {
		ControlClient target = (server != null && !server.isBlank())
				? RpcClients.prepare(this.control, (p) -> p.server(server)) : this.control;
		return target.ping();
	}

}
