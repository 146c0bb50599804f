package io.oslo4j.rpc.test.app;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.PropertySource;

/**
 * An application that calls an inventory service and sends notifications, for the
 * harness's tests.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@PropertySource("classpath:harness-test.properties")
public class HarnessTestApplication {

}
