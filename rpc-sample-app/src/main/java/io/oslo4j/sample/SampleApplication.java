package io.oslo4j.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts the sample: {@code ./mvnw -pl rpc-sample-app -am spring-boot:run}. With no
 * settings it uses the in-memory {@code fake://} transport; set
 * {@code RPC_TRANSPORT_URL=rabbit://guest:guest@localhost:5672/} to use RabbitMQ.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
