package io.oslo4j.rpc.serializer;

import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.security.TypeIdEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The default serializer refuses every class-name type id with the same text, whether the
 * class exists, is a subtype or not, and serves logical type names.
 */
class ClassTypeIdSerializerTest {

	private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

	@Test
	void classNamesAreRefusedWithOneText() {
		for (String id : new String[] { TypeIdEndpoint.Circle.class.getName(), "java.lang.ProcessBuilder",
				"no.such.Type" }) {
			assertThatExceptionOfType(SerializationException.class).as(id)
				.isThrownBy(() -> this.serializer.deserializeEntity(RpcContext.empty(), Map.of("@class", id),
						TypeIdEndpoint.Shape.class))
				.withMessageEndingWith("Could not resolve type id '" + id + "' as a subtype of `"
						+ TypeIdEndpoint.Shape.class.getName() + "`: a message may not name a Java class; give the "
						+ "type @JsonTypeInfo(use = Id.NAME) and @JsonSubTypes instead of Id.CLASS");
		}
	}

	@Test
	void logicalNamesAreServedAndWritten() {
		Object pet = this.serializer.deserializeEntity(RpcContext.empty(), Map.of("kind", "dog", "name", "rex"),
				TypeIdEndpoint.Pet.class);
		assertThat(pet).isInstanceOf(TypeIdEndpoint.Dog.class);
		assertThat(((TypeIdEndpoint.Pet) pet).name).isEqualTo("rex");
	}

}
