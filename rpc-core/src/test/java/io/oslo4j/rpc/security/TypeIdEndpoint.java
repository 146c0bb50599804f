package io.oslo4j.rpc.security;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Parameter types that let a message choose a subtype: by class name
 * ({@code @JsonTypeInfo(use = CLASS)}, refused) and by logical name ({@code NAME} with
 * {@code @JsonSubTypes}, served).
 */
public class TypeIdEndpoint {

	/** A type whose subtype a message would name by class. */
	@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
	public static class Shape {

		public int size;

	}

	/** A subtype of {@link Shape}. */
	public static class Circle extends Shape {

	}

	/** A type whose subtypes are a closed set of names. */
	@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
	@JsonSubTypes({ @JsonSubTypes.Type(value = Dog.class, name = "dog") })
	public static class Pet {

		public String name = "";

	}

	/** The {@code dog} subtype of {@link Pet}. */
	public static class Dog extends Pet {

	}

	public String shape(Shape shape) {
		return shape.getClass().getSimpleName();
	}

	public String pet(Pet pet) {
		return pet.getClass().getSimpleName() + " " + pet.name;
	}

}
