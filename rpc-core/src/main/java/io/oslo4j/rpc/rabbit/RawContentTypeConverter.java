package io.oslo4j.rpc.rabbit;

import com.rabbitmq.client.AMQP.BasicProperties;
import com.rabbitmq.client.Envelope;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;

/**
 * Spring's properties converter, except that a message without {@code content_type} is
 * marked as such instead of getting Spring's default {@code application/octet-stream}:
 * oslo rejects a message without a content type, so the transport must report it
 * faithfully.
 */
final class RawContentTypeConverter extends DefaultMessagePropertiesConverter {

	/** Marks a missing {@code content_type}. */
	static final String MISSING = "";

	@Override
	public MessageProperties toMessageProperties(BasicProperties source, Envelope envelope, String charset) {
		MessageProperties properties = super.toMessageProperties(source, envelope, charset);
		if (source.getContentType() == null) {
			properties.setContentType(MISSING);
		}
		return properties;
	}

}
